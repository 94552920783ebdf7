/**
 * Pending OAuth authorize redirects (`state`). Stored hashed, so a database read never yields a
 * usable state; taken exactly once (delete … returning), so a replayed callback finds nothing.
 */
import type { SqlDatabase } from './sql-database.ts';

export type AuthorizationPurpose = 'install' | 'login';

export interface StoredAuthorizationState {
  stateHash: string;
  /** Hash of the value in the browser's short-lived cookie: the callback must present it. */
  bindingHash: string;
  purpose: AuthorizationPurpose;
  /** Same-origin path to return to after a login. */
  returnTo: string | null;
  createdAt: number;
  expiresAt: number;
}

export interface OAuthStateStore {
  save(state: StoredAuthorizationState): Promise<void>;
  /** Removes and returns the state; undefined when unknown or already taken. */
  take(stateHash: string): Promise<StoredAuthorizationState | undefined>;
  /** Drops states past their expiry; returns how many. */
  deleteExpired(now: number): Promise<number>;
}

interface StateRow {
  state_hash: string;
  binding_hash: string;
  purpose: AuthorizationPurpose;
  return_to: string | null;
  created_ms: number;
  expires_ms: number;
}

export function createSqlOAuthStateStore(db: SqlDatabase): OAuthStateStore {
  return {
    async save(state) {
      await db.query(
        `insert into oauth_states (state_hash, binding_hash, purpose, return_to, created_at, expires_at)
         values ($1, $2, $3, $4, to_timestamp($5::double precision / 1000), to_timestamp($6::double precision / 1000))`,
        [state.stateHash, state.bindingHash, state.purpose, state.returnTo, state.createdAt, state.expiresAt],
      );
    },
    async take(stateHash) {
      const rows = await db.query<StateRow>(
        `delete from oauth_states where state_hash = $1
         returning state_hash, binding_hash, purpose, return_to,
           (extract(epoch from created_at) * 1000)::float8 as created_ms, (extract(epoch from expires_at) * 1000)::float8 as expires_ms`,
        [stateHash],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        stateHash: row.state_hash, bindingHash: row.binding_hash, purpose: row.purpose, returnTo: row.return_to,
        createdAt: Number(row.created_ms), expiresAt: Number(row.expires_ms),
      };
    },
    async deleteExpired(now) {
      const rows = await db.query('delete from oauth_states where expires_at <= to_timestamp($1::double precision / 1000) returning 1 as gone', [now]);
      return rows.length;
    },
  };
}
