/**
 * The sandbox's demo pages over HTTP (issue 16): the strict CSP on every page, the contacts
 * index and its order, a record's 404, escaping of what users and HubSpot wrote, the note HTML
 * sanitised, the app's timeline-v3 events and app events drawn from their templates, and the
 * new-task form (created as a rep, refused cross-site, validated).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test, beforeEach } from '@jest/globals';
import request from 'supertest';
import type { Card } from '../../../src/cards/card.ts';
import { renderNoteBody } from '../../../src/cards/render-note.ts';
import { renderAppEventProperties, renderTimelineEvent } from '../../../src/cards/render-timeline.ts';
import { createFixedClock } from '../../../src/clock.ts';
import { createSandbox, type Sandbox } from '../../../src/sandbox/create-sandbox.ts';
import { PAGE_CSP } from '../../../src/sandbox/pages/routes-pages.ts';
import { associationsOf, recordsOf, type CrmRecord } from '../../../src/sandbox/portal.ts';
import { APP_EVENT_TEMPLATE } from '../../../src/sandbox/seed-app.ts';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const EVIL = '<script>alert(1)</script> "><img src=x onerror=alert(1)> {{constructor}} [x](javascript:alert(1)) **b**';

let sandbox: Sandbox;
let contact: CrmRecord;
const recordUrl = (id = contact.id) => `/contacts/${sandbox.portalId}/record/0-1/${id}`;
const auth = () => ({ authorization: `Bearer ${sandbox.accessToken}` });

beforeEach(() => {
  sandbox = createSandbox({ clock: createFixedClock(NOW), rateLimits: false });
  contact = [...recordsOf(sandbox.state.portal(), 'contacts').values()][5]!;
});

function card(text: string): Card {
  return {
    locale: 'en',
    headline: { templateId: 't', text: `Before you follow up: ${text}?` },
    questions: [{ templateId: 'q1', lens: 'going-dark', text: `First ${text}?`, facts: [] }, { templateId: 'q2', lens: 'calm-attentiveness', text: `Second ${text}?`, facts: [] }],
    why: { facts: [], missing: [], text: `Why this card: ${text}` },
    taskSubject: text,
    feedbackLinks: { helpful: 'http://127.0.0.1:3000/feedback/h', notHelpful: 'http://127.0.0.1:3000/feedback/n', snooze: 'javascript:alert(1)' },
  };
}

describe('every page', () => {
  test.each(['/', '/contacts/24681357/objects/0-1/fragment', '/contacts/1/objects/0-1/fragment', `/contacts/24681357/record/0-1/10001`, '/contacts/24681357/record/0-1/10001/timeline', '/contacts/24681357/record/0-1/999999', '/contacts/1/record/0-1/10001'])('when %s is requested, then it carries the strict CSP and no inline script', async (path) => {
    const res = await request(sandbox.app).get(path);
    expect(res.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(PAGE_CSP).toContain("script-src 'self'");
    expect(PAGE_CSP).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).not.toMatch(/<script(?![^>]*\ssrc="\/__sandbox\/assets\/timeline\.js")/);
    expect(res.text).not.toMatch(/\sstyle=|\son[a-z]+=/i);
  });

  test('when the script and stylesheet are requested, then they are served as files with their types', async () => {
    const js = await request(sandbox.app).get('/__sandbox/assets/timeline.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.text).toContain('setInterval(refresh');
    const css = await request(sandbox.app).get('/__sandbox/assets/demo.css');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.text).toContain('[data-unrobot-card] { display: none; }');
  });

  test('when pages are viewed, then the request log of API calls does not count them', async () => {
    await request(sandbox.app).get('/');
    await request(sandbox.app).get(recordUrl());
    expect(sandbox.state.requests.snapshot().total).toBe(0);
  });
});

describe('the contacts index', () => {
  test('when the root is opened, then it lists every contact with its company, open tasks and card count, linking to its record', async () => {
    const res = await request(sandbox.app).get('/');
    expect(res.status).toBe(200);
    expect(res.text.match(/<tr[ >]/g)).toHaveLength(61);
    const row = new RegExp(`<a href="${recordUrl()}">${contact.properties.firstname} ${contact.properties.lastname}</a></td>\\s*<td>${contact.properties.company}</td><td class="num">(\\d+)</td><td class="num">0</td>`);
    const open = associationsOf(sandbox.state.portal(), 'contacts', contact.id, 'tasks').length;
    expect(row.exec(res.text)?.[1]).toBe(String(open));
  });

  test('when two contacts have cards, then the one with the newer card comes first', async () => {
    const [older, newer] = [...recordsOf(sandbox.state.portal(), 'contacts').values()].slice(10, 12) as [CrmRecord, CrmRecord];
    for (const [who, at] of [[older, NOW - 60_000], [newer, NOW - 1_000]] as const) {
      await request(sandbox.app).post('/crm/v3/objects/notes').set(auth()).send({
        properties: { hs_note_body: renderNoteBody(card('x')), hs_timestamp: new Date(at).toISOString() },
        associations: [{ to: { id: who.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }],
      }).expect(201);
    }
    const res = await request(sandbox.app).get('/');
    const first = res.text.indexOf(recordUrl(newer.id));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(res.text.indexOf(recordUrl(older.id)));
    expect(res.text.indexOf(recordUrl(older.id))).toBeLessThan(res.text.indexOf(recordUrl(contact.id)));
  });

  test('when the index polls its fragment, then it gets the table alone (404 for an unknown portal)', async () => {
    const res = await request(sandbox.app).get(`/contacts/${sandbox.portalId}/objects/0-1/fragment`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^<p class="lede">[\s\S]*<\/table>$/);
    expect(res.text).toContain(recordUrl());
    expect((await request(sandbox.app).get('/contacts/1/objects/0-1/fragment')).status).toBe(404);
  });

  test('when a contact\'s name holds markup, then the index and the record show it as text', async () => {
    contact.properties.firstname = EVIL;
    for (const path of ['/', recordUrl()]) {
      const res = await request(sandbox.app).get(path);
      expect(res.text).not.toContain('<script>alert(1)');
      expect(res.text).not.toContain('<img src=x');
      expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    }
  });
});

describe('a contact record', () => {
  test('when a contact does not exist (or the portal does not), then the answer is a 404 page', async () => {
    for (const path of [recordUrl('999999'), `/contacts/1/record/0-1/${contact.id}`, `${recordUrl('999999')}/timeline`]) {
      const res = await request(sandbox.app).get(path);
      expect(res.status).toBe(404);
      expect(res.text).toContain('Not found');
    }
  });

  test('when the record is opened, then it shows the properties, the deals with stage and close date, the tickets and the timeline newest first', async () => {
    const portal = sandbox.state.portal();
    const withTicket = [...recordsOf(portal, 'contacts').values()].find((c) => associationsOf(portal, 'contacts', c.id, 'tickets').length > 0 && associationsOf(portal, 'contacts', c.id, 'deals').length > 0)!;
    const res = await request(sandbox.app).get(recordUrl(withTicket.id));
    expect(res.status).toBe(200);
    const p = withTicket.properties;
    for (const text of [p.email, p.jobtitle, p.company, 'Lifecycle stage', 'Contact owner']) expect(res.text).toContain(text);
    const deal = recordsOf(portal, 'deals').get(associationsOf(portal, 'contacts', withTicket.id, 'deals')[0]!.toId)!;
    expect(res.text).toContain(deal.properties.dealname!.replace('–', '–'));
    expect(res.text).toMatch(/(Appointment scheduled|Qualified to buy|Presentation scheduled|Decision maker bought-in|Contract sent|Closed won|Closed lost) · closes \d+ \w+ \d{4}/);
    const ticket = recordsOf(portal, 'tickets').get(associationsOf(portal, 'contacts', withTicket.id, 'tickets')[0]!.toId)!;
    expect(res.text).toContain(ticket.properties.subject);
    const times = [...res.text.matchAll(/<article class="entry[^"]*"[^>]*>\s*<header>[\s\S]*?<time>([^<]+) UTC<\/time>/g)].map((m) => Date.parse(`${m[1]} UTC`));
    expect(times.length).toBeGreaterThan(2);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const kind of ['tasks', 'emails']) expect(res.text).toContain(`data-kind="${kind}"`);
  });

  test('when the app wrote a note with hostile HTML, then the note shows sanitised: formatting and http(s) links kept, scripts, handlers, styles and javascript: links gone, the marker hidden by class', async () => {
    const body = `${renderNoteBody(card(EVIL))}<p onclick="x()">kept</p><script>bad()</script><a href="javascript:alert(2)">js</a><img src=x onerror=y><iframe src="http://evil"></iframe><p style="display:none" data-unrobot-card="unrobot0123">unrobot0123</p>`;
    await request(sandbox.app).post('/crm/v3/objects/notes').set(auth()).send({
      properties: { hs_note_body: body, hs_timestamp: new Date(NOW).toISOString() },
      associations: [{ to: { id: contact.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }],
    }).expect(201);
    const res = await request(sandbox.app).get(recordUrl());
    const entry = /<article class="entry card" data-card="true" data-kind="notes"[\s\S]*?<\/article>/.exec(res.text)?.[0] ?? '';
    expect(entry).toContain('<span class="app">Unrobot</span>');
    expect(entry).toContain('<p>kept</p>');
    expect(entry).toContain('<li>First &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(entry).toContain('<a href="http://127.0.0.1:3000/feedback/h" rel="noopener noreferrer">Helpful</a>');
    expect(entry).toContain('<p data-unrobot-card="unrobot0123">unrobot0123</p>');
    expect(entry).not.toMatch(/<script|<img|<iframe|onclick|onerror=y|style=|href="javascript/i);
    expect(res.text).toContain('1 Unrobot card');
  });

  test('when the app posted a timeline-v3 event, then it is drawn from its template: headline, questions, why and feedback links, every token as text', async () => {
    const parts = renderTimelineEvent(card(EVIL));
    await request(sandbox.app).post('/integrators/timeline/v3/events').set(auth()).send({ eventTemplateId: '1001000', objectId: contact.id, id: 'ev-1', ...parts }).expect(201);
    const res = await request(sandbox.app).get(recordUrl());
    const entry = /<article class="entry card" data-card="true" data-kind="timeline-v3">[\s\S]*?<\/article>/.exec(res.text)?.[0] ?? '';
    expect(entry).toMatch(/<div class="entry-title"><p>Before you follow up: [^<]*\?<\/p>\s*<\/div><ul>\s*<li>First [^<]*<\/li>\s*<li>Second [^<]*<\/li>\s*<\/ul>\s*<p><em>Why this card: [^<]*<\/em><\/p>/);
    expect(entry).toContain('<a href="http://127.0.0.1:3000/feedback/h" rel="noopener noreferrer">Helpful</a>');
    expect(entry).not.toMatch(/<script|<img|<strong>b|href="javascript/i);
  });

  test('when the app posted an app event, then it is drawn from the app event type\'s template, every property as text', async () => {
    const properties = renderAppEventProperties(card(EVIL), { cardId: 'card-1' });
    await request(sandbox.app).post('/integrators/timeline/v4/events').set(auth()).send({ eventTypeName: `ae${sandbox.state.app.appId}_reflection_contacts`, objectId: contact.id, id: 'card-1', properties }).expect(201);
    const res = await request(sandbox.app).get(recordUrl());
    const entry = /<article class="entry card" data-card="true" data-kind="app-event">[\s\S]*?<\/article>/.exec(res.text)?.[0] ?? '';
    expect(entry).toMatch(/<p>Instead of: <em>[^<]*<\/em><\/p>\s*<ul>\s*<li>First [^<]*<\/li>\s*<li>Second [^<]*<\/li>\s*<\/ul>\s*<p><strong>Why this card:<\/strong> Why this card: [^<]*<\/p>/);
    expect(entry).toContain('<a href="http://127.0.0.1:3000/feedback/h" rel="noopener noreferrer">Helpful</a>');
    expect(entry).not.toMatch(/<script|<img|<strong>b|href="javascript/i);
  });

  test('when the app event type\'s template is read, then it is the one the HubSpot project defines', () => {
    const meta = JSON.parse(readFileSync(new URL('../../../extension-manifest/src/app/app-events/reflection-card-hsmeta.json', import.meta.url), 'utf8')) as { config: { headerTemplate: string; detailTemplate: string } };
    expect(APP_EVENT_TEMPLATE).toEqual({ headerTemplate: meta.config.headerTemplate, detailTemplate: meta.config.detailTemplate });
  });
});

describe('the new-task form', () => {
  const post = (body: Record<string, string>, headers: Record<string, string> = {}) => request(sandbox.app).post(`${recordUrl()}/tasks`).type('form').set(headers).send(body);
  const tasksOf = () => associationsOf(sandbox.state.portal(), 'contacts', contact.id, 'tasks').map((a) => recordsOf(sandbox.state.portal(), 'tasks').get(a.toId)!);

  test('when the form is posted, then a rep\'s task exists on the contact and its company, and the browser is sent back to the record', async () => {
    const before = tasksOf().length;
    const res = await post({ subject: 'Follow up now', type: 'CALL' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${recordUrl()}#timeline`);
    const task = tasksOf().find((t) => t.properties.hs_task_subject === 'Follow up now')!;
    expect(tasksOf()).toHaveLength(before + 1);
    expect(task.properties).toMatchObject({ hs_task_type: 'CALL', hs_task_status: 'NOT_STARTED', hs_object_source: 'CRM_UI', hubspot_owner_id: contact.properties.hubspot_owner_id });
    expect(associationsOf(sandbox.state.portal(), 'tasks', task.id, 'companies').map((a) => a.toId)).toEqual([contact.properties.associatedcompanyid]);
  });

  test('when the page\'s script posts it asking for JSON, then it answers 201 with the task id; the task\'s markup shows as text on the timeline', async () => {
    const res = await post({ subject: '<b onmouseover=alert(1)>Ping</b>' }, { accept: 'application/json', origin: 'http://127.0.0.1' }).set('host', '127.0.0.1');
    expect(res.status).toBe(201);
    const page = await request(sandbox.app).get(`${recordUrl()}/timeline`);
    expect(page.text).toContain(`data-id="${(res.body as { id: string }).id}"`);
    expect(page.text).toContain('&lt;b onmouseover=alert(1)&gt;Ping&lt;/b&gt;');
    expect(page.text).not.toContain('<b onmouseover');
  });

  test('when the post comes from another site, or has no title, then no task is created', async () => {
    const before = tasksOf().length;
    expect((await post({ subject: 'Follow up' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ subject: 'Follow up' }, { origin: 'http://evil.example' })).status).toBe(403);
    const empty = await post({ subject: '   ' }, { accept: 'application/json' });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual({ message: 'the task needs a title' });
    expect((await request(sandbox.app).post(`${recordUrl('999999')}/tasks`).type('form').send({ subject: 'x' })).status).toBe(404);
    expect(tasksOf()).toHaveLength(before);
  });
});
