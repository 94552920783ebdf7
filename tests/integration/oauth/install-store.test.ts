import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createFixedClock } from '../../../src/clock.ts';
import { createTokenCipher } from '../../../src/hubspot/token-cipher.ts';
import { createLogger } from '../../../src/logger.ts';
import { purgePortal } from '../../../src/oauth/purge-portal.ts';
import { reencryptInstalls } from '../../../src/oauth/reencrypt-installs.ts';
import type { InboxEvent } from '../../../src/store/ports.ts';
import { createSqlInstallStore } from '../../../src/store/sql-install-store.ts';
import { PURGED_TENANT_TABLES, RETAINED_TENANT_TABLES } from '../../../src/store/tenant-tables.ts';
import { engines, openTestStore, type TestStore } from '../../helpers/stores.ts';

const A = '1001';
const B = '2002';
const NOW = Date.parse('2026-03-02T09:00:00Z');
const clock = createFixedClock(NOW);
const log = createLogger({ level: 'silent' });
const oldKey = { id: 'k2025', key: randomBytes(32) };
const newKey = { id: 'k2026', key: randomBytes(32) };

function event(portalId: string, objectId: string): InboxEvent {
  const eventKey = randomBytes(32).toString('hex');
  const base = { portalId, eventKey, subscriptionType: 'object.creation', objectId, eventId: `e${objectId}`, subscriptionId: '5001', occurredAt: NOW };
  return { ...base, status: 'queued', objectTypeId: '0-27', propertyName: undefined, propertyValue: undefined, changeSource: 'CRM_UI',
    job: { portalId, objectId, subscriptionType: 'object.creation', occurredAt: NOW, eventKey, eventId: base.eventId, subscriptionId: '5001' } };
}

/** One row for `portalId` in every tenant table, through the real inbox where there is one. */
async function seedPortal(t: TestStore, portalId: string, cipher: ReturnType<typeof createTokenCipher>): Promise<void> {
  const installs = createSqlInstallStore(t.db);
  await installs.saveInstall({ portalId, refreshTokenCiphertext: cipher.encrypt(`na1-refresh-${portalId}`, { portalId, purpose: 'refresh-token' }), scopes: ['oauth'], userId: '77', email: `admin-${portalId}@client.example`, at: NOW });
  const own = event(portalId, `${portalId}1`);
  await t.store.recordDelivery({ id: randomUUID(), receivedAt: NOW, body: Buffer.from(`[{"portalId":${portalId}}]`), status: 'accepted', reason: undefined, events: [own],
    quarantined: [{ position: 1, portalId, reason: 'bad', raw: '{"secret":"personal"}' }] });
  const q = (sql: string) => t.db.query(sql, [portalId]);
  await t.db.query(`insert into processed_events (portal_id, event_key, outcome, first_processed_at, last_processed_at) values ($1, $2, 'privacy-purged', now(), now())`, [portalId, own.eventKey]);
  await q(`insert into cards (portal_id, card_id, step_key, task_id, rule_version, channel, locale, content, status, created_at)
           values ($1, 'c1', 's1', 't1', 'v1', 'note', 'en', '{"headline":"Jane Doe"}', 'delivered', now())`);
  await q(`insert into card_skips (portal_id, task_id, reason, created_at) values ($1, 't2', 'not-robotic', now())`);
  await q(`insert into card_feedback (portal_id, card_id, action, user_id, created_at) values ($1, 'c1', 'helpful', 'u1', now())`);
  await q(`insert into record_snoozes (portal_id, object_type, object_id, until, created_at) values ($1, 'contact', '9', now(), now())`);
  await q(`insert into paused_portals (portal_id, reason, paused_at) values ($1, 'revoked', now())`);
  await q(`insert into parked_jobs (portal_id, event_key, job, parked_at) values ($1, 'k1', '{}', now())`);
  await q(`insert into poll_cursors (portal_id, cursor_ms, updated_at) values ($1, 1, now())`);
  await q(`insert into portal_admins (portal_id, user_id, created_at) values ($1, '77', now())`);
  await q(`insert into portal_settings (portal_id, document, version, updated_at) values ($1, '{}', 1, now())`);
  await q(`insert into settings_audit (portal_id, at, actor, action, target) values ($1, now(), '{"email":"a@client.example"}', 'update', 'rules')`);
  await q(`insert into settings_sessions (id_hash, portal_id, user_id, csrf_token, created_at, last_seen_at) values ('h' || $1, $1, '77', 'x', now(), now())`);
}

async function countFor(t: TestStore, table: string, portalId: string): Promise<number> {
  const rows = await t.db.query<{ n: number }>(`select count(*)::int as n from ${table} where portal_id = $1`, [portalId]);
  return rows[0]?.n ?? -1;
}

describe.each(engines())('installs on %s', (_engine, open) => {
  let t: TestStore;
  beforeAll(async () => { t = await openTestStore(open); });
  afterAll(async () => { await t.close(); });

  it('when the schema has a table with a portal_id column, then uninstall either purges it or keeps it on purpose', async () => {
    const rows = await t.db.query<{ table_name: string }>(
      `select distinct table_name from information_schema.columns where table_schema = 'public' and column_name = 'portal_id' order by table_name`);
    const tables = rows.map((row) => row.table_name);
    expect(tables.length).toBeGreaterThanOrEqual(PURGED_TENANT_TABLES.length);
    expect(tables.filter((table) => !PURGED_TENANT_TABLES.includes(table) && !(table in RETAINED_TENANT_TABLES))).toEqual([]);
  });

  it('when a portal is purged, then none of its rows remain in any tenant table, its jobs and deliveries are gone, and another portal is untouched', async () => {
    const cipher = createTokenCipher([newKey]);
    await seedPortal(t, A, cipher);
    await seedPortal(t, B, cipher);
    const shared = randomUUID();
    await t.store.recordDelivery({ id: shared, receivedAt: NOW, body: Buffer.from('[{"portalId":1001},{"portalId":2002}]'), status: 'accepted', reason: undefined, events: [event(A, '5'), event(B, '6')], quarantined: [] });
    const installs = createSqlInstallStore(t.db);
    const forgotten: string[] = [];
    const report = await purgePortal({ installs, tokens: { forget: (id) => forgotten.push(id) }, clock, log }, A);

    expect(forgotten).toEqual([A]);
    for (const table of PURGED_TENANT_TABLES) {
      expect([table, await countFor(t, table, A)]).toEqual([table, 0]);
      expect([table, await countFor(t, table, B)]).toEqual([table, expect.any(Number)]);
      expect(await countFor(t, table, B)).toBeGreaterThan(0);
    }
    expect(report.deleted.installs).toBe(1);
    const deliveries = await t.db.query<{ id: string; portal_ids: string[]; size: number }>('select id, portal_ids, octet_length(body) as size from webhook_deliveries');
    expect(deliveries.filter((d) => d.portal_ids.includes(A))).toEqual([]);
    expect(deliveries.find((d) => d.id === shared)).toMatchObject({ portal_ids: [B], size: 0 });
    expect(deliveries.some((d) => d.portal_ids.length === 1 && d.portal_ids[0] === B && d.size > 0)).toBe(true);
    const jobs = await t.db.query<{ portal: string }>(`select data->>'portalId' as portal from pgboss.job`);
    expect(jobs.filter((job) => job.portal === A)).toEqual([]);
    expect(jobs.filter((job) => job.portal === B).length).toBeGreaterThan(0);

    const audit = await t.db.query<{ row: unknown }>(`select row_to_json(install_audit) as row from install_audit where portal_id = $1`, [A]);
    expect(audit.map((a) => (a.row as { action: string }).action)).toEqual(['installed', 'uninstalled']);
    expect(JSON.stringify(audit)).not.toMatch(/@|na1-|Jane/);
    expect(await installs.getInstall(A)).toBeUndefined();
  });

  it('when the key rotates, then every row under the old key is re-encrypted under the new one and still decrypts; a corrupt row flags only its portal', async () => {
    const installs = createSqlInstallStore(t.db);
    const before = createTokenCipher([oldKey]);
    for (const portalId of ['3001', '3002', '3003']) {
      await installs.saveInstall({ portalId, refreshTokenCiphertext: before.encrypt(`na1-${portalId}`, { portalId, purpose: 'refresh-token' }), scopes: [], userId: null, email: null, at: NOW });
    }
    await t.db.query(`update installs set refresh_token_ciphertext = $1 where portal_id = '3003'`, [before.encrypt('na1-3003', { portalId: '3002', purpose: 'refresh-token' })]);
    const after = createTokenCipher([newKey, oldKey]);
    const report = await reencryptInstalls({ installs, cipher: after, clock, log });
    expect(report).toMatchObject({ reencrypted: 2, undecryptable: 1, raced: 0 });
    for (const portalId of ['3001', '3002']) {
      const row = await installs.getInstall(portalId);
      expect(row?.refreshTokenCiphertext).toMatch(/^v1:k2026:/);
      expect(createTokenCipher([newKey]).decrypt(row?.refreshTokenCiphertext ?? '', { portalId, purpose: 'refresh-token' })).toBe(`na1-${portalId}`);
    }
    expect(await installs.getInstall('3003')).toMatchObject({ status: 'revoked', statusReason: 'undecryptable' });
    expect(await reencryptInstalls({ installs, cipher: after, clock, log })).toMatchObject({ reencrypted: 0, undecryptable: 0 });
  });
});
