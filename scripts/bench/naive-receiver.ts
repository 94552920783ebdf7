/**
 * The naive durable receiver, the ingest bench's peer, run as its own process: Express, the raw
 * body, **one INSERT per request** (autocommit, so one durable commit each, no group commit),
 * then 204. No signature check or parse: only what any durable receiver must do. On PostgreSQL
 * (`DATABASE_URL`, a pool of 10, `synchronous_commit = on`) or PGlite (`DATA_DIR`, initialised
 * by the same child-process initdb the service uses). `PORT` names the port.
 */
import { createServer } from 'node:http';
import express from 'express';
import pg from 'pg';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';

type Insert = (body: string) => Promise<unknown>;

async function open(): Promise<Insert> {
  const create = 'create table if not exists naive_delivery (id bigserial primary key, body text not null)';
  const sql = 'insert into naive_delivery (body) values ($1)';
  if (process.env.DATABASE_URL !== undefined) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    pool.on('error', () => undefined);
    await pool.query(create);
    return (body) => pool.query(sql, [body]);
  }
  const db = await createPgliteDatabase(process.env.DATA_DIR ?? 'memory://');
  await db.exec(create);
  return (body) => db.query(sql, [body]);
}

const insert = await open();
const app = express();
app.post('/webhooks/hubspot', express.raw({ type: () => true, limit: 1024 * 1024, inflate: false }), (req, res) => {
  insert((req.body as Buffer).toString('utf8')).then(() => res.status(204).end(), () => res.status(503).end());
});
app.get('/readyz', (_req, res) => { res.json({ status: 'ready' }); });
const server = createServer(app);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => { server.close(() => process.exit(0)); server.closeAllConnections(); });
