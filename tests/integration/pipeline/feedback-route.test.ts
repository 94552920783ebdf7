/**
 * `GET /feedback/:token` mounted in the real app over the PGlite ledger: a valid link records
 * once, snooze writes the snooze, and forged, tampered, expired or cross-portal links get 404.
 */
import request from 'supertest';
import { createFixedClock } from '../../../src/clock.ts';
import { loadConfig } from '../../../src/config.ts';
import { createFeedbackToken, type FeedbackAction } from '../../../src/feedback/feedback-link.ts';
import { createApp } from '../../../src/http/create-app.ts';
import { createLogger } from '../../../src/logger.ts';
import { DEFAULT_RULE_PACK, resolveRules } from '../../../src/rules/index.ts';
import { DEFAULT_PORTAL_SETTINGS } from '../../../src/settings/portal-settings.ts';
import type { CardLedger } from '../../../src/store/card-store.ts';
import { applyMigrations } from '../../../src/store/migrations.ts';
import { openPgliteMemory } from '../../helpers/pglite-template.ts';
import type { SqlDatabase } from '../../../src/store/sql-database.ts';
import { createSqlCardStore } from '../../../src/store/sql-card-store.ts';

const NOW = Date.parse('2026-03-24T10:00:00Z');
const SECRET = 'another-feedback-secret-of-32-bytes-or-more';
const PORTAL = '24681357';
const log = createLogger({ level: 'silent' });

describe('feedback route', () => {
  let db: SqlDatabase;
  let ledger: CardLedger;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await openPgliteMemory();
    await applyMigrations(db);
    ledger = createSqlCardStore(db, { enqueue: async () => 0 });
    await ledger.insertPendingCard({
      portalId: PORTAL, cardId: 'card-1', stepKey: 'k1', taskId: '1', ruleId: 'follow-up', ruleVersion: 'v', channel: 'note', locale: 'en',
      lensIds: [], ownerId: '7', records: [{ objectType: 'contact', id: '906' }, { objectType: 'company', id: '3306' }], content: { headline: { templateId: 'h', text: 'x' } }, createdAt: NOW,
    });
    const store = { recordDelivery: async () => ({ inserted: 0, duplicates: 0, enqueued: 0 }), readiness: async () => ({ ok: true, checks: {} }) };
    app = createApp({
      config: loadConfig({}), log, store, clock: createFixedClock(NOW),
      feedback: { cards: ledger, secrets: [SECRET], clock: createFixedClock(NOW), log,
        settings: { load: async (portalId) => ({ portalId, settings: DEFAULT_PORTAL_SETTINGS, rules: resolveRules(DEFAULT_RULE_PACK), version: 0 }) } },
    });
  });
  afterAll(async () => { await db.close(); });

  const link = (action: FeedbackAction, overrides: { portalId?: string; cardId?: string; expiresAt?: number; secret?: string } = {}) =>
    `/feedback/${createFeedbackToken({ portalId: overrides.portalId ?? PORTAL, cardId: overrides.cardId ?? 'card-1', action, expiresAt: overrides.expiresAt ?? NOW + 1000 }, overrides.secret ?? SECRET)}`;

  test('when a helpful link is opened twice, then one reaction is recorded and both answers are a thank-you page', async () => {
    const first = await request(app).get(link('helpful'));
    const second = await request(app).get(link('helpful'));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers['content-type']).toMatch(/text\/html/);
    expect(first.text).toContain('Thank you');
    const rows = await db.query('select action from card_feedback where card_id = $1', ['card-1']);
    expect(rows).toEqual([{ action: 'helpful' }]);
  });

  test('when the snooze link is opened, then every record of the card is snoozed for the portal snooze length', async () => {
    expect((await request(app).get(link('snooze'))).status).toBe(200);
    const snoozes = await ledger.loadSnoozes(PORTAL, [{ objectType: 'contact', id: '906' }, { objectType: 'company', id: '3306' }], NOW);
    expect(snoozes.map((s) => [s.record.objectType, s.until])).toEqual(expect.arrayContaining([
      ['contact', NOW + 14 * 86_400_000], ['company', NOW + 14 * 86_400_000],
    ]));
  });

  test.each([
    ['forged with another secret', () => link('not-helpful', { secret: 'x'.repeat(40) })],
    ['expired', () => link('not-helpful', { expiresAt: NOW })],
    ['for another portal', () => link('not-helpful', { portalId: '999' })],
    ['for an unknown card', () => link('not-helpful', { cardId: 'card-2' })],
    ['tampered', () => `${link('not-helpful').slice(0, -2)}AA`],
    ['malformed <script>', () => '/feedback/%3Cscript%3E'],
  ])('when the link is %s, then the answer is the 404 page and nothing is recorded', async (_name, make) => {
    const response = await request(app).get(make());
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('<script>');
    expect(await db.query("select 1 from card_feedback where action = 'not-helpful'")).toEqual([]);
  });
});
