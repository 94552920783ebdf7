/**
 * Wires the pipeline's concrete adapters: the rate limiter (shared by every replica on PostgreSQL),
 * one SDK client factory per process,
 * the batched CRM reader, the card publisher and the SQL card ledger, behind the batching
 * handler the worker calls. Used by main.ts (and the end-to-end tests, which run main).
 */
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Metrics } from './http/metrics.ts';
import { createCardPublisher } from './hubspot/card-publisher.ts';
import { createCrmSnapshotReader } from './hubspot/crm-snapshot-reader.ts';
import { createHubSpotClients, type HubSpotClients } from './hubspot/hubspot-client.ts';
import type { CrmReader } from './hubspot/ports.ts';
import { createRateLimiter, type RateLimiter } from './hubspot/rate-limiter.ts';
import { createSharedRateLimiter } from './hubspot/shared-rate-limiter.ts';
import { createSqlRateLedger } from './store/sql-rate-ledger.ts';
import { createModifiedTaskSource } from './hubspot/task-search.ts';
import type { TokenProvider } from './hubspot/token-provider.ts';
import type { Logger } from './logger.ts';
import type { SettingsSource } from './settings/portal-settings.ts';
import type { BossQueue } from './store/boss-queue.ts';
import type { CardLedger } from './store/card-store.ts';
import type { InboxStore } from './store/ports.ts';
import type { SqlDatabase } from './store/sql-database.ts';
import { createSqlCardStore } from './store/sql-card-store.ts';
import { createBatchingHandler } from './worker/batching-handler.ts';
import { createCatchUpPoller, type CatchUpPoller } from './worker/catch-up-poller.ts';
import type { TaskEventHandler } from './worker/create-worker.ts';
import { processTaskEvent } from './worker/process-task-event.ts';

/** Feedback links stay valid this long after the card was written. */
export const FEEDBACK_LINK_TTL_MS = 30 * 86_400_000;

export interface PipelineWiring {
  handler: TaskEventHandler;
  ledger: CardLedger;
  /** The catch-up poller over the same clients and inbox; started by the caller. */
  poller: CatchUpPoller;
  /** The process's HubSpot clients and snapshot reader, shared with the settings preview. */
  clients: HubSpotClients;
  crm: CrmReader;
}

export function wirePipeline(deps: {
  config: Pick<Config, 'hubspot' | 'publicBaseUrl' | 'sessionSecret'>;
  db: SqlDatabase;
  queue: BossQueue;
  inbox: InboxStore;
  tokens: TokenProvider;
  settings: SettingsSource;
  clock: Clock;
  log: Logger;
  /** HubSpot calls and card outcomes are counted here when given. */
  metrics?: Pick<Metrics, 'hubspot' | 'cards'>;
}): PipelineWiring {
  const { config, clock, log, metrics } = deps;
  const limiter = createLimiter(deps.db, clock, log);
  const clients = createHubSpotClients({ apiBaseUrl: config.hubspot.apiBaseUrl, limiter, log, clock,
    ...(metrics && { onCall: metrics.hubspot.call }) });
  const ledger = createSqlCardStore(deps.db, deps.queue);
  const crm = createCrmSnapshotReader({ clients, log, clock });
  const publisher = createCardPublisher({ clients, log, appBaseUrl: config.publicBaseUrl });
  const batching = createBatchingHandler((items) => processTaskEvent({
    settings: deps.settings, tokens: deps.tokens, ledger, clock, log, crm, publisher, appBaseUrl: config.publicBaseUrl,
    ...(config.sessionSecret !== undefined && { feedback: { baseUrl: config.publicBaseUrl, secret: config.sessionSecret, ttlMs: FEEDBACK_LINK_TTL_MS } }),
  }, items));
  const poller = createCatchUpPoller({ tasks: createModifiedTaskSource(clients), tokens: deps.tokens, inbox: deps.inbox, cursors: ledger, clock, log });
  const handler: TaskEventHandler = metrics === undefined ? batching : async (job, context) => {
    const outcome = await batching(job, context);
    if (outcome.status === 'done') metrics.cards.delivered();
    else metrics.cards.skipped(outcome.reason ?? 'unknown');
    return outcome;
  };
  return { handler, ledger, poller, clients, crm };
}

/**
 * On a PostgreSQL server every replica shares one HubSpot budget per portal through the database
 * (issue 14); PGlite is one process by construction, so its limiter counts in memory.
 */
export function createLimiter(db: SqlDatabase, clock: Clock, log: Logger): RateLimiter {
  if (db.engine === 'postgres') return createSharedRateLimiter({ ledger: createSqlRateLedger(db), clock, log: log.child({ component: 'rate-limiter' }) });
  return createRateLimiter({ clock });
}
