/**
 * Per-portal settings, the audit log and portal admins, in the database. Every query names the
 * portal (RELIABILITY.md §3.9): the portal id is an argument of every method, never optional.
 */
import { DEFAULT_RULE_PACK, resolveRules } from '../rules/index.ts';
import type { SqlDatabase, SqlExecutor } from '../store/sql-database.ts';
import { DEFAULT_PORTAL_SETTINGS, PortalSettingsSchema, type LoadedSettings, type PortalSettings, type SettingsSource } from './portal-settings.ts';

export type ActorVia = 'settings-page' | 'hubspot-settings' | 'app-card' | 'system';
export interface Actor { userId?: string; email?: string; via: ActorVia }

export interface StoredSettings {
  settings: PortalSettings;
  version: number;
  updatedAt: string | null;
  updatedBy: Actor | null;
}

export interface AuditChange { path: string; before: unknown; after: unknown }
export interface AuditInput { action: string; target: string; actor: Actor; changes: AuditChange[] }
export interface AuditEntry extends AuditInput { id: string; at: string }

export interface SettingsStore extends SettingsSource {
  read(portalId: string): Promise<StoredSettings>;
  /**
   * Saves `settings` if the stored version is still `expectedVersion`, with its audit entry, in
   * one transaction. Returns the new state, or null when another save came first.
   */
  save(portalId: string, expectedVersion: number, settings: PortalSettings, audit: AuditInput, now: number): Promise<StoredSettings | null>;
  appendAudit(portalId: string, audit: AuditInput, now: number): Promise<void>;
  /** Newest first; `beforeId` is the cursor (the last id of the previous page). */
  listAudit(portalId: string, limit: number, beforeId?: string): Promise<AuditEntry[]>;
  isAdmin(portalId: string, userId: string): Promise<boolean>;
  /** Makes the user an admin; the first user of a portal (the installer) becomes one at sign-in. */
  addAdmin(portalId: string, userId: string, addedBy: string | null, now: number): Promise<void>;
  countAdmins(portalId: string): Promise<number>;
}

interface SettingsRow { document: unknown; version: number; updated_at: Date | string; updated_by: Actor | null }
interface AuditRow { id: string | number; at: Date | string; actor: Actor; action: string; target: string; changes: AuditChange[] }

const iso = (value: Date | string): string => new Date(value).toISOString();

async function insertAudit(tx: SqlExecutor, portalId: string, audit: AuditInput, now: number): Promise<void> {
  await tx.query(
    'insert into settings_audit (portal_id, at, actor, action, target, changes) values ($1, $2, $3, $4, $5, $6)',
    [portalId, new Date(now), JSON.stringify(audit.actor), audit.action, audit.target, JSON.stringify(audit.changes)],
  );
}

export function createSettingsStore(db: SqlDatabase): SettingsStore {
  async function read(portalId: string): Promise<StoredSettings> {
    const [row] = await db.query<SettingsRow>('select document, version, updated_at, updated_by from portal_settings where portal_id = $1', [portalId]);
    if (!row) return { settings: DEFAULT_PORTAL_SETTINGS, version: 0, updatedAt: null, updatedBy: null };
    return { settings: PortalSettingsSchema.parse(row.document), version: row.version, updatedAt: iso(row.updated_at), updatedBy: row.updated_by };
  }

  return {
    read,
    async load(portalId: string): Promise<LoadedSettings> {
      const stored = await read(portalId);
      return { portalId, settings: stored.settings, rules: resolveRules(DEFAULT_RULE_PACK, stored.settings.rules), version: stored.version };
    },
    async save(portalId, expectedVersion, settings, audit, now) {
      return db.transaction(async (tx) => {
        const document = JSON.stringify(PortalSettingsSchema.parse(settings));
        const actor = JSON.stringify(audit.actor);
        const rows = expectedVersion === 0
          ? await tx.query<{ version: number }>(
            `insert into portal_settings (portal_id, document, version, updated_at, updated_by) values ($1, $2, 1, $3, $4)
             on conflict (portal_id) do nothing returning version`, [portalId, document, new Date(now), actor])
          : await tx.query<{ version: number }>(
            `update portal_settings set document = $2, version = version + 1, updated_at = $3, updated_by = $4
             where portal_id = $1 and version = $5 returning version`, [portalId, document, new Date(now), actor, expectedVersion]);
        const saved = rows[0];
        if (!saved) return null;
        await insertAudit(tx, portalId, audit, now);
        return { settings, version: saved.version, updatedAt: new Date(now).toISOString(), updatedBy: audit.actor };
      });
    },
    async appendAudit(portalId, audit, now) {
      await insertAudit(db, portalId, audit, now);
    },
    async listAudit(portalId, limit, beforeId) {
      const rows = beforeId === undefined
        ? await db.query<AuditRow>('select id, at, actor, action, target, changes from settings_audit where portal_id = $1 order by id desc limit $2', [portalId, limit])
        : await db.query<AuditRow>('select id, at, actor, action, target, changes from settings_audit where portal_id = $1 and id < $2 order by id desc limit $3', [portalId, beforeId, limit]);
      return rows.map((row) => ({ id: String(row.id), at: iso(row.at), actor: row.actor, action: row.action, target: row.target, changes: row.changes }));
    },
    async isAdmin(portalId, userId) {
      const rows = await db.query('select 1 from portal_admins where portal_id = $1 and user_id = $2', [portalId, userId]);
      return rows.length > 0;
    },
    async addAdmin(portalId, userId, addedBy, now) {
      await db.query(
        'insert into portal_admins (portal_id, user_id, added_by, created_at) values ($1, $2, $3, $4) on conflict do nothing',
        [portalId, userId, addedBy, new Date(now)],
      );
    },
    async countAdmins(portalId) {
      const [row] = await db.query<{ count: string | number }>('select count(*) as count from portal_admins where portal_id = $1', [portalId]);
      return Number(row?.count ?? 0);
    },
  };
}
