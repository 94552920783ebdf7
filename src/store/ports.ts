/**
 * The store's ports: what the edges (webhooks, worker, http) may ask of persistence and of the
 * durable queue. Concrete adapters (PGlite or a PostgreSQL server, pg-boss) are wired in main.ts.
 */

/**
 * One task event, as the worker receives it. This is the contract between intake and the
 * pipeline: everything the pipeline needs to find the task again, and nothing personal beyond
 * the changed property's value.
 */
export interface TaskEventJob {
  /** HubSpot portal (hub) id, exact decimal string. */
  portalId: string;
  /** The task's id (`objectId`), exact decimal string (ids can exceed 2^53). */
  objectId: string;
  /** `object.creation`, `object.propertyChange` or `object.deletion`. */
  subscriptionType: TaskSubscriptionType;
  /** Set on `object.propertyChange`, e.g. `hs_task_subject`. */
  propertyName?: string;
  /** The new value on `object.propertyChange`; may hold personal data, never log it. */
  propertyValue?: string;
  /** When the change happened in HubSpot, epoch milliseconds; use it to order events. */
  occurredAt: number;
  /** The dedupe key of the stored event (hex SHA-256); unique per portal; use it as the idempotency root. */
  eventKey: string;
  /** `CRM_UI`, `API`, `AUTOMATION_PLATFORM`, … when HubSpot sent it. */
  changeSource?: string;
  /** HubSpot's `eventId` and `subscriptionId` (exact strings), for logs and support. */
  eventId: string;
  subscriptionId: string;
}

export const TASK_SUBSCRIPTION_TYPES = ['object.creation', 'object.propertyChange', 'object.deletion'] as const;
export type TaskSubscriptionType = (typeof TASK_SUBSCRIPTION_TYPES)[number];

/** `queued`: a job was enqueued; `ignored`: not a task event we act on; `orphan`: unknown portal. */
export type InboxEventStatus = 'queued' | 'ignored' | 'orphan';

/** One valid event of a delivery, already classified by the webhook route. */
export interface InboxEvent {
  portalId: string;
  eventKey: string;
  status: InboxEventStatus;
  subscriptionType: string;
  objectTypeId: string | undefined;
  objectId: string;
  eventId: string;
  subscriptionId: string;
  propertyName: string | undefined;
  propertyValue: string | undefined;
  changeSource: string | undefined;
  occurredAt: number;
  /** Present exactly when `status` is `queued`. */
  job: TaskEventJob | undefined;
}

/** An event (or a whole delivery) that could not be understood; its raw form is kept. */
export interface QuarantinedEvent {
  /** Position in the batch, or -1 when the whole body is quarantined. */
  position: number;
  portalId: string | undefined;
  reason: string;
  raw: string;
}

/** Everything one signed request produced; written in ONE transaction. */
export interface DeliveryRecord {
  id: string;
  receivedAt: number;
  /** The raw body exactly as signed. */
  body: Buffer;
  status: 'accepted' | 'quarantined';
  reason: string | undefined;
  events: InboxEvent[];
  quarantined: QuarantinedEvent[];
}

export interface DeliveryResult {
  /** Events seen for the first time. */
  inserted: number;
  /** Events already stored (HubSpot retries and replays). */
  duplicates: number;
  /** Jobs enqueued in the same transaction. */
  enqueued: number;
}

/** The inbox: durable, de-duplicated intake of webhook deliveries. */
export interface InboxStore {
  /** Stores the delivery, its new events and their jobs atomically; throws when nothing was committed. */
  recordDelivery(delivery: DeliveryRecord): Promise<DeliveryResult>;
}

export interface Readiness {
  ok: boolean;
  checks: Record<string, boolean>;
}

export interface HealthCheck {
  /** Database reachable, migrations applied, queue running. Never throws. */
  readiness(): Promise<Readiness>;
}

export type Store = InboxStore & HealthCheck;

/** A job the queue handed to this process; `attempt` starts at 0. */
export interface ClaimedJob<T> {
  id: string;
  data: T;
  attempt: number;
  /** Strikes: how often its process died while it ran alone (see boss-queue.ts); 3 make it poison. */
  leaseExpiries?: number;
  /**
   * Its previous attempt's lease expired, so it runs alone now: `timed-out` (the supervisor
   * expired it: its process died or stalled) or `hung` (its own worker gave up on a handler that
   * may still be running).
   */
  suspect?: 'timed-out' | 'hung';
}

/** What the consumer decided: done, try again later (backoff), or give up (dead-letter now). */
export type JobDecision =
  | { status: 'completed' }
  | { status: 'retry'; error: string; /** Wait before the next attempt (T7 schedule); the queue's backoff when absent. */ delaySeconds?: number }
  | { status: 'dead-letter'; error: string };

export interface ConsumeOptions {
  /** Jobs claimed per poll. */
  batchSize?: number;
  pollingIntervalSeconds?: number;
}

/** A job that ran out of attempts (or failed permanently, or was poison), as an operator sees it. */
export interface DeadLetter {
  id: string;
  job: TaskEventJob;
  /** The last error recorded for it; never holds tokens (AppError messages are token-free). */
  error: string | undefined;
  /** Retries the job had used when it was dead-lettered. */
  retries: number;
  deadLetteredAt: Date;
}

/** Inspecting and redriving the dead-letter queue (`npm run dlq`). */
export interface DeadLetterQueue {
  /** Oldest first. */
  listDeadLetters(limit: number): Promise<DeadLetter[]>;
  /** Moves the given dead letters (all when `ids` is absent) back to the task-events queue with fresh attempts; returns how many moved. */
  redrive(ids?: readonly string[]): Promise<number>;
}

/** The durable queue of task-event jobs, as the worker sees it (no pg-boss types leak out). */
export interface JobQueue {
  consume(handle: (job: ClaimedJob<TaskEventJob>) => Promise<JobDecision>, options?: ConsumeOptions): Promise<void>;
  /** Stops claiming, waits up to `timeoutMs` for in-flight jobs (the rest come back when their lease expires). */
  stopConsuming(timeoutMs: number): Promise<void>;
}

/**
 * A HubSpot rate budget shared by every process on the database: one lane per portal and
 * request kind, a rolling window of grant times on the database's clock (so replicas on
 * different hosts agree on "now").
 */
export interface RateLedger {
  /** Claims one request slot (at most `max` per rolling `windowMs`) in one statement; when refused, how long until one frees. */
  claim(portalId: string, kind: string, max: number, windowMs: number): Promise<{ granted: boolean; waitMs: number }>;
  /** Holds the lane for `ms` from now; never shortens a pause. */
  pause(portalId: string, kind: string, ms: number): Promise<void>;
}

