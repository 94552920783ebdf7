/**
 * The durability limit on this disk, measured in the ingest bench's own run: `clients` concurrent
 * loops of `insert; commit` (autocommit, `synchronous_commit = on`: one WAL flush each, which
 * PostgreSQL may share between commits that arrive together) for `seconds`, on PostgreSQL (a fresh
 * database, dropped after) and on PGlite (one file-backed instance, the way the service opens it;
 * its single connection serialises the clients). A durable ack per request cannot beat this
 * rate without sharing commits between requests, which is what group commit does.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import type { Engine } from './server-process.ts';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CREATE = 'create table if not exists fsync_probe (id bigserial primary key, body text not null)';
const INSERT = "insert into fsync_probe (body) values ('probe')";

async function loop(clients: number, seconds: number, insert: (client: number) => Promise<unknown>): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  let commits = 0;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, async (_, client) => {
    while (Date.now() < deadline) {
      await insert(client);
      commits += 1;
    }
  }));
  return commits / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function postgresLimit(clients: number, seconds: number): Promise<number> {
  const name = `unrobot_fsync_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  admin.on('error', () => undefined);
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: clients });
  // The database is dropped with (force) at the end: an idle client's "terminated" is expected.
  pool.on('error', () => undefined);
  try {
    await pool.query(CREATE);
    await pool.query('set synchronous_commit = on');
    const connected = await Promise.all(Array.from({ length: clients }, () => pool.connect()));
    await Promise.all(connected.map((client) => client.query('set synchronous_commit = on')));
    const rate = await loop(clients, seconds, (client) => connected[client]?.query(INSERT) as Promise<unknown>);
    connected.forEach((client) => client.release());
    return rate;
  } finally {
    await pool.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function pgliteLimit(clients: number, seconds: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'unrobot-fsync-'));
  const db = await createPgliteDatabase(join(dir, 'data'));
  try {
    await db.exec(CREATE);
    return await loop(clients, seconds, () => db.query(INSERT));
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Durable commits per second with `clients` concurrent `insert; commit` loops. */
export function durabilityLimit(engine: Engine, clients: number, seconds: number): Promise<number> {
  return engine === 'postgres' ? postgresLimit(clients, seconds) : pgliteLimit(clients, seconds);
}
