/**
 * {@link InstallStore} on either engine. Purge runs in one transaction: every tenant table of
 * {@link PURGED_TENANT_TABLES}, the portal's webhook deliveries, and its queued jobs.
 */
import { TASK_EVENTS_DEAD_LETTER, TASK_EVENTS_QUEUE } from './boss-queue.ts';
import type { InstallRecord, InstallStore, PurgeReport } from './install-store.ts';
import type { SqlDatabase, SqlExecutor } from './sql-database.ts';
import { PURGED_TENANT_TABLES } from './tenant-tables.ts';

const AT = 'to_timestamp($AT::double precision / 1000)';
const at = (index: number): string => AT.replace('$AT', `$${index}`);

interface InstallRow {
  portal_id: string;
  refresh_token_ciphertext: string | null;
  scopes: string[];
  installed_by_user_id: string | null;
  installed_by_email: string | null;
  installed_at_ms: number;
  status: InstallRecord['status'];
  status_reason: string | null;
}

function toRecord(row: InstallRow): InstallRecord {
  return {
    portalId: row.portal_id,
    refreshTokenCiphertext: row.refresh_token_ciphertext,
    scopes: row.scopes,
    installedByUserId: row.installed_by_user_id,
    installedByEmail: row.installed_by_email,
    installedAt: Number(row.installed_at_ms),
    status: row.status,
    statusReason: row.status_reason,
  };
}

async function audit(tx: SqlExecutor, portalId: string, action: string, reason: string | null, when: number): Promise<void> {
  await tx.query(`insert into install_audit (portal_id, action, reason, at) values ($1, $2, $3, ${at(4)})`, [portalId, action, reason, when]);
}

export function createSqlInstallStore(db: SqlDatabase): InstallStore {
  return {
    saveInstall: (input) => db.transaction(async (tx) => {
      const previous = await tx.query<{ status: string }>('select status from installs where portal_id = $1 for update', [input.portalId]);
      await tx.query(
        `insert into installs (portal_id, refresh_token_ciphertext, scopes, installed_by_user_id, installed_by_email, installed_at, updated_at, status, status_reason)
         values ($1, $2, $3, $4, $5, ${at(6)}, ${at(6)}, 'active', null)
         on conflict (portal_id) do update set refresh_token_ciphertext = excluded.refresh_token_ciphertext, scopes = excluded.scopes,
           installed_by_user_id = excluded.installed_by_user_id, installed_by_email = excluded.installed_by_email,
           installed_at = excluded.installed_at, updated_at = excluded.updated_at, status = 'active', status_reason = null`,
        [input.portalId, input.refreshTokenCiphertext, [...input.scopes], input.userId, input.email, input.at],
      );
      const reinstalled = previous.length > 0;
      await audit(tx, input.portalId, reinstalled ? 'reinstalled' : 'installed', previous[0]?.status === 'revoked' ? 'was revoked' : null, input.at);
      return { reinstalled };
    }),

    async getInstall(portalId) {
      const rows = await db.query<InstallRow>(
        `select portal_id, refresh_token_ciphertext, scopes, installed_by_user_id, installed_by_email,
           (extract(epoch from installed_at) * 1000)::float8 as installed_at_ms, status, status_reason
         from installs where portal_id = $1`,
        [portalId],
      );
      return rows[0] === undefined ? undefined : toRecord(rows[0]);
    },

    async activePortals() {
      const rows = await db.query<{ portal_id: string }>(`select portal_id from installs where status = 'active' order by portal_id`);
      return rows.map((row) => row.portal_id);
    },

    markRevoked: (portalId, reason, when) => db.transaction(async (tx) => {
      const rows = await tx.query(
        `update installs set status = 'revoked', status_reason = $2, refresh_token_ciphertext = null, updated_at = ${at(3)}
         where portal_id = $1 and status = 'active' returning portal_id`,
        [portalId, reason, when],
      );
      if (rows.length > 0) await audit(tx, portalId, 'revoked', reason, when);
      return rows.length > 0;
    }),

    async replaceRefreshToken(portalId, expected, next, when) {
      const rows = await db.query(
        `update installs set refresh_token_ciphertext = $3, updated_at = ${at(4)}
         where portal_id = $1 and refresh_token_ciphertext = $2 returning portal_id`,
        [portalId, expected, next, when],
      );
      return rows.length > 0;
    },

    async listCiphertexts() {
      const rows = await db.query<{ portal_id: string; ciphertext: string }>(
        'select portal_id, refresh_token_ciphertext as ciphertext from installs where refresh_token_ciphertext is not null order by portal_id',
      );
      return rows.map((row) => ({ portalId: row.portal_id, ciphertext: row.ciphertext }));
    },

    purgePortal: (portalId, when) => db.transaction(async (tx) => {
      const deleted: Record<string, number> = {};
      for (const table of PURGED_TENANT_TABLES) {
        deleted[table] = (await tx.query(`delete from ${table} where portal_id = $1 returning 1 as gone`, [portalId])).length;
      }
      deleted.webhook_deliveries = await purgeDeliveries(tx, portalId);
      deleted['pgboss.job'] = await purgeJobs(tx, portalId);
      await audit(tx, portalId, 'uninstalled', 'tokens deleted and tenant data purged', when);
      return { portalId, deleted } satisfies PurgeReport;
    }),
  };
}

/**
 * A delivery's raw body holds every event of its batch. Deliveries of this portal alone are
 * deleted; a batch shared with other portals keeps its row (their events reference it) but loses
 * its body and this portal's id: the events were already stored, parsed, per portal.
 */
async function purgeDeliveries(tx: SqlExecutor, portalId: string): Promise<number> {
  const own = `select id from webhook_deliveries where portal_ids = array[$1]::text[]
    and not exists (select 1 from webhook_events e where e.delivery_id = webhook_deliveries.id)`;
  await tx.query(`delete from quarantined_events where delivery_id in (${own})`, [portalId]);
  const removed = await tx.query(`delete from webhook_deliveries where id in (${own}) returning 1 as gone`, [portalId]);
  const shared = await tx.query(
    `update webhook_deliveries set body = ''::bytea, portal_ids = array_remove(portal_ids, $1)
     where $1 = any(portal_ids) returning 1 as changed`,
    [portalId],
  );
  return removed.length + shared.length;
}

/** Queued task-event jobs of the portal (pg-boss keeps job data in `pgboss.job`). */
async function purgeJobs(tx: SqlExecutor, portalId: string): Promise<number> {
  const [exists] = await tx.query<{ present: boolean }>(`select to_regclass('pgboss.job') is not null as present`);
  if (!exists?.present) return 0;
  const rows = await tx.query(
    `delete from pgboss.job where name = any($2::text[]) and data->>'portalId' = $1 returning 1 as gone`,
    [portalId, [TASK_EVENTS_QUEUE, TASK_EVENTS_DEAD_LETTER]],
  );
  return rows.length;
}
