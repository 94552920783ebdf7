/**
 * The service's entry point: loads the configuration, wires the concrete adapters, starts the
 * HTTP server and the worker (`--worker-only` or WORKER=off choose), and drains on SIGTERM.
 */
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createApp } from './http/create-app.ts';
import { startHttpServer, type RunningServer } from './http/http-server.ts';
import { createMetrics, type Metrics } from './http/metrics.ts';
import { readQueueStats } from './store/queue-stats.ts';
import { AppError } from './errors.ts';
import { createLogger, type Logger } from './logger.ts';
import { DEFAULT_QUEUE_SETTINGS, createBossQueue } from './store/boss-queue.ts';
import { applyMigrations } from './store/migrations.ts';
import { createPgDatabase } from './store/pg-database.ts';
import { createPgliteDatabase } from './store/pglite-database.ts';
import type { Store } from './store/ports.ts';
import type { SqlDatabase } from './store/sql-database.ts';
import { createSqlStore } from './store/sql-store.ts';
import { createSignatureFailureLimiter } from './webhooks/signature-failure-limiter.ts';
import { createWorker, type Worker } from './worker/create-worker.ts';
import { createHealthApp } from './http/health-app.ts';
import { purgeExpired } from './store/retention.ts';
import { purgePrivacyDeletions } from './store/privacy-purge.ts';
import { startRetentionRunner, type RetentionRunner } from './worker/retention-runner.ts';
import { startDemo, type Demo } from './demo.ts';
import { wirePipeline, type PipelineWiring } from './pipeline-wiring.ts';
import type { SettingsStore } from './settings/settings-store.ts';
import { createSettingsService } from './settings/create-settings-service.ts';
import { createAdminRoutes, createPortalAccess, createUninstaller } from './admin-wiring.ts';
import type { FeedbackRouteDeps } from './feedback/feedback-route.ts';
import type { CardLedger } from './store/card-store.ts';
import { createRecentTaskSource } from './hubspot/recent-tasks.ts';
import type { PreviewHubSpot } from './settings/preview.ts';
import { checkKeyring } from './oauth/check-keyring.ts';
import { createCrashHooks } from './crash-points.ts';

/** Kubernetes kills at 30 s; everything must be closed well before (RELIABILITY.md T12). */
const DRAIN_BUDGET_MS = 25_000;

function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`unrobot: ${error.message}\n`);
    process.exit(2);
  }
}

async function openDatabase(config: Config, log: Logger): Promise<SqlDatabase> {
  if (config.databaseUrl !== undefined) {
    log.info({ engine: 'postgres' }, 'opening the PostgreSQL server named by DATABASE_URL');
    return createPgDatabase(config.databaseUrl);
  }
  log.info({ engine: 'pglite', dataDir: config.dataDir }, 'opening the embedded database (PGlite)');
  return createPgliteDatabase(config.dataDir);
}

function warnAboutSetup(config: Config, log: Logger): void {
  if (config.hubspot.clientSecrets.length === 0) {
    log.warn('NO HUBSPOT_CLIENT_SECRET IS SET: every webhook will be rejected with 401 until one is configured');
  }
  if (config.env !== 'production') log.info({ env: config.env, publicBaseUrl: config.publicBaseUrl }, 'development mode');
}

/** The store while it starts: nothing is acknowledged before the real store is ready. */
function startingStore(current: () => Store | undefined): Store {
  const starting = () => new AppError('STARTING', 'the database is not open yet', { status: 503, retryable: true });
  return {
    recordDelivery: (delivery) => current()?.recordDelivery(delivery) ?? Promise.reject(starting()),
    readiness: async () => current()?.readiness() ?? { ok: false, checks: { database: false, migrations: false, queue: false } },
  };
}

/** The feedback route's dependencies; they answer 503 until the database is open. */
function feedbackDeps(config: Config, log: Logger, metrics: Metrics, ledger: () => CardLedger | undefined, settings: () => SettingsStore | undefined): { feedback?: FeedbackRouteDeps } {
  if (config.sessionSecret === undefined) return {};
  const starting = () => new AppError('STARTING', 'the database is not open yet', { status: 503, retryable: true });
  const need = <T>(value: T | undefined): T => { if (value === undefined) throw starting(); return value; };
  return { feedback: {
    secrets: [config.sessionSecret], clock: systemClock, log, onRecorded: metrics.feedback.recorded,
    cards: {
      getCard: async (...args) => need(ledger()).getCard(...args),
      recordFeedback: async (...args) => need(ledger()).recordFeedback(...args),
      snoozeRecords: async (...args) => need(ledger()).snoozeRecords(...args),
    },
    settings: { load: async (portalId) => need(settings()).load(portalId) },
  } };
}

async function main(): Promise<void> {
  const workerOnly = process.argv.includes('--worker-only');
  let config = loadConfigOrExit();
  const log = createLogger({ level: config.logLevel });
  // Demo mode: the sandbox starts first and the configuration points at it (src/demo.ts).
  const demo: Demo | undefined = config.demo ? await startDemo(config, log) : undefined;
  if (demo) config = demo.config;
  warnAboutSetup(config, log);

  // Listen first, so /healthz answers at once; /readyz and the webhook route answer 503 until the
  // database, migrations and queue are up (HubSpot retries a 503).
  let store: Store | undefined;
  let ledger: CardLedger | undefined;
  let settingsStore: SettingsStore | undefined;
  let accepting = true;
  let server: RunningServer | undefined;
  const metrics = createMetrics({ defaultMetrics: true });
  const admin = createAdminRoutes();
  if (!workerOnly) {
    const app = createApp({ config, log, store: startingStore(() => store), clock: systemClock, metrics, isAccepting: () => accepting,
      signatureFailures: createSignatureFailureLimiter({ limit: config.signatureFailureLimit }),
      ...feedbackDeps(config, log, metrics, () => ledger, () => settingsStore), settings: admin.handler });
    server = await startHttpServer(app, { port: config.port, host: config.host });
    log.info({ url: server.url, webhook: `${config.publicBaseUrl}/webhooks/hubspot` }, 'listening');
  } else {
    // Worker-only mode still answers /healthz and /readyz on PORT, for the orchestrator's probes.
    server = await startHttpServer(createHealthApp({ health: startingStore(() => store), isAccepting: () => accepting }), { port: config.port, host: config.host });
    log.info({ url: server.url, mode: 'worker-only' }, 'listening');
  }

  const db = await openDatabase(config, log);
  const applied = await applyMigrations(db);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  const queue = createBossQueue(
    db,
    { ...DEFAULT_QUEUE_SETTINGS, leaseSeconds: config.jobLeaseSeconds, retryDelaySeconds: config.jobRetryDelaySeconds, superviseIntervalSeconds: Math.min(DEFAULT_QUEUE_SETTINGS.superviseIntervalSeconds, config.jobLeaseSeconds), suspectWarmupSeconds: config.jobSuspectWarmupSeconds },
    (error) => log.error({ err: error }, 'queue error'),
  );
  await queue.start();
  metrics.observeQueue(() => readQueueStats(db));
  // Crash tests only (TEST_CRASH_AT, refused in production): SIGKILL at one of RELIABILITY.md §2.4's points.
  const crash = createCrashHooks(config.testCrashAt, log);
  const ready = crash ? crash.intakeStore(createSqlStore(crash.intakeDb(db), queue)) : createSqlStore(db, queue);
  let preview: PreviewHubSpot | undefined;
  const access = createPortalAccess(config, db, systemClock, log);
  if (access.oauth && config.tokenEncryptionKeys) {
    // Row 53: a wrong key is found now, not at the first decryption.
    const keyring = await checkKeyring(access.oauth.installs, access.oauth.cipher, { knownKeyIds: config.tokenEncryptionKeys.map((key) => key.id) });
    if (!keyring.ok) {
      log.error({ keys: keyring.keys, problems: keyring.problems }, 'TOKEN_ENCRYPTION_KEY does not open the stored tokens; refusing to start');
      process.stderr.write(`unrobot: TOKEN_ENCRYPTION_KEY does not open the stored tokens: ${keyring.problems.join('; ')}\n`);
      process.exit(2);
    }
    const single = keyring.keys.find((key) => key.tried === 1 && key.opened === 0);
    if (single) log.warn({ keys: keyring.keys }, 'one stored token does not open (a wrong key or a corrupt row); its portal will need re-auth');
    else if (keyring.keys.length > 0) log.info({ keys: keyring.keys }, 'TOKEN_ENCRYPTION_KEY opens the stored tokens');
  }
  const uninstaller = createUninstaller(config, access);
  const settingsService = createSettingsService({ db, clock: systemClock, log: log.child({ component: 'settings' }), config, preview: () => preview, ...(uninstaller && { uninstaller }) });
  settingsStore = settingsService.store;
  const tokens = access.tokens;
  if (tokens === undefined) {
    // loadConfig refuses such a configuration already; never acknowledge events nothing can act on (issue 14).
    process.stderr.write('unrobot: no HubSpot credentials to deliver cards with: set HUBSPOT_ACCESS_TOKEN + HUBSPOT_PORTAL_ID, or HUBSPOT_CLIENT_ID + TOKEN_ENCRYPTION_KEY\n');
    process.exit(2);
  }
  const pipeline: PipelineWiring = wirePipeline({ config, db, queue, inbox: ready, tokens, settings: settingsStore, clock: systemClock, log: log.child({ component: 'pipeline' }),
    metrics: crash ? { ...metrics, hubspot: { call: (operation, status) => { metrics.hubspot.call(operation, status); crash.onHubSpotCall(operation, status); } } } : metrics });
  ledger = pipeline.ledger;
  // The preview reads the CRM through the pipeline's own clients, limiter and reader.
  preview = { tokens, crm: pipeline.crm, tasks: createRecentTaskSource(pipeline.clients) };
  admin.attach(settingsService, access.oauth && {
    ...access.oauth,
    onLogin: settingsService.onLogin,
    onInstalled: (portalId: string) => pipeline.ledger.resumePortal(portalId),
  });
  store = ready;

  let worker: Worker | undefined;
  let retention: RetentionRunner | undefined;
  if (workerOnly || config.worker) {
    worker = createWorker({ queue, log: log.child({ component: 'worker' }), clock: systemClock,
      handler: crash ? crash.handler(pipeline.handler) : pipeline.handler, consume: { batchSize: 20 },
      onSettled: (outcome) => metrics.jobs.settled(outcome) });
    await worker.start();
    log.info('worker started');
    const retentionLog = log.child({ component: 'retention' });
    retention = startRetentionRunner({ clock: systemClock, log: retentionLog, purge: async (now) => {
      const counts = await purgeExpired(db, { retentionDays: config.retentionDays }, now);
      const privacy = await purgePrivacyDeletions(db, now); // row 31: within the hour
      if (privacy.contacts + privacy.deferred > 0) retentionLog.info({ ...privacy }, 'contact privacy deletions purged');
      return counts;
    } });
    void retention.runOnce();
  }
  if (config.catchUpPollSeconds > 0) {
    pipeline.poller.start(config.catchUpPollSeconds * 1000);
    log.info({ intervalSeconds: config.catchUpPollSeconds }, 'catch-up poller started');
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    accepting = false;
    log.info({ signal }, 'draining');
    setTimeout(() => { log.error('drain took too long; exiting'); process.exit(1); }, DRAIN_BUDGET_MS).unref();
    await server?.close(10_000);
    await pipeline.poller.stop();
    await worker?.stop(10_000);
    retention?.stop();
    await queue.stop(3_000);
    await db.close();
    await demo?.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // Only now: a supervisor that sees "ready" may signal at once, so the handlers must be in place.
  log.info('ready');
  if (demo) {
    const demoSettings = settingsStore;
    demo.flow(demoSettings, systemClock.now()).catch((error: unknown) => log.error({ err: error }, 'demo: could not start the demo flow'));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`unrobot: failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
