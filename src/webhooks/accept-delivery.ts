/**
 * The intake use case: a verified webhook body becomes one durable, de-duplicated write
 * (delivery, new events, their jobs, quarantine). Called only after the signature checked out.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { DeliveryResult, InboxEvent, InboxStore } from '../store/ports.ts';
import { parseBatch } from './parse-batch.ts';

/** Which of these portals have an active install; the rest are stored as `orphan`. */
export type KnownPortals = (portalIds: readonly string[]) => Promise<ReadonlySet<string>>;

/** Until installs exist every portal is accepted. */
export const acceptEveryPortal: KnownPortals = async (portalIds) => new Set(portalIds);

export interface AcceptDeliveryDeps {
  store: InboxStore;
  clock: Clock;
  knownPortals?: KnownPortals;
  newId?: () => string;
}

export interface DeliverySummary extends DeliveryResult {
  deliveryId: string;
  quarantined: number;
  ignored: number;
  orphans: number;
  /** The whole body was unusable and is kept in quarantine. */
  bodyProblem: string | undefined;
}

function asOrphan(event: InboxEvent): InboxEvent {
  return { ...event, status: 'orphan', job: undefined };
}

export function createDeliveryAcceptor(deps: AcceptDeliveryDeps): (body: Buffer) => Promise<DeliverySummary> {
  const knownPortals = deps.knownPortals ?? acceptEveryPortal;
  const newId = deps.newId ?? randomUUID;
  return async function acceptDelivery(body) {
    const batch = parseBatch(body, () => true);
    const known = await knownPortals([...new Set(batch.events.map((event) => event.portalId))]);
    const events = batch.events.map((event) => (event.status === 'queued' && !known.has(event.portalId) ? asOrphan(event) : event));
    const deliveryId = newId();
    const result = await deps.store.recordDelivery({
      id: deliveryId,
      receivedAt: deps.clock.now(),
      body,
      status: batch.bodyProblem === undefined ? 'accepted' : 'quarantined',
      reason: batch.bodyProblem,
      events,
      quarantined: batch.quarantined,
    });
    return {
      ...result,
      deliveryId,
      quarantined: batch.quarantined.length + (batch.bodyProblem === undefined ? 0 : 1),
      ignored: events.filter((event) => event.status === 'ignored').length,
      orphans: events.filter((event) => event.status === 'orphan').length,
      bodyProblem: batch.bodyProblem,
    };
  };
}
