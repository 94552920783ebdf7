/**
 * The store on either engine: the webhook inbox (delivery, events, quarantine and jobs in one
 * transaction), the processed-events marker, and readiness.
 */
import type { BossQueue } from './boss-queue.ts';
import { LATEST_VERSION, currentVersion } from './migrations.ts';
import type { DeliveryRecord, DeliveryResult, InboxEvent, Store, TaskEventJob } from './ports.ts';
import type { SqlDatabase, SqlExecutor } from './sql-database.ts';

export interface SqlStoreOptions {
  /** Test seam: runs inside the inbox transaction after the events are written, before the jobs. */
  beforeEnqueue?: () => Promise<void>;
}

const INSERT_EVENT = `
  insert into webhook_events (portal_id, event_key, delivery_id, status, subscription_type, object_type_id, object_id,
    event_id, subscription_id, property_name, property_value, change_source, occurred_at, received_at)
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, to_timestamp($14::double precision / 1000))
  on conflict (portal_id, event_key) do nothing
  returning event_key`;

async function insertEvent(tx: SqlExecutor, delivery: DeliveryRecord, event: InboxEvent): Promise<boolean> {
  const rows = await tx.query(INSERT_EVENT, [
    event.portalId, event.eventKey, delivery.id, event.status, event.subscriptionType, event.objectTypeId ?? null,
    event.objectId, event.eventId, event.subscriptionId, event.propertyName ?? null, event.propertyValue ?? null,
    event.changeSource ?? null, event.occurredAt, delivery.receivedAt,
  ]);
  return rows.length === 1;
}

export function createSqlStore(db: SqlDatabase, queue: BossQueue, options: SqlStoreOptions = {}): Store {
  return {
    async recordDelivery(delivery: DeliveryRecord): Promise<DeliveryResult> {
      return db.transaction(async (tx) => {
        const portals = [...new Set(delivery.events.map((event) => event.portalId))];
        await tx.query(
          `insert into webhook_deliveries (id, received_at, status, reason, event_count, portal_ids, body)
           values ($1, to_timestamp($2::double precision / 1000), $3, $4, $5, $6, $7)`,
          [delivery.id, delivery.receivedAt, delivery.status, delivery.reason ?? null,
            delivery.events.length + delivery.quarantined.length, portals, delivery.body],
        );
        const jobs: TaskEventJob[] = [];
        let inserted = 0;
        for (const event of delivery.events) {
          if (!(await insertEvent(tx, delivery, event))) continue;
          inserted += 1;
          if (event.status === 'queued' && event.job) jobs.push(event.job);
        }
        for (const item of delivery.quarantined) {
          await tx.query(
            `insert into quarantined_events (delivery_id, portal_id, position, reason, raw, received_at)
             values ($1, $2, $3, $4, $5, to_timestamp($6::double precision / 1000))`,
            [delivery.id, item.portalId ?? null, item.position, item.reason, item.raw, delivery.receivedAt],
          );
        }
        await options.beforeEnqueue?.();
        const enqueued = await queue.enqueue(tx, jobs);
        return { inserted, duplicates: delivery.events.length - inserted, enqueued };
      });
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
        await db.query('select 1');
        checks.database = true;
        checks.migrations = (await currentVersion(db)) >= LATEST_VERSION;
      } catch {
        // reported through the checks
      }
      return { ok: checks.database && checks.migrations && checks.queue, checks };
    },
  };
}
