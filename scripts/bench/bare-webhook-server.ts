/**
 * The ingest baseline, run as its own process: a bare Express 5 route at the webhook path that
 * reads the raw body (same 1 MB cap as the real route) and answers 204. No signature, no parse,
 * no database: what Express and Node's HTTP stack cost on their own. `PORT` names the port.
 */
import { createServer } from 'node:http';
import express from 'express';

const app = express();
app.post('/webhooks/hubspot', express.raw({ type: () => true, limit: 1024 * 1024, inflate: false }), (req, res) => {
  res.status(Buffer.isBuffer(req.body) && req.body.length > 0 ? 204 : 400).end();
});
app.get('/readyz', (_req, res) => { res.json({ status: 'ready' }); });
const server = createServer(app);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => { server.close(() => process.exit(0)); server.closeAllConnections(); });
