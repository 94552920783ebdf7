/**
 * Writes a group of webhook deliveries in ONE statement, so one round trip to the database
 * stores the group and its commit (the statement's own, autocommit) is the durable ack. Its
 * data-modifying CTEs insert the deliveries, all their events (dedupe by `on conflict do
 * nothing` on the primary key), the quarantined events and the pg-boss jobs of the events seen
 * for the first time (pg-boss's own job insert, fed from the events the statement inserted). A
 * statement is atomic: the events and their jobs commit together or not at all, and a statement
 * costs the same round trip for 1 row or 6,400, which is what makes a 100-event batch, or a group
 * of 64 requests, about as cheap to commit as a single event.
 */
import type { DeliveryRecord, DeliveryResult } from './ports.ts';
import type { SqlExecutor } from './sql-database.ts';

/** The intake statement's text starts with this marker (the crash hooks and tests recognise it). */
export const INTAKE_STATEMENT_MARKER = '/* unrobot intake */';

/**
 * The statement, given the task queue's job insert from a relation `fresh (job jsonb)`
 * (BossQueue.intakeJobInsertSql('fresh')).
 *
 * unnest keeps array order, so when two deliveries of a group carry the same event the first one
 * inserts it and the later one sees a duplicate, exactly as if they had committed one by one. An
 * event repeated inside one delivery is inserted once and gets one job (`distinct on`).
 */
export function intakeStatement(jobInsertSql: string, options: { failAfterJobs?: boolean } = {}): string {
  // Test seam: an error raised after every insert ran, inside the same statement (the jobs are
  // read back, so it comes after they were written; count * 0 is not folded at plan time).
  const jobs = options.failAfterJobs === true ? `${jobInsertSql} returning id` : jobInsertSql;
  const failure = options.failAfterJobs === true ? ', (select 1 / (count(*) * 0)::int from jobs) as injected_failure' : '';
  return `${INTAKE_STATEMENT_MARKER}
  with deliveries as (
    insert into webhook_deliveries (id, received_at, status, reason, event_count, portal_ids, body)
    select id, to_timestamp(received_at / 1000), status, reason, event_count, string_to_array(portal_ids, ','), decode(body, 'base64')
    from unnest($1::uuid[], $2::double precision[], $3::text[], $4::text[], $5::integer[], $6::text[], $7::text[])
      as d (id, received_at, status, reason, event_count, portal_ids, body)
  ),
  input as (
    select * from unnest($8::text[], $9::text[], $10::uuid[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
      $17::text[], $18::text[], $19::text[], $20::bigint[], $21::double precision[], $22::jsonb[]) with ordinality
      as e (portal_id, event_key, delivery_id, status, subscription_type, object_type_id, object_id,
        event_id, subscription_id, property_name, property_value, change_source, occurred_at, received_at, job, ord)
  ),
  events as (
    insert into webhook_events (portal_id, event_key, delivery_id, status, subscription_type, object_type_id, object_id,
      event_id, subscription_id, property_name, property_value, change_source, occurred_at, received_at)
    select portal_id, event_key, delivery_id, status, subscription_type, object_type_id, object_id,
      event_id, subscription_id, property_name, property_value, change_source, occurred_at, to_timestamp(received_at / 1000)
    from input order by ord
    on conflict (portal_id, event_key) do nothing
    returning portal_id, event_key, delivery_id
  ),
  quarantined as (
    insert into quarantined_events (delivery_id, portal_id, position, reason, raw, received_at)
    select delivery_id, portal_id, position, reason, raw, to_timestamp(received_at / 1000)
    from unnest($23::uuid[], $24::text[], $25::integer[], $26::text[], $27::text[], $28::double precision[])
      as q (delivery_id, portal_id, position, reason, raw, received_at)
  ),
  fresh as (
    select distinct on (i.portal_id, i.event_key) i.job
    from events e join input i on i.portal_id = e.portal_id and i.event_key = e.event_key and i.delivery_id = e.delivery_id
    where i.job is not null
    order by i.portal_id, i.event_key, i.ord
  ),
  jobs as (${jobs})
  select delivery_id::text as delivery_id, portal_id, event_key${failure} from events`;
}

const statements = new Map<string, string>();
function statementFor(jobInsertSql: string, failAfterJobs: boolean): string {
  const key = `${failAfterJobs ? 'fail' : 'ok'}|${jobInsertSql}`;
  let sql = statements.get(key);
  if (sql === undefined) {
    sql = intakeStatement(jobInsertSql, { failAfterJobs });
    statements.set(key, sql);
  }
  return sql;
}

function column<T>(rows: readonly T[], get: (row: T) => unknown): unknown[] {
  const out = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i += 1) out[i] = get(rows[i] as T);
  return out;
}

/** The statement's parameters for `deliveries`, in the order of {@link intakeStatement}'s placeholders. */
export function intakeParameters(deliveries: readonly DeliveryRecord[]): unknown[] {
  const events = deliveries.flatMap((delivery) => delivery.events.map((event) => ({ delivery, event })));
  const quarantined = deliveries.flatMap((delivery) => delivery.quarantined.map((item) => ({ delivery, item })));
  return [
    column(deliveries, (d) => d.id), column(deliveries, (d) => d.receivedAt), column(deliveries, (d) => d.status),
    column(deliveries, (d) => d.reason ?? null), column(deliveries, (d) => d.events.length + d.quarantined.length),
    column(deliveries, (d) => [...new Set(d.events.map((event) => event.portalId))].join(',')), column(deliveries, (d) => d.body.toString('base64')),
    column(events, ({ event }) => event.portalId), column(events, ({ event }) => event.eventKey), column(events, ({ delivery }) => delivery.id),
    column(events, ({ event }) => event.status), column(events, ({ event }) => event.subscriptionType), column(events, ({ event }) => event.objectTypeId ?? null),
    column(events, ({ event }) => event.objectId), column(events, ({ event }) => event.eventId), column(events, ({ event }) => event.subscriptionId),
    column(events, ({ event }) => event.propertyName ?? null), column(events, ({ event }) => event.propertyValue ?? null),
    column(events, ({ event }) => event.changeSource ?? null), column(events, ({ event }) => String(event.occurredAt)),
    column(events, ({ delivery }) => delivery.receivedAt),
    column(events, ({ event }) => (event.status === 'queued' && event.job ? JSON.stringify(event.job) : null)),
    column(quarantined, ({ delivery }) => delivery.id), column(quarantined, ({ item }) => item.portalId ?? null), column(quarantined, ({ item }) => item.position),
    column(quarantined, ({ item }) => item.reason), column(quarantined, ({ item }) => item.raw), column(quarantined, ({ delivery }) => delivery.receivedAt),
  ];
}

export interface WriteDeliveriesOptions {
  /** Test seam: runs once per statement, before it is sent (counts the commits of a group). */
  beforeWrite?: () => Promise<void>;
  /** Test seam: the statement fails after writing the events and the jobs, so nothing of it may stay. */
  failAfterJobs?: boolean;
}

/**
 * Writes `deliveries` through `db` in one statement (its own transaction); one result per
 * delivery, in order. `jobInsertSql` is BossQueue.intakeJobInsertSql('fresh').
 */
export async function writeDeliveries(
  db: SqlExecutor,
  jobInsertSql: string,
  deliveries: readonly DeliveryRecord[],
  options: WriteDeliveriesOptions = {},
): Promise<DeliveryResult[]> {
  await options.beforeWrite?.();
  const failAfterJobs = options.failAfterJobs === true;
  const rows = await db.query<{ portal_id: string; event_key: string; delivery_id: string }>(
    statementFor(jobInsertSql, failAfterJobs), intakeParameters(deliveries), { prepare: failAfterJobs ? 'unrobot_intake_failing' : 'unrobot_intake' });
  // The returned rows say which delivery inserted each new event; an event repeated inside one
  // delivery comes back once, so each key is claimed once.
  const inserted = new Set<string>();
  for (const row of rows) inserted.add(`${row.delivery_id}|${row.portal_id}|${row.event_key}`);
  return deliveries.map((delivery) => {
    let fresh = 0;
    let enqueued = 0;
    for (const event of delivery.events) {
      if (!inserted.delete(`${delivery.id}|${event.portalId}|${event.eventKey}`)) continue;
      fresh += 1;
      if (event.status === 'queued' && event.job) enqueued += 1;
    }
    return { inserted: fresh, duplicates: delivery.events.length - fresh, enqueued };
  });
}
