/**
 * `npm run dlq -- list [--limit N] | redrive <id> [<id>…] | redrive-all`
 *
 * Inspects and redrives the dead-letter queue of task events, on the database the service uses
 * (DATABASE_URL, else PGlite under DATA_DIR — stop the service first: PGlite allows one process).
 * `list` writes one JSON line per dead letter, oldest first, without the property value (it may
 * hold personal data). `redrive` moves jobs back to the task-events queue with fresh attempts and
 * prints `{"redriven": n}`. Exit status: 0 on success, 1 when an id was not found, 2 on bad usage.
 */
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { DEFAULT_QUEUE_SETTINGS, createBossQueue } from '../src/store/boss-queue.ts';
import { applyMigrations } from '../src/store/migrations.ts';
import { createPgDatabase } from '../src/store/pg-database.ts';
import { createPgliteDatabase } from '../src/store/pglite-database.ts';
import type { DeadLetterQueue } from '../src/store/ports.ts';

export const USAGE = 'usage: npm run dlq -- list [--limit N] | redrive <id> [<id>...] | redrive-all';

export interface DlqOutput { out(line: string): void; err(line: string): void }

/** Runs one DLQ command against `queue`; returns the exit status. */
export async function runDlq(args: readonly string[], queue: DeadLetterQueue, io: DlqOutput): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'list') {
    const at = rest.indexOf('--limit');
    const limit = at === -1 ? 100 : Number(rest[at + 1]);
    if (!Number.isInteger(limit) || limit < 1) { io.err(USAGE); return 2; }
    for (const letter of await queue.listDeadLetters(limit)) {
      const { portalId, objectId, subscriptionType, eventKey, eventId, occurredAt } = letter.job;
      io.out(JSON.stringify({ id: letter.id, portalId, objectId, subscriptionType, eventId, eventKey, occurredAt,
        error: letter.error, retries: letter.retries, deadLetteredAt: letter.deadLetteredAt.toISOString() }));
    }
    return 0;
  }
  if (command === 'redrive' && rest.length > 0) {
    if (!rest.every((id) => /^[0-9a-f-]{36}$/i.test(id))) { io.err('every id must be a job id as `list` prints it'); return 2; }
    const moved = await queue.redrive(rest);
    io.out(JSON.stringify({ redriven: moved }));
    if (moved < rest.length) { io.err(`${rest.length - moved} id(s) not found in the dead-letter queue`); return 1; }
    return 0;
  }
  if (command === 'redrive-all' && rest.length === 0) {
    io.out(JSON.stringify({ redriven: await queue.redrive() }));
    return 0;
  }
  io.err(USAGE);
  return 2;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const db = config.databaseUrl !== undefined ? await createPgDatabase(config.databaseUrl) : await createPgliteDatabase(config.dataDir);
  try {
    await applyMigrations(db);
    const queue = createBossQueue(db, DEFAULT_QUEUE_SETTINGS);
    await queue.start();
    try {
      process.exitCode = await runDlq(process.argv.slice(2), queue, {
        out: (line) => process.stdout.write(`${line}\n`),
        err: (line) => process.stderr.write(`${line}\n`),
      });
    } finally {
      await queue.stop(1000);
    }
  } finally {
    await db.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`dlq: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
