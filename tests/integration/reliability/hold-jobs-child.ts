/**
 * A worker process for prompt-reclaim.test.ts: the queue with the service's own settings
 * (DEFAULT_QUEUE_SETTINGS), claiming task events and holding every one without settling it, as
 * a replica does that is about to be killed. Prints `held <jobId>` per job it holds.
 * Usage: node hold-jobs-child.ts <DATABASE_URL>
 */
import { createBossQueue, DEFAULT_QUEUE_SETTINGS } from '../../../src/store/boss-queue.ts';
import { createPgDatabase } from '../../../src/store/pg-database.ts';

const url = process.argv[2];
if (url === undefined) throw new Error('usage: hold-jobs-child.ts <DATABASE_URL>');
const db = await createPgDatabase(url, { max: 3 });
const queue = createBossQueue(db, DEFAULT_QUEUE_SETTINGS);
await queue.start();
await queue.consume(async (job) => {
  process.stdout.write(`held ${job.id}\n`);
  return new Promise(() => undefined);
}, { batchSize: 20, pollingIntervalSeconds: 0.5 });
