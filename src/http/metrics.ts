/**
 * Service metrics on a registry of our own (no global state, so tests can build several apps).
 * Served at `/metrics` only with `Authorization: Bearer METRICS_TOKEN` (issue 8, item 6). Labels
 * carry no personal data and no portal ids (bounded cardinality): statuses, operation names,
 * skip reasons, feedback actions.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QueueStats } from '../store/queue-stats.ts';
import type { WebhookCounters } from '../webhooks/hubspot-webhook-route.ts';

export interface Metrics {
  registry: Registry;
  webhooks: WebhookCounters;
  /** One webhook answer: its HTTP status and the time from request to response. */
  acks: { observe(status: number, seconds: number): void };
  jobs: { settled(outcome: string): void };
  /** One HubSpot call: `operation` as the client names it (`tasks.batchRead`), `status` `2xx`, an HTTP status or an error code. */
  hubspot: { call(operation: string, status: string): void };
  cards: { delivered(): void; skipped(reason: string): void };
  feedback: { recorded(action: string, outcome: string): void };
  /** Sets how queue depth and age are read on each scrape (the queue opens after the app listens). */
  observeQueue(read: () => Promise<QueueStats>): void;
}

const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5];

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'unrobot_webhook_requests_total', help: 'Webhook requests by outcome', labelNames: ['outcome'], registers });
  const events = new Counter({ name: 'unrobot_webhook_events_total', help: 'Webhook events by intake status', labelNames: ['status'], registers });
  const acks = new Counter({ name: 'unrobot_webhook_acks_total', help: 'Webhook answers by HTTP status', labelNames: ['status'], registers });
  const ackSeconds = new Histogram({ name: 'unrobot_webhook_ack_duration_seconds', help: 'Webhook request to answer (T1: p50 <= 50 ms, p99 <= 500 ms)', labelNames: ['status'], buckets: ACK_BUCKETS, registers });
  const jobs = new Counter({ name: 'unrobot_jobs_settled_total', help: 'Task-event jobs by outcome', labelNames: ['outcome'], registers });
  const calls = new Counter({ name: 'unrobot_hubspot_calls_total', help: 'HubSpot API calls by operation and status', labelNames: ['operation', 'status'], registers });
  const limited = new Counter({ name: 'unrobot_hubspot_rate_limited_total', help: 'HubSpot 429 answers by operation', labelNames: ['operation'], registers });
  const delivered = new Counter({ name: 'unrobot_cards_delivered_total', help: 'Cards written to HubSpot (or found there by marker)', registers });
  const skipped = new Counter({ name: 'unrobot_cards_skipped_total', help: 'Task events that got no card, by reason', labelNames: ['reason'], registers });
  const feedback = new Counter({ name: 'unrobot_feedback_total', help: 'Feedback link clicks by action and outcome', labelNames: ['action', 'outcome'], registers });

  let readQueue: (() => Promise<QueueStats>) | undefined;
  let pending: Promise<QueueStats | undefined> | undefined;
  // Both gauges are filled from one read per scrape.
  const scrape = () => {
    pending ??= (readQueue?.() ?? Promise.resolve(undefined)).catch(() => undefined).finally(() => { setImmediate(() => { pending = undefined; }); });
    return pending;
  };
  new Gauge({
    name: 'unrobot_queue_jobs', help: 'Task-event jobs by state (read on scrape); state "dead" is the dead-letter queue', labelNames: ['state'], registers,
    async collect() {
      const stats = await scrape();
      this.reset();
      if (stats === undefined) return;
      for (const [state, count] of Object.entries(stats.jobs)) this.set({ state }, count);
      this.set({ state: 'dead' }, stats.deadLetters);
    },
  });
  new Gauge({
    name: 'unrobot_queue_oldest_waiting_seconds', help: 'Age of the oldest task-event job not yet claimed (read on scrape)', registers,
    async collect() {
      const stats = await scrape();
      this.set(stats?.oldestWaitingSeconds ?? 0);
    },
  });

  return {
    registry,
    webhooks: {
      request: (outcome) => requests.inc({ outcome }),
      events: (status, count) => { if (count > 0) events.inc({ status }, count); },
    },
    acks: {
      observe(status, seconds) {
        acks.inc({ status: String(status) });
        ackSeconds.observe({ status: String(status) }, seconds);
      },
    },
    jobs: { settled: (outcome) => jobs.inc({ outcome }) },
    hubspot: {
      call(operation, status) {
        calls.inc({ operation, status });
        if (status === '429') limited.inc({ operation });
      },
    },
    cards: { delivered: () => delivered.inc(), skipped: (reason) => skipped.inc({ reason }) },
    feedback: { recorded: (action, outcome) => feedback.inc({ action, outcome }) },
    observeQueue(read) { readQueue = read; },
  };
}
