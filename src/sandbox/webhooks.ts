/**
 * Webhook delivery as HubSpot does it for generic task subscriptions: `object.creation` and
 * `object.propertyChange` (hs_task_subject, hs_task_body) events with `objectTypeId` `0-27`,
 * batched (≤ 100 per request, one portal per request), ≤ 10 requests in flight, signed v3 with
 * the v1 headers alongside, and retried up to 10 times on a non-2xx, a connection failure or a
 * response slower than the timeout, with `attemptNumber` counting up. The 24 h schedule is
 * compressed into `retryDelaysMs`. https://developers.hubspot.com/docs/api-reference/webhooks-webhooks-v3/guide
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { signV3 } from '../webhooks/signature.ts';
import { OBJECT_TYPE_IDS } from './object-types.ts';
import type { ChangeListener } from './writes.ts';

/** Subscription ids the sandbox app has, one per subscribed event. */
export const SANDBOX_SUBSCRIPTIONS = { creation: 1_001, hs_task_subject: 1_002, hs_task_body: 1_003 } as const;

export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: 'object.creation' | 'object.propertyChange';
  attemptNumber: number;
  objectId: number;
  objectTypeId: string;
  propertyName?: string;
  propertyValue?: string;
  changeSource: string;
  sourceId: string;
  isSensitive: boolean;
}

export interface DeliveryAttempt {
  at: number;
  portalId: number;
  attemptNumber: number;
  eventIds: number[];
  outcome: number | 'timeout' | 'connection-error' | 'no-target';
}

export interface WebhookOptions {
  /** Where batches go; without one, events are recorded as `no-target` and not sent. */
  target?: string;
  clientSecret: string;
  appId: number;
  clock: Clock;
  /** HubSpot gives up on a response after 5 s. */
  timeoutMs?: number;
  /** Delay before retry n (1-based); its length is the number of retries (HubSpot: 10 over 24 h). */
  retryDelaysMs?: number[];
  maxInFlight?: number;
  batchSize?: number;
  fetch?: typeof fetch;
}

export interface WebhookDispatcher {
  /** Turns task changes into events; pass as the writes' change listener. */
  onChange: ChangeListener;
  setTarget(url: string | undefined): void;
  /** Resolves once nothing is queued, in flight or waiting to be retried. */
  idle(): Promise<void>;
  attempts(): DeliveryAttempt[];
  /** Cancels pending retries; in-flight requests are left to finish. */
  close(): void;
}

export const DEFAULT_RETRY_DELAYS_MS = [50, 100, 200, 400, 800, 1_000, 1_000, 1_000, 1_000, 1_000];

export function createWebhookDispatcher(options: WebhookOptions): WebhookDispatcher {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const maxInFlight = options.maxInFlight ?? 10;
  const batchSize = options.batchSize ?? 100;
  const send = options.fetch ?? fetch;
  let target = options.target;
  let nextEventId = 1_000_000_001;
  let flushScheduled = false;
  let inFlight = 0;
  const queue: WebhookEvent[][] = [];
  const pending: WebhookEvent[] = [];
  const retryTimers = new Set<NodeJS.Timeout>();
  const attempts: DeliveryAttempt[] = [];
  let waiters: Array<() => void> = [];

  const isIdle = (): boolean => !flushScheduled && pending.length === 0 && queue.length === 0 && inFlight === 0 && retryTimers.size === 0;
  const settle = (): void => {
    if (!isIdle()) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };

  function scheduleFlush(): void {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(() => {
      flushScheduled = false;
      const byPortal = new Map<number, WebhookEvent[]>();
      for (const event of pending.splice(0)) byPortal.set(event.portalId, [...(byPortal.get(event.portalId) ?? []), event]);
      for (const events of byPortal.values()) {
        for (let i = 0; i < events.length; i += batchSize) queue.push(events.slice(i, i + batchSize));
      }
      pump();
    });
  }

  function pump(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.shift();
      if (batch) void deliver(batch);
    }
    settle();
  }

  async function deliver(batch: WebhookEvent[]): Promise<void> {
    inFlight += 1;
    const first = batch[0] as WebhookEvent;
    const record = (outcome: DeliveryAttempt['outcome']): void => {
      attempts.push({ at: options.clock.now(), portalId: first.portalId, attemptNumber: first.attemptNumber, eventIds: batch.map((e) => e.eventId), outcome });
    };
    let ok = false;
    if (target === undefined) {
      record('no-target');
      ok = true;
    } else {
      const body = JSON.stringify(batch);
      const timestamp = String(options.clock.now());
      try {
        const response = await send(target, {
          method: 'POST', body, signal: AbortSignal.timeout(timeoutMs),
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/)',
            'X-HubSpot-Signature-v3': signV3({ secret: options.clientSecret, method: 'POST', uri: target, body, timestamp }),
            'X-HubSpot-Request-Timestamp': timestamp,
            'X-HubSpot-Signature': createHash('sha256').update(options.clientSecret + body).digest('hex'),
            'X-HubSpot-Signature-Version': 'v1',
          },
        });
        await response.arrayBuffer().catch(() => undefined);
        ok = response.status >= 200 && response.status < 300;
        record(response.status);
      } catch (error) {
        record((error as Error).name === 'TimeoutError' ? 'timeout' : 'connection-error');
      }
    }
    inFlight -= 1;
    if (!ok) scheduleRetry(batch);
    pump();
  }

  function scheduleRetry(batch: WebhookEvent[]): void {
    const attempt = (batch[0]?.attemptNumber ?? 0) + 1;
    const delay = retryDelays[attempt - 1];
    if (delay === undefined) return; // out of retries: HubSpot drops the batch
    const timer = setTimeout(() => {
      retryTimers.delete(timer);
      queue.push(batch.map((event) => ({ ...event, attemptNumber: attempt })));
      pump();
    }, delay);
    timer.unref();
    retryTimers.add(timer);
  }

  const onChange: ChangeListener = (portal, record, change, origin) => {
    if (record.type !== 'tasks') return;
    const base = {
      portalId: portal.portalId, appId: options.appId, occurredAt: options.clock.now(), attemptNumber: 0,
      objectId: Number(record.id), objectTypeId: OBJECT_TYPE_IDS.tasks, changeSource: origin.changeSource, sourceId: origin.sourceId, isSensitive: false,
    };
    if (change.kind === 'creation') {
      pending.push({ ...base, eventId: nextEventId++, subscriptionId: SANDBOX_SUBSCRIPTIONS.creation, subscriptionType: 'object.creation' });
    } else {
      for (const name of change.names) {
        if (name !== 'hs_task_subject' && name !== 'hs_task_body') continue;
        pending.push({
          ...base, eventId: nextEventId++, subscriptionId: SANDBOX_SUBSCRIPTIONS[name], subscriptionType: 'object.propertyChange',
          propertyName: name, propertyValue: record.properties[name] ?? '',
        });
      }
    }
    if (pending.length > 0) scheduleFlush();
  };

  return {
    onChange,
    setTarget: (url) => { target = url; },
    idle: () => new Promise<void>((resolve) => { waiters.push(resolve); settle(); }),
    attempts: () => [...attempts],
    close() {
      for (const timer of retryTimers) clearTimeout(timer);
      retryTimers.clear();
      settle();
    },
  };
}
