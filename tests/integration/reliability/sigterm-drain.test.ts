/**
 * RELIABILITY.md row 50 / §2.4 graceful drain: the real service (`src/main.ts`, PGlite on disk,
 * worker on) under webhook load from 10 keep-alive connections gets SIGTERM. It must exit 0
 * within 25 s, every event it acknowledged must be in the store afterwards, and every stored
 * task event must have its outcome recorded or still be queued (a job nobody lost). No HubSpot
 * answers here (staticTokenEnv's refused port), so each job is still queued or dead-lettered, never settled in silence.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteDatabase } from '../../../src/store/pglite-database.ts';
import { readEventOutcomes } from '../../helpers/event-outcomes.ts';
import { signedHeaders, taskCreation } from '../../helpers/hubspot-webhook.ts';
import { startServiceProcess } from './service-process.ts';
import { seedPgliteDir } from '../../helpers/pglite-template.ts';

test('when SIGTERM arrives under webhook load, then the service drains and exits 0 within 25 s with 0 acknowledged events lost', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'unrobot-drain-'));
  await seedPgliteDir(dir);
  const service = startServiceProcess('sigterm-drain', { DATA_DIR: dir, JOB_LEASE_SECONDS: '30', LOG_LEVEL: 'info' });
  try {
    const url = String((await service.waitFor('listening')).url);
    await service.waitFor('ready', 30_000);
    const acked: number[] = [];
    const answers: Record<string, number> = {};
    let nextEventId = 50_000_000;
    let stop = false;
    const load = async () => {
      while (!stop) {
        const ids = [nextEventId += 1, nextEventId += 1, nextEventId += 1];
        const body = JSON.stringify(ids.map((eventId) => taskCreation({ eventId, objectId: eventId, occurredAt: Date.now() })));
        let status = 'refused';
        try {
          const response = await fetch(`${url}/webhooks/hubspot`, { method: 'POST', body, headers: signedHeaders(body, { timestamp: Date.now() }), signal: AbortSignal.timeout(5_000) });
          status = String(response.status);
          if (response.status === 204) acked.push(...ids);
        } catch { /* refused or reset once the listener is closed: HubSpot would retry */ }
        answers[status] = (answers[status] ?? 0) + 1;
        if (status === 'refused') await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const loops = Array.from({ length: 10 }, load);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const ackedBeforeTerm = acked.length;
    const termAt = Date.now();
    service.child.kill('SIGTERM');
    const code = await service.exited;
    const drainMs = Date.now() - termAt;
    stop = true;
    await Promise.all(loops);

    expect(code).toBe(0);
    expect(drainMs).toBeLessThan(25_000);
    expect(ackedBeforeTerm).toBeGreaterThan(0);
    expect(service.lines().some((line) => line.msg === 'stopped')).toBe(true);
    const db = await createPgliteDatabase(dir);
    try {
      const stored = new Set((await db.query<{ event_id: string }>('select event_id from webhook_events')).map((row) => Number(row.event_id)));
      expect(acked.filter((id) => !stored.has(id))).toEqual([]);
      // Every stored task event still has a job to run, or exactly one recorded outcome (issue 14).
      const outcomes = await readEventOutcomes(db);
      expect(outcomes.length).toBeGreaterThanOrEqual(acked.length);
      expect(outcomes.filter((event) => !event.unsettled && event.outcomes.length !== 1)).toEqual([]);
      process.stdout.write(`sigterm-drain: ${acked.length} events acknowledged (${ackedBeforeTerm} before SIGTERM), drained in ${drainMs} ms, answers ${JSON.stringify(answers)}, 0 lost\n`);
    } finally {
      await db.close();
    }
  } finally {
    service.child.kill('SIGKILL');
    await service.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
