/**
 * The worker-only process's HTTP face (`npm run worker`): `/healthz` and `/readyz` on `PORT`, so
 * an orchestrator can probe a worker like a service replica. Nothing else is served.
 */
import express from 'express';
import type { HealthCheck } from '../store/ports.ts';

export interface HealthAppDeps {
  health: HealthCheck;
  /** False while draining. */
  isAccepting?: () => boolean;
}

export function createHealthApp(deps: HealthAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/readyz', async (_req, res) => {
    const readiness = await deps.health.readiness();
    const accepting = deps.isAccepting?.() ?? true;
    const ok = readiness.ok && accepting;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not-ready', checks: { ...readiness.checks, accepting } });
  });
  app.use((_req, res) => { res.status(404).json({ error: 'not-found' }); });
  return app;
}
