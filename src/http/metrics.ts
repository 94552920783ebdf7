/** Service metrics on a registry of our own (no global state, so tests can build several apps). */
import { Counter, Registry, collectDefaultMetrics } from 'prom-client';
import type { WebhookCounters } from '../webhooks/hubspot-webhook-route.ts';

export interface Metrics {
  registry: Registry;
  webhooks: WebhookCounters;
  jobs: { settled(outcome: string): void };
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'unrobot_webhook_requests_total', help: 'Webhook requests by outcome', labelNames: ['outcome'], registers: [registry] });
  const events = new Counter({ name: 'unrobot_webhook_events_total', help: 'Webhook events by intake status', labelNames: ['status'], registers: [registry] });
  const jobs = new Counter({ name: 'unrobot_jobs_settled_total', help: 'Task-event jobs by outcome', labelNames: ['outcome'], registers: [registry] });
  return {
    registry,
    webhooks: {
      request: (outcome) => requests.inc({ outcome }),
      events: (status, count) => { if (count > 0) events.inc({ status }, count); },
    },
    jobs: { settled: (outcome) => jobs.inc({ outcome }) },
  };
}
