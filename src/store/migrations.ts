/**
 * Forward-only, versioned schema migrations, applied at start. Replicas that start together
 * serialise on a PostgreSQL advisory lock; each migration commits with its version row.
 * Never edit a released migration: append a new one.
 */
import type { SqlDatabase } from './sql-database.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Arbitrary constant: "unrobot migrations". */
const MIGRATION_LOCK_KEY = 727_001;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'webhook inbox',
    sql: `
      create table webhook_deliveries (
        id uuid primary key,
        received_at timestamptz not null,
        status text not null check (status in ('accepted', 'quarantined')),
        reason text,
        event_count integer not null,
        -- the portals the batch named; a delivery is not owned by one tenant
        portal_ids text[] not null default '{}',
        body bytea not null
      );
      create table webhook_events (
        portal_id text not null,
        event_key text not null,
        delivery_id uuid not null references webhook_deliveries (id),
        status text not null check (status in ('queued', 'ignored', 'orphan')),
        subscription_type text not null,
        object_type_id text,
        object_id text not null,
        event_id text not null,
        subscription_id text not null,
        property_name text,
        property_value text,
        change_source text,
        occurred_at bigint not null,
        received_at timestamptz not null,
        primary key (portal_id, event_key)
      );
      create index webhook_events_object on webhook_events (portal_id, object_id, occurred_at);
      create table quarantined_events (
        id bigserial primary key,
        delivery_id uuid not null references webhook_deliveries (id),
        -- null when the event is too broken to name its portal
        portal_id text,
        position integer not null,
        reason text not null,
        raw text not null,
        received_at timestamptz not null
      );
      create table processed_events (
        portal_id text not null,
        event_key text not null,
        outcome text not null,
        first_processed_at timestamptz not null,
        last_processed_at timestamptz not null,
        runs integer not null default 1,
        primary key (portal_id, event_key)
      );
    `,
  },
];

export const LATEST_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));

/** Applies every pending migration; returns the versions applied by this call. */
export async function applyMigrations(db: SqlDatabase, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.withAdvisoryLock(MIGRATION_LOCK_KEY, async (conn) => {
    await conn.exec(`create table if not exists schema_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    const done = new Set((await conn.query<{ version: number }>('select version from schema_migrations')).map((row) => row.version));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      try {
        await conn.exec(`begin;\n${migration.sql}\ninsert into schema_migrations (version, name) values (${migration.version}, '${migration.name.replace(/'/g, "''")}');\ncommit;`);
      } catch (error) {
        await conn.exec('rollback').catch(() => undefined);
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  });
}

/** The highest applied version, or 0 before the first migration. */
export async function currentVersion(db: SqlDatabase): Promise<number> {
  const rows = await db.query<{ version: number | null }>(
    `select max(version) as version from schema_migrations`,
  );
  return rows[0]?.version ?? 0;
}
