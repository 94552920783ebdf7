/**
 * `npm run reencrypt` — the key-rotation step: re-encrypts every stored refresh token made under
 * an older key of TOKEN_ENCRYPTION_KEY with the current (first) key, on the database the service
 * uses (DATABASE_URL, else PGlite under DATA_DIR — stop the service first: PGlite allows one
 * process). Safe while replicas run on PostgreSQL: each row is replaced by compare-and-set.
 * Prints one JSON line `{"scanned","reencrypted","raced","undecryptable"}`. Exit status: 0 when
 * every row is current, 1 when a row did not decrypt (that portal is flagged for re-install),
 * 2 on bad configuration.
 */
import { pathToFileURL } from 'node:url';
import { systemClock } from '../src/clock.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createTokenCipher } from '../src/hubspot/token-cipher.ts';
import { createLogger } from '../src/logger.ts';
import { reencryptInstalls, type ReencryptReport } from '../src/oauth/reencrypt-installs.ts';
import { applyMigrations } from '../src/store/migrations.ts';
import { createPgDatabase } from '../src/store/pg-database.ts';
import { createPgliteDatabase } from '../src/store/pglite-database.ts';
import { createSqlInstallStore } from '../src/store/sql-install-store.ts';

/** Runs the re-encryption with `env` as the configuration; returns the report. */
export async function runReencrypt(env?: Record<string, string | undefined>): Promise<ReencryptReport> {
  const config = env === undefined ? loadConfig() : loadConfig(env);
  if (config.tokenEncryptionKeys === undefined) throw new ConfigError(['TOKEN_ENCRYPTION_KEY: is required to re-encrypt tokens (new key first, old keys after it)']);
  const cipher = createTokenCipher(config.tokenEncryptionKeys);
  const db = config.databaseUrl !== undefined ? await createPgDatabase(config.databaseUrl) : await createPgliteDatabase(config.dataDir);
  try {
    await applyMigrations(db);
    const log = createLogger({ level: config.logLevel }).child({ component: 'reencrypt' });
    return await reencryptInstalls({ installs: createSqlInstallStore(db), cipher, clock: systemClock, log });
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const report = await runReencrypt();
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exitCode = report.undecryptable > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`reencrypt: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
