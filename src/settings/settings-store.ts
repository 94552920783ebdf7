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

/** Someone who may edit the portal's settings: a HubSpot user id, an email, or both. */
export interface AdminIdentity { userId?: string; email?: string }
export interface PortalAdmin extends AdminIdentity { addedBy: string | null; addedAt: string }

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
  /** True when the user id, or the (HubSpot-verified) email, is on the portal's editor list. */
  isAdmin(portalId: string, userId: string, email?: string): Promise<boolean>;
  listAdmins(portalId: string): Promise<PortalAdmin[]>;
  /**
   * Replaces the editor list with `admins`, with its audit entry, in one transaction. Entries
   * already on the list keep who added them and when; new ones are added by `audit.actor`.
   */
  replaceAdmins(portalId: string, admins: readonly AdminIdentity[], audit: Omit<AuditInput, 'changes'>, now: number): Promise<PortalAdmin[]>;
  /** Makes the user an admin; the first user of a portal (the installer) becomes one at sign-in. */
  addAdmin(portalId: string, userId: string, addedBy: string | null, now: number): Promise<void>;
  countAdmins(portalId: string): Promise<number>;
}

interface SettingsRow { document: unknown; version: number; updated_at: Date | string; updated_by: Actor | null }
interface AdminRow { user_id: string | null; email: string | null; added_by: string | null; created_at: Date | string }
interface AuditRow { id: string | number; at: Date | string; actor: Actor; action: string; target: string; changes: AuditChange[] }

const iso = (value: Date | string): string => new Date(value).toISOString();

const adminOf = (row: AdminRow): PortalAdmin => ({
  ...(row.user_id !== null && { userId: row.user_id }), ...(row.email !== null && { email: row.email }), addedBy: row.added_by, addedAt: iso(row.created_at),
});

/** How an editor is named in the audit log: `user 123 <a@b.example>`. */
const adminLabel = (admin: AdminIdentity): string => [admin.userId && `user ${admin.userId}`, admin.email && `<${admin.email}>`].filter(Boolean).join(' ');

const sameAdmin = (a: AdminIdentity, b: AdminIdentity): boolean =>
  (a.userId !== undefined && a.userId === b.userId) || (a.email !== undefined && a.email.toLowerCase() === b.email?.toLowerCase());

async function selectAdmins(tx: SqlExecutor, portalId: string): Promise<PortalAdmin[]> {
  const rows = await tx.query<AdminRow>('select user_id, email, added_by, created_at from portal_admins where portal_id = $1 order by created_at, user_id, email', [portalId]);
  return rows.map(adminOf);
}

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
    async isAdmin(portalId, userId, email) {
      const rows = await db.query(
        'select 1 from portal_admins where portal_id = $1 and (user_id = $2 or (email is not null and lower(email) = lower($3::text))) limit 1',
        [portalId, userId, email ?? null],
      );
      return rows.length > 0;
    },
    listAdmins: (portalId) => selectAdmins(db, portalId),
    async replaceAdmins(portalId, admins, audit, now) {
      return db.transaction(async (tx) => {
        const before = await selectAdmins(tx, portalId);
        await tx.query('delete from portal_admins where portal_id = $1', [portalId]);
        for (const admin of admins) {
          const kept = before.find((old) => sameAdmin(old, admin));
          await tx.query(
            'insert into portal_admins (portal_id, user_id, email, added_by, created_at) values ($1, $2, $3, $4, $5)',
            [portalId, admin.userId ?? null, admin.email ?? null, kept ? kept.addedBy : audit.actor.userId ?? audit.actor.email ?? null, kept ? new Date(kept.addedAt) : new Date(now)],
          );
        }
        const labels = (list: readonly AdminIdentity[]) => list.map(adminLabel).sort();
        await insertAudit(tx, portalId, { ...audit, changes: [{ path: 'admins', before: labels(before), after: labels(admins) }] }, now);
        return selectAdmins(tx, portalId);
      });
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
