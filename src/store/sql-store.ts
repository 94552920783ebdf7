/**
 * The store on either engine: the webhook inbox (delivery, events, quarantine and jobs in one
 * statement, concurrent deliveries grouped into one commit) and readiness.
 */
import type { BossQueue } from './boss-queue.ts';
import { LATEST_VERSION, currentVersion } from './migrations.ts';
import { createGroupCommit, DEFAULT_GROUP_COMMIT, type GroupCommitOptions } from './group-commit.ts';
import type { DeliveryRecord, DeliveryResult, Store } from './ports.ts';
import type { SqlDatabase } from './sql-database.ts';
import { writeDeliveries, type WriteDeliveriesOptions } from './write-deliveries.ts';

export interface SqlStoreOptions extends WriteDeliveriesOptions {
  /**
   * Group commit for `recordDelivery` (concurrent deliveries share one statement and commit); `false`
   * commits each delivery alone. Default: {@link DEFAULT_GROUP_COMMIT}.
   */
  groupCommit?: GroupCommitOptions | false;
}

export function createSqlStore(db: SqlDatabase, queue: BossQueue, options: SqlStoreOptions = {}): Store {
  // One statement, autocommit: its own transaction, one round trip (write-deliveries.ts).
  const write = (deliveries: readonly DeliveryRecord[]) => writeDeliveries(db, queue.intakeJobInsertSql('fresh'), deliveries, options);
  const grouped = options.groupCommit === false ? undefined : createGroupCommit(write, options.groupCommit ?? DEFAULT_GROUP_COMMIT,
    (delivery) => 1 + delivery.events.length + delivery.quarantined.length);
  return {
    async recordDelivery(delivery: DeliveryRecord): Promise<DeliveryResult> {
      if (grouped) return grouped(delivery);
      const [result] = await write([delivery]);
      if (result === undefined) throw new Error('no result for the delivery');
      return result;
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
