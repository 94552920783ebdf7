/**
 * The store on either engine: the webhook inbox (delivery, events, quarantine and jobs in one
 * transaction, concurrent deliveries grouped into one commit), the processed-events marker, and
 * readiness.
 */
import type { BossQueue } from './boss-queue.ts';
import { LATEST_VERSION, currentVersion } from './migrations.ts';
import { createGroupCommit, DEFAULT_GROUP_COMMIT, type GroupCommitOptions } from './group-commit.ts';
import type { DeliveryRecord, DeliveryResult, Store } from './ports.ts';
import type { SqlDatabase } from './sql-database.ts';
import { writeDeliveries, type WriteDeliveriesOptions } from './write-deliveries.ts';

export interface SqlStoreOptions extends WriteDeliveriesOptions {
  /**
   * Group commit for `recordDelivery` (concurrent deliveries share one transaction); `false`
   * commits each delivery alone. Default: {@link DEFAULT_GROUP_COMMIT}.
   */
  groupCommit?: GroupCommitOptions | false;
}

export function createSqlStore(db: SqlDatabase, queue: BossQueue, options: SqlStoreOptions = {}): Store {
  const write = (deliveries: readonly DeliveryRecord[]) => db.transaction((tx) => writeDeliveries(tx, queue, deliveries, options));
  const grouped = options.groupCommit === false ? undefined : createGroupCommit(write, options.groupCommit ?? DEFAULT_GROUP_COMMIT,
    (delivery) => 1 + delivery.events.length + delivery.quarantined.length);
  return {
    async recordDelivery(delivery: DeliveryRecord): Promise<DeliveryResult> {
      if (grouped) return grouped(delivery);
      const [result] = await write([delivery]);
      if (result === undefined) throw new Error('no result for the delivery');
      return result;
    },

    async markProcessed(portalId, eventKey, outcome, at) {
      const rows = await db.query<{ runs: number }>(
        `insert into processed_events (portal_id, event_key, outcome, first_processed_at, last_processed_at)
         values ($1, $2, $3, to_timestamp($4::double precision / 1000), to_timestamp($4::double precision / 1000))
         on conflict (portal_id, event_key) do update
           set runs = processed_events.runs + 1, last_processed_at = excluded.last_processed_at
         returning runs`,
        [portalId, eventKey, outcome, at],
      );
      return rows[0]?.runs === 1;
    },

    async readiness() {
      const checks = { database: false, migrations: false, queue: queue.isRunning() };
      try {
        // Reachable is not enough: a read-only database (full disk, failed-over replica) cannot
        // store a webhook, so the instance is not ready (RELIABILITY.md row 47).
        const [row] = await db.query<{ ro: string }>(`select current_setting('transaction_read_only') as ro`);
        checks.database = row?.ro !== 'on';
        checks.migrations = (await currentVersion(db)) >= LATEST_VERSION;
      } catch {
        // reported through the checks
      }
      return { ok: checks.database && checks.migrations && checks.queue, checks };
    },
  };
}
