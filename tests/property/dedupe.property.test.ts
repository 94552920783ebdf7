/**
 * Property (RELIABILITY.md §2.4 "duplicates and order"): whatever HubSpot does with a set of
 * events (sends some twice or more, bumps `attemptNumber`, shuffles them, splits them into
 * batches differently), the store ends with exactly the unique events and one job per unique task
 * event. Runs on PGlite through the real intake use case; each run uses its own portal.
 */
import fc from 'fast-check';
import { createFixedClock } from '../../src/clock.ts';
import { TASK_EVENTS_QUEUE } from '../../src/store/boss-queue.ts';
import { createDeliveryAcceptor } from '../../src/webhooks/accept-delivery.ts';
import { NOW } from '../helpers/hubspot-webhook.ts';
import { engines, openTestStore, type TestStore } from '../helpers/stores.ts';

const [pglite] = engines();
if (pglite === undefined) throw new Error('PGlite is always available');

let t: TestStore;
beforeAll(async () => { t = await openTestStore(pglite[1]); });
afterAll(async () => { await t.close(); });

type Event = Record<string, unknown>;

/** Unique events of one portal: task creations/changes/deletions and some non-task noise. */
const eventsArb = (portalId: number) => fc.uniqueArray(
  fc.record({
    eventId: fc.integer({ min: 1, max: 50 }),
    subscriptionId: fc.constantFrom(11, 12),
    objectId: fc.integer({ min: 1, max: 5 }),
    kind: fc.constantFrom('object.creation', 'object.propertyChange', 'object.deletion', 'contact.creation'),
  }),
  { minLength: 1, maxLength: 25, selector: (e) => `${e.eventId}/${e.subscriptionId}/${e.objectId}/${e.kind}` },
).map((uniques) => uniques.map((e): Event => ({
  eventId: e.eventId, subscriptionId: e.subscriptionId, portalId, appId: 1, occurredAt: NOW - e.eventId,
  subscriptionType: e.kind, attemptNumber: 0, objectId: e.objectId,
  ...(e.kind === 'contact.creation' ? {} : { objectTypeId: '0-27' }),
  ...(e.kind === 'object.propertyChange' ? { propertyName: 'hs_task_subject', propertyValue: 'Follow up' } : {}),
})));

/** How HubSpot delivers them: 1–4 copies of each (retries carry a higher attemptNumber), shuffled, split. */
function deliveryPlanArb(events: Event[]) {
  return fc.tuple(
    fc.array(fc.integer({ min: 1, max: 4 }), { minLength: events.length, maxLength: events.length }),
    fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 40 }),
    fc.integer(),
  ).map(([copies, sizes, seed]) => {
    const sent: Event[] = events.flatMap((event, i) => Array.from({ length: copies[i] ?? 1 }, (_, attempt) => ({ ...event, attemptNumber: attempt })));
    let state = seed >>> 0;
    const random = () => { state = (state * 1_664_525 + 1_013_904_223) >>> 0; return state / 2 ** 32; };
    for (let i = sent.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [sent[i], sent[j]] = [sent[j] as Event, sent[i] as Event];
    }
    const batches: Event[][] = [];
    for (let at = 0, k = 0; at < sent.length; k += 1) {
      const size = sizes[k % sizes.length] ?? 1;
      batches.push(sent.slice(at, at + size));
      at += size;
    }
    return batches;
  });
}

let nextPortal = 900_000;

test('when events are duplicated, retried, shuffled and re-batched, then the stored events and jobs equal the unique set', async () => {
  const acceptDelivery = createDeliveryAcceptor({ store: t.store, clock: createFixedClock(NOW) });
  await fc.assert(fc.asyncProperty(
    fc.integer().chain(() => { nextPortal += 1; const portalId = nextPortal; return eventsArb(portalId).chain((events) => deliveryPlanArb(events).map((batches) => ({ portalId, events, batches }))); }),
    async ({ portalId, events, batches }) => {
      for (const batch of batches) await acceptDelivery(Buffer.from(JSON.stringify(batch)));
      const stored = await t.db.query<{ n: number }>('select count(*)::int as n from webhook_events where portal_id = $1', [String(portalId)]);
      const jobs = await t.db.query<{ key: string; n: number }>(
        `select data->>'eventKey' as key, count(*)::int as n from pgboss.job where name = $1 and data->>'portalId' = $2 group by 1`,
        [TASK_EVENTS_QUEUE, String(portalId)]);
      const taskEvents = events.filter((event) => event.objectTypeId === '0-27');
      expect(stored[0]?.n).toBe(events.length);
      expect(jobs.length).toBe(taskEvents.length);
      expect(jobs.every((row) => row.n === 1)).toBe(true);
    },
  ), { numRuns: 25 });
}, 60_000);
