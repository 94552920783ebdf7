/**
 * Parses a verified HubSpot webhook body into classified events, tolerantly: one broken event
 * is quarantined, the rest of the batch goes on. Ids stay exact decimal strings even above 2^53
 * (the JSON reviver reads each number's source text), and prototype-poisoning keys are refused
 * by secure-json-parse. Pure: no I/O, no clock.
 * https://developers.hubspot.com/docs/api/webhooks (webhook payloads)
 */
import { createHash } from 'node:crypto';
import sjson from 'secure-json-parse';
import { z } from 'zod';
import { TASK_SUBSCRIPTION_TYPES, type InboxEvent, type QuarantinedEvent, type TaskSubscriptionType } from '../store/ports.ts';

/** HubSpot's object type id for tasks. */
export const TASK_OBJECT_TYPE_ID = '0-27';

/** An id as HubSpot sends it (a JSON number, sometimes a string), kept as an exact decimal string. */
const IdSchema = z.union([z.string().regex(/^\d{1,40}$/), z.number().int().nonnegative()]).transform(String);

/** One webhook event; unknown fields are allowed (and dropped), so new HubSpot fields never break intake. */
export const WebhookEventSchema = z.object({
  eventId: IdSchema,
  subscriptionId: IdSchema,
  portalId: IdSchema,
  appId: IdSchema.optional(),
  occurredAt: z.number().int().nonnegative(),
  subscriptionType: z.string().min(1).max(100),
  attemptNumber: z.number().int().nonnegative().optional(),
  objectId: IdSchema.optional(),
  objectTypeId: z.string().max(40).optional(),
  propertyName: z.string().max(300).optional(),
  propertyValue: z.union([z.string(), z.number(), z.boolean()]).transform(String).optional(),
  changeSource: z.string().max(100).optional(),
});
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

export interface ParsedBatch {
  /** Set when the whole body is unusable (not JSON, not an array, poisoned): quarantine it all. */
  bodyProblem: string | undefined;
  events: InboxEvent[];
  quarantined: QuarantinedEvent[];
}

/**
 * Keeps integers beyond 2^53 exact by returning their source text instead of a rounded number,
 * and makes every string storable (RELIABILITY.md row 33): PostgreSQL text and jsonb cannot hold
 * NUL or an unpaired UTF-16 surrogate (`"\ud800"` is valid JSON), and one such value used to fail
 * the whole batch with 503, for ever. Each is replaced by U+FFFD; everything else stays
 * byte-exact, and the delivery's raw body keeps the original bytes.
 */
function losslessIds(this: unknown, _key: string, value: unknown, context?: { source?: string }): unknown {
  if (typeof value === 'string') return storableText(value);
  if (typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && /^\d+$/.test(context.source)) {
    return context.source;
  }
  return value;
}

/** `text` with each NUL and each unpaired surrogate replaced by U+FFFD; the same string when it has none. */
export function storableText(text: string): string {
  return text.isWellFormed() && !text.includes('\u0000') ? text : text.toWellFormed().replaceAll('\u0000', '\uFFFD');
}

/** The dedupe key: never includes `attemptNumber`, so a HubSpot retry maps to the same event. */
export function eventKeyOf(event: WebhookEvent): string {
  const parts = [event.portalId, event.subscriptionId, event.eventId, String(event.occurredAt),
    event.objectId ?? '', event.subscriptionType, event.propertyName ?? ''];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function isTaskEvent(event: WebhookEvent): boolean {
  return event.objectTypeId === TASK_OBJECT_TYPE_ID && (TASK_SUBSCRIPTION_TYPES as readonly string[]).includes(event.subscriptionType);
}

function portalOf(raw: unknown): string | undefined {
  const portalId = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).portalId : undefined;
  const text = typeof portalId === 'number' || typeof portalId === 'string' ? String(portalId) : '';
  return /^\d{1,40}$/.test(text) ? text : undefined;
}

function describe(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || 'event'}: ${issue.message}`).join('; ');
}

/** Classifies one valid event: a task event we act on (`queued`, or `orphan`), or `ignored`. */
export function toInboxEvent(event: WebhookEvent, knownPortal: boolean): InboxEvent {
  const task = isTaskEvent(event) && event.objectId !== undefined;
  const status = !task ? 'ignored' : knownPortal ? 'queued' : 'orphan';
  const eventKey = eventKeyOf(event);
  return {
    portalId: event.portalId, eventKey, status, subscriptionType: event.subscriptionType, objectTypeId: event.objectTypeId,
    objectId: event.objectId ?? '', eventId: event.eventId, subscriptionId: event.subscriptionId,
    propertyName: event.propertyName, propertyValue: event.propertyValue, changeSource: event.changeSource,
    occurredAt: event.occurredAt,
    job: status !== 'queued' ? undefined : {
      portalId: event.portalId, objectId: event.objectId ?? '', subscriptionType: event.subscriptionType as TaskSubscriptionType,
      ...(event.propertyName !== undefined && { propertyName: event.propertyName }),
      ...(event.propertyValue !== undefined && { propertyValue: event.propertyValue }),
      ...(event.changeSource !== undefined && { changeSource: event.changeSource }),
      occurredAt: event.occurredAt, eventKey, eventId: event.eventId, subscriptionId: event.subscriptionId,
    },
  };
}

/** Parses and classifies a batch. `isKnownPortal` decides `queued` vs `orphan` for task events. */
export function parseBatch(body: Buffer, isKnownPortal: (portalId: string) => boolean): ParsedBatch {
  let parsed: unknown;
  try {
    parsed = sjson.parse(body.toString('utf8'), losslessIds as (key: string, value: unknown) => unknown);
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'malformed JSON' : 'forbidden prototype property';
    return { bodyProblem: reason, events: [], quarantined: [] };
  }
  if (!Array.isArray(parsed)) return { bodyProblem: 'body is not a JSON array of events', events: [], quarantined: [] };
  const events: InboxEvent[] = [];
  const quarantined: QuarantinedEvent[] = [];
  parsed.forEach((raw: unknown, position) => {
    const result = WebhookEventSchema.safeParse(raw);
    if (!result.success) {
      quarantined.push({ position, portalId: portalOf(raw), reason: describe(result.error), raw: JSON.stringify(raw) ?? 'null' });
      return;
    }
    if (isTaskEvent(result.data) && result.data.objectId === undefined) {
      quarantined.push({ position, portalId: result.data.portalId, reason: 'task event without objectId', raw: JSON.stringify(raw) });
      return;
    }
    events.push(toInboxEvent(result.data, isKnownPortal(result.data.portalId)));
  });
  return { bodyProblem: undefined, events, quarantined };
}
