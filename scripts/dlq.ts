/**
 * `npm run dlq -- list [--limit N] | redrive <id> [<id>…] | redrive-all | skips [--reason R] [--limit N] | parked [--limit N]`
 *
 * Inspects and redrives the dead-letter queue of task events, on the database the service uses
 * (DATABASE_URL, else PGlite under DATA_DIR — stop the service first: PGlite allows one process).
 * `list` writes one JSON line per dead letter, oldest first, without the property value (it may
 * hold personal data). `redrive` moves jobs back to the task-events queue with fresh attempts and
 * prints `{"redriven": n}`. `skips` lists the events that got no card with their reason, newest
 * first (`--reason portal-unknown`: events of portals the service holds no credentials for);
 * `parked` lists the jobs of paused portals with the pause's reason. Exit status: 0 on success, 1 when an id was not found, 2 on bad usage.
 */
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { DEFAULT_QUEUE_SETTINGS, createBossQueue } from '../src/store/boss-queue.ts';
import { applyMigrations } from '../src/store/migrations.ts';
import { createPgDatabase } from '../src/store/pg-database.ts';
import { createPgliteDatabase } from '../src/store/pglite-database.ts';
import type { DeadLetterQueue } from '../src/store/ports.ts';
import { listParked, listSkips, type ParkedEntry, type SkipEntry } from '../src/store/skip-log.ts';

export const USAGE = 'usage: npm run dlq -- list [--limit N] | redrive <id> [<id>...] | redrive-all | skips [--reason R] [--limit N] | parked [--limit N]';

export interface DlqOutput { out(line: string): void; err(line: string): void }

/** What the events without a card left besides dead letters: skips with their reason, and parked jobs. */
export interface OutcomeLog {
  listSkips(options: { reason?: string; limit: number }): Promise<SkipEntry[]>;
  listParked(options: { limit: number }): Promise<ParkedEntry[]>;
}

function option(rest: readonly string[], name: string): string | undefined {
  const at = rest.indexOf(name);
  return at === -1 ? undefined : rest[at + 1] ?? '';
}

/** Runs one DLQ command against `queue` (and `outcomes` for `skips` / `parked`); returns the exit status. */
export async function runDlq(args: readonly string[], queue: DeadLetterQueue, io: DlqOutput, outcomes?: OutcomeLog): Promise<number> {
  const [command, ...rest] = args;
  const limit = Number(option(rest, '--limit') ?? 100);
  if (!Number.isInteger(limit) || limit < 1) { io.err(USAGE); return 2; }
  if (command === 'skips' && outcomes) {
    const reason = option(rest, '--reason');
    if (reason !== undefined && !/^[a-z-]{1,60}$/.test(reason)) { io.err(USAGE); return 2; }
    for (const skip of await outcomes.listSkips({ limit, ...(reason !== undefined && { reason }) })) {
      io.out(JSON.stringify({ portalId: skip.portalId, taskId: skip.taskId, eventKey: skip.eventKey, reason: skip.reason, at: skip.at.toISOString() }));
    }
    return 0;
  }
  if (command === 'parked' && outcomes) {
    for (const parked of await outcomes.listParked({ limit })) {
      io.out(JSON.stringify({ portalId: parked.portalId, objectId: parked.objectId, eventKey: parked.eventKey, reason: parked.reason, parkedAt: parked.parkedAt.toISOString() }));
    }
    return 0;
  }
  if (command === 'list') {
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
      }, { listSkips: (options) => listSkips(db, options), listParked: (options) => listParked(db, options) });
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
