/**
 * Issue 13 item 4 through HTTP: the rule list shows the classifier's new default rules as rules an
 * admin can switch off, each with how many of the portal's recent tasks it recognised (from the
 * stored task subjects, with no HubSpot call), and the dry-run preview shows the effect of
 * switching one off before it is saved.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import request from 'supertest';
import { createSchemaValidator } from '../../unit/settings-contract/openapi-document.ts';
import { NOW as NOW_MS, openHarness, seedPortal, storeTaskSubject, type Harness } from './harness.ts';

const validate = createSchemaValidator();
const NEW_RULES = ['pointer-follow-up', 'topicless-invitation', 'topicless-question', 'meeting-no-agenda', 'vague-work', 'template-slots'];

let h: Harness;
let admin: { cookie: string; csrf: string };
let hubspotAsked = 0;
/** The portal's stored tasks: clear cases of the kinds, one specific. */
const TASKS = ['Follow up', 'Check in with Jane', 'Touch base', 'Follow up on the proposal', 'Grab breakfast sometime?', 'Send the HIPAA addendum their counsel asked for'];
beforeAll(async () => {
  // A preview source that records being asked: listing the rules must never ask it.
  h = await openHarness({ preview: () => { hubspotAsked += 1; return undefined; } });
  await h.db.query(`insert into webhook_deliveries (id, received_at, status, event_count, portal_ids, body) values ($1, $2, 'accepted', 6, $3, $4)`,
    ['00000000-0000-4000-8000-000000000111', new Date(NOW_MS), ['111'], Buffer.from('[]')]);
  for (const [index, subject] of TASKS.entries()) await storeTaskSubject(h.db, '111', `111900${index}`, subject, NOW_MS - (index + 1) * 60_000);
  admin = await h.signIn('111', '501', 'admin@example.com');
});
afterAll(async () => { await h.close(); });

const write = (method: 'patch' | 'post', path: string) =>
  request(h.app)[method](path).set('cookie', admin.cookie).set('x-csrf-token', admin.csrf).set('origin', h.publicBaseUrl);

interface RuleList { rules: Array<{ id: string; enabled: boolean; phraseRole: string }>; counts: { tasks: number; byRule: Array<{ ruleId: string; recognised: number }> } }
const recognised = (list: RuleList) => Object.fromEntries(list.counts.byRule.map((row) => [row.ruleId, row.recognised]));

test('when the rules are listed, then the new default rules are there, switchable, and each rule says how many recent tasks it recognised, without asking HubSpot', async () => {
  const { body } = await request(h.app).get('/api/v1/rules').set('cookie', admin.cookie).expect(200);
  expect(validate('RuleList', body).errors).toEqual([]);
  const list = body as RuleList;
  for (const id of NEW_RULES) expect([id, list.rules.find((rule) => rule.id === id)?.enabled]).toEqual([id, true]);
  expect(list.rules.find((rule) => rule.id === 'pointer-follow-up')?.phraseRole).toBe('pointer');
  expect(list.rules.find((rule) => rule.id === 'follow-up')?.phraseRole).toBe('action');
  expect(list.counts.tasks).toBe(6);
  expect(recognised(list)).toEqual({ 'follow-up': 1, 'check-in': 2, 'pointer-follow-up': 1, 'topicless-invitation': 1 });
  expect(hubspotAsked).toBe(0);
});

test('when pointer-follow-up is switched off in the preview, then "Follow up on the proposal" goes from a card to none, and the rule list still counts what the rule would catch', async () => {
  const before = (await write('post', '/api/v1/preview').send({ days: 7 }).expect(200)).body as { examples: Array<{ taskSubject: string; ruleId: string }>; byRule: Array<{ ruleId: string; matched: number; cards: number }> };
  expect(before.examples.find((card) => card.taskSubject === 'Follow up on the proposal')?.ruleId).toBe('pointer-follow-up');
  expect(before.byRule.find((row) => row.ruleId === 'pointer-follow-up')).toMatchObject({ matched: 1, cards: 1 });

  const after = (await write('post', '/api/v1/preview').send({ days: 7, rules: [{ ruleId: 'pointer-follow-up', enabled: false }] }).expect(200)).body as typeof before & { skipped: Array<{ reason: string; count: number }> };
  expect(after.examples.map((card) => card.taskSubject)).not.toContain('Follow up on the proposal');
  expect(after.byRule.find((row) => row.ruleId === 'pointer-follow-up')).toMatchObject({ matched: 1, cards: 0 });
  expect(after.skipped).toContainEqual({ reason: 'rule-disabled', count: 1 });

  await write('patch', '/api/v1/rules/pointer-follow-up').send({ enabled: false }).expect(200);
  const { body } = await request(h.app).get('/api/v1/rules').set('cookie', admin.cookie).expect(200);
  expect((body as RuleList).rules.find((rule) => rule.id === 'pointer-follow-up')?.enabled).toBe(false);
  expect(recognised(body as RuleList)['pointer-follow-up']).toBe(1);
});

test('when another portal lists its rules, then it counts only its own tasks', async () => {
  const other = await h.signIn('222', '601');
  const { body } = await request(h.app).get('/api/v1/rules').set('cookie', other.cookie).expect(200);
  expect((body as RuleList).counts).toMatchObject({ tasks: 0, byRule: [] });
});

test('when a portal stored more tasks than one count reads, then the newest are counted and the list says it is truncated', async () => {
  const portal = '333';
  await seedPortal(h.db, portal, 'c');  // its own delivery row, and four tasks 1-4 hours old
  // 2,000 specific tasks in the last hours, and one old generic one whose id sorts first.
  await h.db.query(
    `insert into webhook_events (portal_id, event_key, delivery_id, status, subscription_type, object_type_id, object_id, event_id, subscription_id, property_name, property_value, occurred_at, received_at)
     select $1, 'bulk-' || n, $2, 'queued', 'object.propertyChange', '0-27', '5' || lpad(n::text, 6, '0'), '5' || n, '1', 'hs_task_subject',
       'Send the HIPAA addendum their counsel asked for', $3::bigint - n * 1000, $4 from generate_series(1, 2000) as n`,
    [portal, '00000000-0000-4000-8000-000000000333', NOW_MS - 60_000, new Date(NOW_MS)]);
  await storeTaskSubject(h.db, portal, '1000000', 'Chase the order form', NOW_MS - 5 * 86_400_000);
  const viewer = await h.signIn(portal, '701');
  const { body } = await request(h.app).get('/api/v1/rules').set('cookie', viewer.cookie).expect(200);
  const counts = (body as RuleList).counts as RuleList['counts'] & { truncated: boolean };
  expect([counts.tasks, counts.truncated]).toEqual([2000, true]);
  expect(recognised(body as RuleList)['pointer-follow-up']).toBeUndefined();
});
