/**
 * Writes a group of webhook deliveries inside one transaction with set-based statements: one
 * insert for the deliveries, one for all their events (dedupe by `on conflict do nothing` on the
 * primary key), one for quarantined events, one for the jobs of the events seen for the first
 * time. A statement costs the same round trip for 1 row or 6,400, which is what makes a
 * 100-event batch, or a group of 64 requests, about as cheap to commit as a single event.
 */
import type { BossQueue } from './boss-queue.ts';
import type { DeliveryRecord, DeliveryResult, TaskEventJob } from './ports.ts';
import type { SqlExecutor } from './sql-database.ts';

const INSERT_DELIVERIES = `
  insert into webhook_deliveries (id, received_at, status, reason, event_count, portal_ids, body)
  select id, to_timestamp(received_at / 1000), status, reason, event_count, string_to_array(portal_ids, ','), decode(body, 'base64')
  from unnest($1::uuid[], $2::double precision[], $3::text[], $4::text[], $5::integer[], $6::text[], $7::text[])
    as d (id, received_at, status, reason, event_count, portal_ids, body)`;

// unnest keeps array order, so when two deliveries of a group carry the same event the first one
// inserts it and the later one sees a duplicate, exactly as if they had committed one by one.
const INSERT_EVENTS = `
  insert into webhook_events (portal_id, event_key, delivery_id, status, subscription_type, object_type_id, object_id,
    event_id, subscription_id, property_name, property_value, change_source, occurred_at, received_at)
  select portal_id, event_key, delivery_id, status, subscription_type, object_type_id, object_id,
    event_id, subscription_id, property_name, property_value, change_source, occurred_at, to_timestamp(received_at / 1000)
  from unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
    $10::text[], $11::text[], $12::text[], $13::bigint[], $14::double precision[])
    as e (portal_id, event_key, delivery_id, status, subscription_type, object_type_id, object_id,
      event_id, subscription_id, property_name, property_value, change_source, occurred_at, received_at)
  on conflict (portal_id, event_key) do nothing
  returning portal_id, event_key, delivery_id`;

const INSERT_QUARANTINED = `
  insert into quarantined_events (delivery_id, portal_id, position, reason, raw, received_at)
  select delivery_id, portal_id, position, reason, raw, to_timestamp(received_at / 1000)
  from unnest($1::uuid[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::double precision[])
    as q (delivery_id, portal_id, position, reason, raw, received_at)`;

function columns<T>(rows: readonly T[], pick: readonly ((row: T) => unknown)[]): unknown[][] {
  return pick.map((get) => rows.map(get));
}

export interface WriteDeliveriesOptions {
  /** Test seam: runs after the events are written, before the jobs. */
  beforeEnqueue?: () => Promise<void>;
}

/** Writes `deliveries` through `tx` (the caller owns the transaction); one result per delivery, in order. */
export async function writeDeliveries(
  tx: SqlExecutor,
  queue: Pick<BossQueue, 'enqueue'>,
  deliveries: readonly DeliveryRecord[],
  options: WriteDeliveriesOptions = {},
): Promise<DeliveryResult[]> {
  await tx.query(INSERT_DELIVERIES, columns(deliveries, [
    (d) => d.id, (d) => d.receivedAt, (d) => d.status, (d) => d.reason ?? null, (d) => d.events.length + d.quarantined.length,
    (d) => [...new Set(d.events.map((event) => event.portalId))].join(','), (d) => d.body.toString('base64'),
  ]));

  const events = deliveries.flatMap((delivery) => delivery.events.map((event) => ({ delivery, event })));
  const inserted = new Set<string>();
  if (events.length > 0) {
    const rows = await tx.query<{ portal_id: string; event_key: string; delivery_id: string }>(INSERT_EVENTS, columns(events, [
      ({ event }) => event.portalId, ({ event }) => event.eventKey, ({ delivery }) => delivery.id, ({ event }) => event.status,
      ({ event }) => event.subscriptionType, ({ event }) => event.objectTypeId ?? null, ({ event }) => event.objectId,
      ({ event }) => event.eventId, ({ event }) => event.subscriptionId, ({ event }) => event.propertyName ?? null,
      ({ event }) => event.propertyValue ?? null, ({ event }) => event.changeSource ?? null, ({ event }) => String(event.occurredAt),
      ({ delivery }) => delivery.receivedAt,
    ]));
    for (const row of rows) inserted.add(`${row.delivery_id}|${row.portal_id}|${row.event_key}`);
  }

  const quarantined = deliveries.flatMap((delivery) => delivery.quarantined.map((item) => ({ delivery, item })));
  if (quarantined.length > 0) {
    await tx.query(INSERT_QUARANTINED, columns(quarantined, [
      ({ delivery }) => delivery.id, ({ item }) => item.portalId ?? null, ({ item }) => item.position, ({ item }) => item.reason,
      ({ item }) => item.raw, ({ delivery }) => delivery.receivedAt,
    ]));
  }

  // The returned rows say which delivery inserted each new event; an event repeated inside one
  // delivery comes back once, so each key is claimed once.
  const jobs: TaskEventJob[] = [];
  const results = deliveries.map((delivery) => {
    let fresh = 0;
    let enqueued = 0;
    for (const event of delivery.events) {
      if (!inserted.delete(`${delivery.id}|${event.portalId}|${event.eventKey}`)) continue;
      fresh += 1;
      if (event.status === 'queued' && event.job) {
        jobs.push(event.job);
        enqueued += 1;
      }
    }
    return { inserted: fresh, duplicates: delivery.events.length - fresh, enqueued };
  });
  await options.beforeEnqueue?.();
  await queue.enqueue(tx, jobs);
  return results;
}
