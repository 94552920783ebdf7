/**
 * How fast the sandbox answers the call the worker makes most: a 10-task batch read through
 * auth, faults and routing (rate limits off, as in every other benchmark), against a bare
 * express route that returns the same JSON (the baseline: express + JSON parsing alone).
 * Target: ≥ 2,000 requests/s, so the sandbox is never a benchmark's bottleneck.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import express from 'express';
import { createSandbox } from '../../src/sandbox/create-sandbox.ts';
import type { BenchRow } from './bench-row.ts';

/** The part of autocannon's result this bench reads (the package ships no types). */
interface LoadResult {
  requests: { average: number };
  latency: { p99: number };
  errors: number;
  non2xx: number;
}

const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<LoadResult>;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function load(url: string, body: string, token: string, seconds: number): Promise<LoadResult> {
  return autocannon({
    url: `${url}/crm/v3/objects/tasks/batch/read`, method: 'POST', body, connections: 10, duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
}

export default async function bench(options: { quick: boolean }): Promise<BenchRow[]> {
  const seconds = options.quick ? 2 : 6;
  const sandbox = createSandbox({ rateLimits: false, accessToken: 'bench-token' });
  const ids = sandbox.groundTruth()?.roboticTaskIds.slice(0, 10) ?? [];
  const body = JSON.stringify({ inputs: ids.map((id) => ({ id })), properties: ['hs_task_subject', 'hs_task_body', 'hs_task_status', 'hubspot_owner_id'], propertiesWithHistory: [] });
  const running = await sandbox.listen();
  const sample = await (await fetch(`${running.url}/crm/v3/objects/tasks/batch/read`, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: 'Bearer bench-token' } })).text();

  const bare = express();
  bare.use(express.json());
  bare.post('/crm/v3/objects/tasks/batch/read', (_req, res) => { res.type('application/json').send(sample); });
  const bareServer = createServer(bare);
  const bareUrl = await listen(bareServer);

  await load(running.url, body, 'bench-token', 1); // warm-up
  const baseline = await load(bareUrl, body, 'bench-token', seconds);
  const measured = await load(running.url, body, 'bench-token', seconds);
  await running.close();
  bareServer.close();

  const ratio = measured.requests.average / baseline.requests.average;
  const errors = measured.errors + measured.non2xx;
  return [
    { name: 'sandbox batch read (10 tasks)', metric: 'throughput', value: measured.requests.average, unit: 'req/s', baseline: baseline.requests.average, ratio, note: `target ≥ 2,000 req/s; baseline = bare express route, same JSON; ${errors} errors` },
    { name: 'sandbox batch read (10 tasks)', metric: 'p99 latency', value: measured.latency.p99, unit: 'ms', baseline: baseline.latency.p99, ratio: measured.latency.p99 / Math.max(baseline.latency.p99, 0.001), note: '10 connections' },
  ];
}
