/**
 * The settings API end to end on PGlite: every documented route answered and validated against
 * openapi.json, no undocumented route served, sessions, CSRF, signed requests, rules, preview,
 * audit and feedback.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { createSettingsApiRouter } from '../../../src/settings/settings-router.ts';
import { createSchemaValidator, openapi } from '../../unit/settings-contract/openapi-document.ts';
import { openHarness, seedPortal, type Harness } from './harness.ts';

const validate = createSchemaValidator();
const expectSchema = (name: string, body: unknown) => {
  const result = validate(name, body);
  expect(result.errors).toEqual([]);
};

let h: Harness;
let admin: { cookie: string; csrf: string };
let seeded: { cardId: string; recordId: string };
beforeAll(async () => {
  h = await openHarness();
  seeded = await seedPortal(h.db, '111', 'a');
  admin = await h.signIn('111', '501', 'admin@example.com');
});
afterAll(async () => { await h.close(); });

const write = (method: 'put' | 'patch' | 'post', path: string, who = admin) =>
  request(h.app)[method](path).set('cookie', who.cookie).set('x-csrf-token', who.csrf).set('origin', h.publicBaseUrl);

describe('route inventory', () => {
  test('when the API router is read, then it serves exactly the routes openapi.json documents', () => {
    const router = createSettingsApiRouter({ db: h.db, store: h.service.store, sessions: h.service.sessions, clock: h.clock, log: undefined as never, config: { publicBaseUrl: h.publicBaseUrl, demo: true, hubspot: { clientSecrets: [] } } });
    const served = router.stack
      .flatMap((layer) => (layer.route ? Object.keys((layer.route as unknown as { methods: Record<string, boolean> }).methods).map((method) => `${method.toUpperCase()} ${String(layer.route?.path).replace(/:(\w+)/g, '{$1}')}`) : []))
      .sort();
    const documented = Object.entries(openapi.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, item]) => Object.keys(item).filter((key) => ['get', 'put', 'patch', 'post', 'delete'].includes(key)).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(served).toEqual(documented);
  });
});

describe('every route answers in the documented shape', () => {
  test('when the admin reads me, settings, rules, analytics, audit and cards, then each body matches its schema', async () => {
    const me = await request(h.app).get('/api/v1/me').set('cookie', admin.cookie).expect(200);
    expectSchema('Me', me.body);
    expect(me.body).toMatchObject({ portalId: 111, canEdit: true, authenticatedBy: 'session', demo: true });
    const settings = await request(h.app).get('/api/v1/settings').set('cookie', admin.cookie).expect(200);
    expectSchema('Settings', settings.body);
    expect(settings.body.version).toBe(0);
    const rules = await request(h.app).get('/api/v1/rules').set('cookie', admin.cookie).expect(200);
    expectSchema('RuleList', rules.body);
    for (const days of ['7', '30']) {
      const analytics = await request(h.app).get(`/api/v1/analytics?days=${days}`).set('cookie', admin.cookie).expect(200);
      expectSchema('Analytics', analytics.body);
    }
    const analytics = await request(h.app).get('/api/v1/analytics').set('cookie', admin.cookie).expect(200);
    expect(analytics.body.totals).toMatchObject({ delivered: 1, helpful: 1, helpfulRate: 1, skipped: 2 });
    expect(analytics.body.byLens.map((row: { lens: string }) => row.lens)).toEqual(['calm-attention', 'going-dark']);
    const cards = await request(h.app).get(`/api/v1/cards?objectType=contact&objectId=${seeded.recordId}`).set('cookie', admin.cookie).expect(200);
    expectSchema('CardList', cards.body);
    expect(cards.body.cards).toHaveLength(1);
    const audit = await request(h.app).get('/api/v1/audit').set('cookie', admin.cookie).expect(200);
    expectSchema('AuditPage', audit.body);
  });

  test('when settings are saved with the read version, then 200 with version 1 and an audit entry; the old version again gets 409', async () => {
    const current = (await request(h.app).get('/api/v1/settings').set('cookie', admin.cookie)).body;
    const { portalId: _p, updatedAt: _u, updatedBy: _b, ...values } = current;
    const body = { ...values, antiNoise: { ...values.antiNoise, dailyBudgetPerRep: 3 } };
    const saved = await write('put', '/api/v1/settings').send(body).expect(200);
    expectSchema('Settings', saved.body);
    expect(saved.body).toMatchObject({ version: current.version + 1, updatedBy: { userId: '501', via: 'settings-page' } });
    const conflict = await write('put', '/api/v1/settings').send(body).expect(409);
    expectSchema('ErrorBody', conflict.body);
    expect(conflict.body.error.code).toBe('version_conflict');
    const audit = await request(h.app).get('/api/v1/audit?limit=1').set('cookie', admin.cookie).expect(200);
    expect(audit.body.entries[0]).toMatchObject({ action: 'settings.updated', target: 'settings', changes: [{ path: 'antiNoise.dailyBudgetPerRep', before: 5, after: 3 }] });
  });

  test('when a setting is out of range or unknown, then 400 lists every problem with its field', async () => {
    const current = (await request(h.app).get('/api/v1/settings').set('cookie', admin.cookie)).body;
    const { portalId: _p, updatedAt: _u, updatedBy: _b, ...values } = current;
    const response = await write('put', '/api/v1/settings').send({ ...values, timeZone: 'Mars/Olympus', portalId: 222, antiNoise: { ...values.antiNoise, snoozeDays: 0 } }).expect(400);
    expectSchema('ErrorBody', response.body);
    const paths = response.body.error.problems.map((problem: { path: string }) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(['timeZone', 'antiNoise.snoozeDays', '']));
  });

  test('when a rule is switched off, then 200, the audit says rule.disabled, and a preview counts its tasks as rule-disabled', async () => {
    const before = await write('post', '/api/v1/preview').send({ days: 7 }).expect(200);
    expectSchema('PreviewResult', before.body);
    expect(before.body.byRule).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'follow-up', cards: 1 })]));
    const rule = await write('patch', '/api/v1/rules/follow-up').send({ enabled: false }).expect(200);
    expectSchema('Rule', rule.body);
    expect(rule.body).toMatchObject({ enabled: false, enabledByDefault: true, customized: true });
    const audit = await request(h.app).get('/api/v1/audit?limit=1').set('cookie', admin.cookie);
    expect(audit.body.entries[0]).toMatchObject({ action: 'rule.disabled', target: 'rule:follow-up', changes: [{ path: 'rules.follow-up.enabled', before: true, after: false }] });
    const after = await write('post', '/api/v1/preview').send({ days: 7 }).expect(200);
    expect(after.body.byRule).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'follow-up', matched: 1, cards: 0 })]));
    expect(after.body.skipped).toEqual(expect.arrayContaining([{ reason: 'rule-disabled', count: 1 }]));
    const unsaved = await write('post', '/api/v1/preview').send({ days: 7, rules: [{ ruleId: 'follow-up', enabled: true }], settings: { antiNoise: { dailyBudgetPerRep: 4 } } }).expect(200);
    expect(unsaved.body.cards).toBe(before.body.cards);
    expect(unsaved.body.examples.length).toBeGreaterThan(0);
  });

  test('when patterns re2js cannot run are saved, then 400 names each pattern in words an admin understands, and nothing changes', async () => {
    const response = await write('patch', '/api/v1/rules/check-in').send({ patterns: ['^(?!renewal).*follow up', '(a)\\1', 'chase( up'], enabled: false }).expect(400);
    expectSchema('ErrorBody', response.body);
    expect(response.body.error.problems.map((p: { path: string; code: string }) => [p.path, p.code])).toEqual([
      ['patterns[0]', 'unsupported_regex'], ['patterns[1]', 'unsupported_regex'], ['patterns[2]', 'invalid_regex']]);
    expect(response.body.error.problems[0].message).toMatch(/^Pattern 1: Lookahead/);
    const rules = await request(h.app).get('/api/v1/rules').set('cookie', admin.cookie);
    expect(rules.body.rules.find((r: { id: string }) => r.id === 'check-in')).toMatchObject({ enabled: true, patterns: [] });
    await write('patch', '/api/v1/rules/check-in').send({ patterns: ['x'.repeat(257)] }).expect(400);
    const ok = await write('patch', '/api/v1/rules/check-in').send({ patterns: ['(a+)+$'], phrases: { nl: { add: ['even bellen'] } } }).expect(200);
    expect(ok.body.patterns).toEqual(['(a+)+$']);
    expect(ok.body.phrases.nl.added).toEqual(['even bellen']);
    const duplicate = await write('patch', '/api/v1/rules/check-in').send({ phrases: { nl: { add: ['Even  Bellen'] }, en: { remove: ['no such phrase'] } } }).expect(400);
    expect(duplicate.body.error.problems.map((p: { code: string }) => p.code)).toEqual(['unknown_phrase', 'duplicate_phrase']);
  });

  test('when a rep reacts to a card twice and then differently, then one reaction is kept per user and snooze returns its end', async () => {
    const helpful = await write('post', `/api/v1/cards/${seeded.cardId}/feedback`).send({ reaction: 'helpful' }).expect(200);
    expectSchema('Feedback', helpful.body);
    await write('post', `/api/v1/cards/${seeded.cardId}/feedback`).send({ reaction: 'helpful' }).expect(200);
    const snooze = await write('post', `/api/v1/cards/${seeded.cardId}/feedback`).send({ reaction: 'snooze', snoozeDays: 3 }).expect(200);
    expect(snooze.body.snoozedUntil).toBe(new Date(h.clock.now() + 3 * 86_400_000).toISOString());
    const cards = await request(h.app).get(`/api/v1/cards?objectType=contact&objectId=${seeded.recordId}`).set('cookie', admin.cookie);
    expect(cards.body.cards[0].feedback).toBe('snooze');
    const rows = await h.db.query<{ action: string }>(`select action from card_feedback where portal_id = '111' and user_id = '501'`);
    expect(rows.map((row) => row.action)).toEqual(['snooze']);
    await write('post', `/api/v1/cards/${seeded.cardId}/feedback`).send({ reaction: 'helpful', snoozeDays: 3 }).expect(400);
  });

  test('when the body is over 100 kB or not JSON, then 413 or 400 in the error shape', async () => {
    const big = await write('post', '/api/v1/preview').set('content-type', 'application/json').send(`{"days":7,"x":"${'a'.repeat(110_000)}"}`).expect(413);
    expectSchema('ErrorBody', big.body);
    const bad = await write('post', '/api/v1/preview').set('content-type', 'application/json').send('{"days":').expect(400);
    expectSchema('ErrorBody', bad.body);
  });
});
