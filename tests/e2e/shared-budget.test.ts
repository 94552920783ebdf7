/**
 * Issue 14, inside `npm test` on PostgreSQL: three `src/main.ts` replicas share one portal's
 * HubSpot budget through the database, against the sandbox at HubSpot's real limit (110 per
 * rolling 10 s, 429 with Retry-After past it), and one of them is SIGKILLed a third of the way
 * through; the jobs it held must be settled by the others within 90 s (T12). 60 tasks here; the full
 * 600-task run is `npm run scale-out -- --replicas 3`, which CI runs after `npm test` (.ci/run).
 */
import { formatFigures, problemsOf, RECOVERY_LIMIT_SECONDS, runProof } from '../../scripts/scale-out-proof.ts';
import { postgresAvailable } from '../helpers/postgres.ts';

const maybe = postgresAvailable ? test : test.skip;

maybe('when three replicas carry 60 robotic tasks of one portal and one is killed mid-run, then HubSpot never sees more than 110 calls in 10 s, 429s stay under 1 %, every task gets one card, and the dead replica\'s jobs are rerun within 90 s', async () => {
  const figures = await runProof({ replicas: 3, tasks: 60, kill: true });
  process.stdout.write(`shared budget: ${formatFigures(figures)}\n`);
  expect(figures.killed).toBe(true);
  expect(problemsOf(figures)).toEqual([]);
  expect(figures.maxCallsIn10s).toBeLessThanOrEqual(110);
  expect(figures.tasksWithOneCard).toBe(60);
  expect(figures.recoverySeconds).toBeLessThanOrEqual(RECOVERY_LIMIT_SECONDS);
}, 400_000);
