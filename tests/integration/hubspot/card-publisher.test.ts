import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { systemClock } from '../../../src/clock.ts';
import type { Card } from '../../../src/cards/card.ts';
import { composeCard } from '../../../src/cards/compose-card.ts';
import { deriveSignals } from '../../../src/context/derive-signals.ts';
import { cardMarker } from '../../../src/hubspot/card-marker.ts';
import { createCardPublisher } from '../../../src/hubspot/card-publisher.ts';
import { createCrmSnapshotReader } from '../../../src/hubspot/crm-snapshot-reader.ts';
import type { DeliveryTarget, RecordRef } from '../../../src/hubspot/ports.ts';
import { runProvision } from '../../../scripts/provision.ts';
import type { DeliverySettings } from '../../../src/settings/portal-settings.ts';
import { createTemplateRenderer } from '../../../src/sandbox/pages/render-template.ts';
import { log, startHubSpotSandbox, TOKEN, type Started } from './hubspot-sandbox.ts';

let s: Started;
beforeAll(async () => { s = await startHubSpotSandbox(); });
afterAll(async () => { await s.close(); });

const EVIL = '</p><script>alert(1)</script><img src=x onerror=alert(2)>{{headline}}';
const card = (headline = 'What has changed for Acme since your proposal?'): Card => ({
  locale: 'en',
  headline: { templateId: 'h.test', text: headline },
  questions: [{ templateId: 'q.test', lens: 'calm-attentiveness' as Card['questions'][number]['lens'], text: `Who at ${EVIL} could tell you more?`, facts: [] }],
  why: { facts: [], missing: [], text: 'Why this card: last reply 23 days ago' },
  feedbackLinks: { helpful: 'https://app.example/f/1', notHelpful: 'javascript:alert(3)', snooze: 'https://app.example/f/3' },
});

let seq = 0;
async function taskTarget(channel: DeliverySettings): Promise<DeliveryTarget> {
  const taskId = s.sandbox.groundTruth()!.roboticTaskIds[seq]!;
  seq += 2; // even index: the seeded task also has a deal
  const result = (await createCrmSnapshotReader({ clients: s.clients(), log, clock: systemClock }).loadSnapshots(s.portalId, TOKEN, [taskId], Date.now())).get(taskId);
  if (result === undefined || 'gone' in result) throw new Error('seeded task not readable');
  return { portalId: s.portalId, accessToken: TOKEN, taskId, cardId: `card-${taskId}-${channel.channel}`, records: result.records, delivery: channel, now: Date.now() };
}

const publisher = () => createCardPublisher({ clients: s.clients(), log });
const notesOn = async (objectId: string) => (await s.control<{ results: Array<{ id: string; body: string; associations: Array<{ toObjectId: string; associationTypeId: number }> }> }>('GET', `/__sandbox/notes?objectId=${objectId}`)).results;
const byType = (records: RecordRef[], type: RecordRef['objectType']) => records.find((r) => r.objectType === type)!;

describe('createCardPublisher against the sandbox', () => {
  it('when a note is published, then it is on the contact, company and deal, escaped, and findExisting finds it by its marker', async () => {
    const target = await taskTarget({ channel: 'note' });
    expect(await publisher().findExisting(target)).toBeUndefined();
    const { hubspotObjectId } = await publisher().publish(card(), target);
    const [note] = (await notesOn(byType(target.records, 'contact').id)).filter((n) => n.id === hubspotObjectId);
    expect(note?.associations.map((a) => a.associationTypeId).sort()).toEqual([190, 202, 214]);
    expect(note?.body).toContain(cardMarker(target.cardId));
    expect(note?.body).not.toMatch(/<script|<img|javascript:/i);
    expect(note?.body).toContain('&lt;script&gt;');
    expect(await publisher().findExisting(target)).toEqual({ hubspotObjectId });
    expect(await publisher().findExisting({ ...target, cardId: 'another-card' })).toBeUndefined();
  });

  it('when a timeline v3 event is published twice, then HubSpot keeps one and the second is treated as already there', async () => {
    const lines: string[] = [];
    const app = s.sandbox.state.app;
    expect(await runProvision(['--developer-api-key', app.developerApiKey, '--app-id', String(app.appId), '--base-url', s.url], (t) => lines.push(t))).toBe(0);
    const eventTemplateId = /template (\d+)/.exec(lines.join(''))?.[1];
    const target = await taskTarget({ channel: 'timeline-v3', eventTemplateId: eventTemplateId! });
    expect(await publisher().findExisting(target)).toBeUndefined();
    expect(await publisher().publish(card(), target)).toEqual({ hubspotObjectId: target.cardId });
    expect(await publisher().publish(card(), target)).toEqual({ hubspotObjectId: target.cardId });
    const events = (await s.control<{ results: Array<{ id: string; objectId: string; tokens: Record<string, string> }> }>('GET', '/__sandbox/timeline-events')).results.filter((e) => e.id === target.cardId);
    expect(events).toHaveLength(1);
    expect(events[0]?.objectId).toBe(byType(target.records, 'contact').id);
    expect(await publisher().findExisting(target)).toEqual({ hubspotObjectId: target.cardId });
  });

  it('when an app event is published twice, then HubSpot keeps one (409 on the repeat)', async () => {
    const target = await taskTarget({ channel: 'app-event', eventTypeName: 'ae4242001_reflection_companies' });
    await publisher().publish(card(), target);
    await publisher().publish(card(), target);
    const events = (await s.control<{ results: Array<{ id: string; kind: string; objectId: string; tokens: Record<string, string> }> }>('GET', '/__sandbox/timeline-events')).results.filter((e) => e.id === target.cardId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'app-event', objectId: byType(target.records, 'company').id });
    // The value is left for the type's `{{question1}}` to HTML-escape: rendered as HubSpot renders it, no tag survives.
    const shown = String(createTemplateRenderer().render('{{question1}}', events[0]?.tokens ?? {}));
    expect(shown).not.toMatch(/<script|<img/i);
    expect(shown).toContain('&lt;script&gt;');
  });

  it('when the task body channel runs twice, then the appendix is added once, escaped, and found afterwards', async () => {
    const target = await taskTarget({ channel: 'task-body' });
    expect(await publisher().findExisting(target)).toBeUndefined();
    await publisher().publish(card(), target);
    await publisher().publish(card(), target);
    const tasks = (await s.control<{ results: Array<{ id: string; properties: Record<string, string> }> }>('GET', '/__sandbox/tasks')).results;
    const body = tasks.find((t) => t.id === target.taskId)?.properties.hs_task_body ?? '';
    expect(body.split(cardMarker(target.cardId)).length - 1).toBe(2); // attribute + text of one marker
    expect(body).not.toMatch(/<script|<img/i);
    expect(await publisher().findExisting(target)).toEqual({ hubspotObjectId: target.taskId });
  });

  it('when a card has nowhere to go, then publishing fails permanently', async () => {
    const target = { ...(await taskTarget({ channel: 'note' })), records: [] };
    await expect(publisher().publish(card(), target)).rejects.toMatchObject({ code: 'delivery.no-target', retryable: false });
  });

  it('when HubSpot fails the note write with a 503, then the error is retryable', async () => {
    const target = await taskTarget({ channel: 'note' });
    await s.control('POST', '/__sandbox/faults', { method: 'POST', path: '/crm/v3/objects/notes', times: 1, status: 503 });
    await expect(publisher().publish(card(), target)).rejects.toMatchObject({ code: 'hubspot.unavailable', retryable: true });
  });

  it('when CRM records carry injection strings, then the composed note keeps them as text', async () => {
    const api = async (path: string, body: unknown) => {
      const response = await fetch(`${s.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await response.json()) as { id: string };
    };
    const company = await api('/crm/v3/objects/companies', { properties: { name: EVIL, industry: 'RETAIL' } });
    const contact = await api('/crm/v3/objects/contacts', { properties: { firstname: '<img src=x onerror=alert(1)>', lastname: '"><svg onload=alert(1)>', jobtitle: EVIL } });
    const task = await s.control<{ id: string }>('POST', '/__sandbox/tasks', { subject: `Follow up with ${EVIL}`, contactIds: [contact.id], companyIds: [company.id] });
    const now = Date.now();
    const result = (await createCrmSnapshotReader({ clients: s.clients(), log, clock: systemClock }).loadSnapshots(s.portalId, TOKEN, [task.id], now)).get(task.id);
    if (result === undefined || 'gone' in result) throw new Error('task not readable');
    const composed = composeCard({ snapshot: result.snapshot, signals: deriveSignals(result.snapshot, now), now });
    const target: DeliveryTarget = { portalId: s.portalId, accessToken: TOKEN, taskId: task.id, cardId: `card-${task.id}`, records: result.records, delivery: { channel: 'note' }, now };
    const { hubspotObjectId } = await publisher().publish(composed, target);
    const note = (await notesOn(contact.id)).find((n) => n.id === hubspotObjectId);
    expect(note?.body).toBeDefined();
    expect(note?.body).not.toMatch(/<script|<img|<svg/i);
    expect(note?.body.match(/<\/?([a-z]+)/g)?.every((tag) => /^<\/?(p|strong|ul|li|em|a)$/.test(tag))).toBe(true);
  });
});
