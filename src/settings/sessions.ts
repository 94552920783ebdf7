/**
 * Server-side sessions for the standalone settings page (RELIABILITY.md §3.6): a random 256-bit
 * id in a `__Host-` cookie, only its SHA-256 stored; a CSRF synchronizer token bound to the
 * session; idle timeout 30 min, absolute timeout 8 h; a new id at every sign-in.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { SqlDatabase } from '../store/sql-database.ts';

/** The cookie name of the contract (openapi.json `sessionCookie`). */
export const SESSION_COOKIE = '__Host-unrobot_session';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60 * 1000;

export interface Session {
  portalId: string;
  userId: string;
  email: string | undefined;
  csrfToken: string;
}

export interface SessionIdentity { portalId: string; userId: string; email?: string | undefined }

export interface Sessions {
  /** Creates a session and returns its id (the cookie value); `previousId` is destroyed. */
  create(identity: SessionIdentity, previousId?: string): Promise<string>;
  /** The live session for a cookie value, touching its idle timer; undefined when absent or expired. */
  load(id: string): Promise<Session | undefined>;
  destroy(id: string): Promise<void>;
}

interface SessionRow { portal_id: string; user_id: string; email: string | null; csrf_token: string; created_at: Date | string; last_seen_at: Date | string }

const hashId = (id: string): string => createHash('sha256').update(id, 'utf8').digest('hex');
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export function createSessions(db: SqlDatabase, clock: Clock): Sessions {
  return {
    async create(identity, previousId) {
      if (previousId !== undefined) await db.query('delete from settings_sessions where id_hash = $1', [hashId(previousId)]);
      const id = randomBytes(32).toString('base64url');
      const now = new Date(clock.now());
      await db.query(
        `insert into settings_sessions (id_hash, portal_id, user_id, email, csrf_token, created_at, last_seen_at)
         values ($1, $2, $3, $4, $5, $6, $6)`,
        [hashId(id), identity.portalId, identity.userId, identity.email ?? null, randomBytes(32).toString('base64url'), now],
      );
      return id;
    },
    async load(id) {
      if (!SESSION_ID.test(id)) return undefined;
      const key = hashId(id);
      const [row] = await db.query<SessionRow>('select portal_id, user_id, email, csrf_token, created_at, last_seen_at from settings_sessions where id_hash = $1', [key]);
      if (!row) return undefined;
      const now = clock.now();
      if (now - new Date(row.last_seen_at).getTime() > IDLE_TIMEOUT_MS || now - new Date(row.created_at).getTime() > ABSOLUTE_TIMEOUT_MS) {
        await db.query('delete from settings_sessions where id_hash = $1', [key]);
        return undefined;
      }
      await db.query('update settings_sessions set last_seen_at = $2 where id_hash = $1', [key, new Date(now)]);
      return { portalId: row.portal_id, userId: row.user_id, email: row.email ?? undefined, csrfToken: row.csrf_token };
    },
    async destroy(id) {
      await db.query('delete from settings_sessions where id_hash = $1', [hashId(id)]);
    },
  };
}

/** Constant-time comparison of a presented CSRF token with the session's. */
export function csrfTokenMatches(session: Session, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(session.csrfToken, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads one cookie from a `Cookie` header without a cookie library. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

/**
 * The `Set-Cookie` value. Always Secure: browsers accept Secure cookies from http://localhost,
 * so development needs no relaxation.
 */
export function sessionCookie(id: string): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${ABSOLUTE_TIMEOUT_MS / 1000}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
}
