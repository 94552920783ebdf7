/**
 * Issue 14, in CI on PostgreSQL: three `src/main.ts` replicas share one portal's HubSpot budget
 * through the database, against the sandbox at HubSpot's real limit (110 per rolling 10 s, 429
 * with Retry-After past it), and one of them is SIGKILLed a third of the way through. The full
 * 600-task run of 1, 2 and 3 replicas is `npm run scale-out` (not yet recorded: issue 14 stays open).
 * 60 tasks here: with 150, recovery after the kill (the dead replica's jobs rerun alone after their
 * lease) did not finish within 300 s on a loaded 2-core machine.
 */
import { formatFigures, problemsOf, runProof } from '../../scripts/scale-out-proof.ts';
import { postgresAvailable } from '../helpers/postgres.ts';

const maybe = postgresAvailable ? test : test.skip;

maybe('when three replicas carry 60 robotic tasks of one portal and one is killed mid-run, then HubSpot never sees more than 110 calls in 10 s, 429s stay under 1 %, and every task gets one card', async () => {
  const figures = await runProof({ replicas: 3, tasks: 60, kill: true });
  process.stdout.write(`shared budget: ${formatFigures(figures)}\n`);
  expect(figures.killed).toBe(true);
  expect(problemsOf(figures)).toEqual([]);
  expect(figures.maxCallsIn10s).toBeLessThanOrEqual(110);
  expect(figures.tasksWithOneCard).toBe(60);
}, 400_000);
