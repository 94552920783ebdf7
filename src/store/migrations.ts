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
  {
    version: 10,
    name: 'oauth installs and authorization states',
    sql: `
      -- One row per installed portal. The refresh token is encrypted (token-cipher, AAD = portal
      -- and purpose); access tokens live in memory only (RELIABILITY.md §3.5).
      create table installs (
        portal_id text primary key,
        -- null once HubSpot refused it, or it failed to decrypt: the portal needs a reinstall
        refresh_token_ciphertext text,
        scopes text[] not null default '{}',
        installed_by_user_id text,
        installed_by_email text,
        installed_at timestamptz not null,
        updated_at timestamptz not null,
        status text not null check (status in ('active', 'revoked')),
        status_reason text
      );
      create index installs_active on installs (status) where status = 'active';
      -- Pending authorize redirects: the state and its cookie binding are stored hashed, used once.
      create table oauth_states (
        state_hash text primary key,
        binding_hash text not null,
        purpose text not null check (purpose in ('install', 'login')),
        return_to text,
        created_at timestamptz not null,
        expires_at timestamptz not null
      );
      create index oauth_states_expiry on oauth_states (expires_at);
      -- What happened to an install, kept after uninstall: no user, no token, no CRM data.
      create table install_audit (
        id bigserial primary key,
        portal_id text not null,
        action text not null check (action in ('installed', 'reinstalled', 'revoked', 'uninstalled', 'reencrypted')),
        reason text,
        at timestamptz not null
      );
      create index install_audit_portal on install_audit (portal_id, at);
    `,
  },
  {
    // Versions 2-9: intake and queue; 10-19: installs, settings, sessions, audit; 20-29: cards.
    version: 20,
    name: 'cards, skips and feedback',
    sql: `
      -- One row per card the pipeline decided to post. step_key is the idempotency key
      -- (portal, task, effective rule version, channel): a retry finds the row and never posts twice.
      create table cards (
        portal_id text not null,
        card_id text not null,
        step_key text not null,
        task_id text not null,
        rule_id text,
        rule_version text not null,
        channel text not null,
        locale text not null,
        lens_ids text[] not null default '{}',
        owner_id text,
        -- the CRM records the card is about: [{ "objectType": "contact", "id": "123" }, …]
        records jsonb not null default '[]',
        -- the rendered card (headline, questions, why), for the app card and analytics
        content jsonb not null,
        status text not null check (status in ('pending', 'delivered')),
        -- what HubSpot created (note id, timeline event id, …) once delivered
        hubspot_object_id text,
        created_at timestamptz not null,
        delivered_at timestamptz,
        primary key (portal_id, card_id),
        unique (portal_id, step_key)
      );
      create index cards_task on cards (portal_id, task_id);
      create index cards_created on cards (portal_id, created_at);
      create index cards_owner on cards (portal_id, owner_id, created_at);
      -- Every decision not to post, with its stable reason code (policy SKIP_REASONS, not-robotic, task-gone, …).
      create table card_skips (
        id bigserial primary key,
        portal_id text not null,
        task_id text not null,
        event_key text,
        reason text not null,
        detail text,
        rule_id text,
        created_at timestamptz not null
      );
      create index card_skips_created on card_skips (portal_id, created_at);
      -- Reactions from the signed links or the app card; one per card and action.
      create table card_feedback (
        portal_id text not null,
        card_id text not null,
        action text not null check (action in ('helpful', 'not-helpful', 'snooze')),
        user_id text,
        created_at timestamptz not null,
        primary key (portal_id, card_id, action),
        foreign key (portal_id, card_id) references cards (portal_id, card_id) on delete cascade
      );
      -- Records a rep snoozed ("snooze this client for 14 days").
      create table record_snoozes (
        portal_id text not null,
        object_type text not null,
        object_id text not null,
        until timestamptz not null,
        created_at timestamptz not null,
        primary key (portal_id, object_type, object_id)
      );
    `,
  },
  {
    version: 21,
    name: 'card publishing lease, paused portals, parked jobs, poll cursors',
    sql: `
      -- A pending card is published by one attempt at a time: the attempt holds a short lease.
      -- publish_attempts > 0 means an earlier attempt may have written to HubSpot already.
      alter table cards add column publish_attempts integer not null default 0;
      alter table cards add column lease_until timestamptz;
      -- Portals whose token was revoked or refused: their jobs are parked, not retried.
      create table paused_portals (
        portal_id text primary key,
        reason text not null,
        paused_at timestamptz not null
      );
      create table parked_jobs (
        portal_id text not null,
        event_key text not null,
        job jsonb not null,
        parked_at timestamptz not null,
        primary key (portal_id, event_key)
      );
      -- The catch-up poller's position per portal: tasks modified at or after cursor_ms are due.
      create table poll_cursors (
        portal_id text primary key,
        cursor_ms bigint not null,
        updated_at timestamptz not null
      );
    `,
  },
  {
    version: 15,
    name: 'portal settings, settings audit log, portal admins',
    sql: `
      -- One settings document per portal (PortalSettingsSchema); version +1 per save, for optimistic
      -- concurrency. No row means the portal runs on the defaults (version 0).
      create table portal_settings (
        portal_id text primary key,
        document jsonb not null,
        version integer not null check (version > 0),
        updated_at timestamptz not null,
        updated_by jsonb
      );
      -- Every change: who, what, when. Never updated or deleted by the service.
      create table settings_audit (
        id bigserial primary key,
        portal_id text not null,
        at timestamptz not null,
        actor jsonb not null,
        action text not null,
        target text not null,
        changes jsonb not null default '[]'
      );
      create index settings_audit_portal on settings_audit (portal_id, id desc);
      -- Users who may edit a portal's settings: the installing user, plus users the portal adds.
      create table portal_admins (
        portal_id text not null,
        user_id text not null,
        added_by text,
        created_at timestamptz not null,
        primary key (portal_id, user_id)
      );
    `,
  },
  {
    version: 16,
    name: 'settings page sessions',
    sql: `
      -- Server-side sessions of the standalone settings page. Only a SHA-256 of the 256-bit id is
      -- stored, so a leaked table cannot be replayed as cookies.
      create table settings_sessions (
        id_hash text primary key,
        portal_id text not null,
        user_id text not null,
        email text,
        csrf_token text not null,
        created_at timestamptz not null,
        last_seen_at timestamptz not null
      );
      create index settings_sessions_user on settings_sessions (portal_id, user_id);
    `,
  },
  {
    version: 22,
    name: 'card skips by task',
    sql: `create index card_skips_task on card_skips (portal_id, task_id);`,
  },
  {
    version: 23,
    name: 'portal editors by user id or email',
    sql: `
      -- Portal editors (settings API PUT /api/v1/admins) are named by HubSpot user id, email, or both.
      alter table portal_admins add column email text;
      alter table portal_admins drop constraint portal_admins_pkey;
      alter table portal_admins alter column user_id drop not null;
      alter table portal_admins add constraint portal_admins_named check (user_id is not null or email is not null);
      create unique index portal_admins_user on portal_admins (portal_id, user_id) where user_id is not null;
      create unique index portal_admins_email on portal_admins (portal_id, lower(email)) where email is not null;
    `,
  },
  {
    version: 24,
    name: 'card publishing lease holder',
    sql: `
      -- Who holds a card's publishing lease: a queue job and its attempt (pg-boss retry count).
      -- pg-boss starts a job's next attempt only after the previous one settled or its job lease
      -- expired, so a later attempt of the same job takes the lease over at once (a crashed
      -- attempt's rerun need not wait out lease_until); any other job still waits for it to lapse.
      alter table cards add column lease_job_id text;
      alter table cards add column lease_attempt integer;
    `,
  },
  {
    version: 25,
    name: 'cards skipped unpublished',
    sql: `
      -- 'skipped': a pending card that is never published. Today only one way leads there: a contact
      -- of the card asked to be forgotten (contact.privacyDeletion) before it went out, the purge
      -- redacted its content, and the publish step ended it unpublished (skip reason privacy-deletion).
      alter table cards drop constraint cards_status_check;
      alter table cards add constraint cards_status_check check (status in ('pending', 'delivered', 'skipped'));
    `,
  },
  {
    version: 26,
    name: 'card channel target',
    sql: `
      -- Where on its channel a card goes out, recorded with it: the timeline-v3 event template id or
      -- the app-event type name (null for note and task-body). A pending card is published there
      -- even if the admin changed the setting since, so a retry never writes a second event under
      -- another template. Null on rows from before: those use the current setting.
      alter table cards add column channel_target text;
    `,
  },
  {
    version: 27,
    name: 'shared hubspot rate lanes',
    sql: `
      -- Every replica's HubSpot budget in one row per portal and request kind (issue 14): the grant
      -- times (epoch ms on the database clock) inside the rolling window, and a pause after a 429.
      -- A slot is claimed by one UPDATE, whose row lock serialises the replicas.
      create table hubspot_rate_lanes (
        portal_id text not null,
        kind text not null,
        stamps double precision[] not null default '{}',
        paused_until double precision not null default 0,
        primary key (portal_id, kind)
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
