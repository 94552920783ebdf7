/**
 * `npm run sandbox -- --port 4010 --webhook-target URL --client-secret S --access-token T`
 * Runs the local HubSpot sandbox alone, seeded with the demo portal. Every flag can also come
 * from the environment (SANDBOX_PORT, SANDBOX_HOST, SANDBOX_WEBHOOK_TARGET, HUBSPOT_CLIENT_SECRET,
 * HUBSPOT_CLIENT_ID, HUBSPOT_ACCESS_TOKEN, HUBSPOT_APP_ID, SANDBOX_LATENCY_MS, SANDBOX_NO_RATE_LIMITS).
 */
import { parseArgs } from 'node:util';
import { createSandbox } from '../src/sandbox/create-sandbox.ts';

const HELP = `Usage: npm run sandbox -- [options]
  --port N               port to listen on (default 4010; env SANDBOX_PORT)
  --host H               interface (default 127.0.0.1; env SANDBOX_HOST)
  --webhook-target URL   where task webhooks are POSTed (env SANDBOX_WEBHOOK_TARGET)
  --client-secret S      app client secret that signs webhooks (env HUBSPOT_CLIENT_SECRET)
  --client-id ID         app client id for OAuth (env HUBSPOT_CLIENT_ID)
  --access-token T       static token for the demo portal (env HUBSPOT_ACCESS_TOKEN)
  --app-id N             app id in webhook payloads (env HUBSPOT_APP_ID)
  --latency-ms N         latency added to every API call (env SANDBOX_LATENCY_MS)
  --no-rate-limits       turn HubSpot's rate limits off (env SANDBOX_NO_RATE_LIMITS=1)
  --empty                do not seed the demo portal
`;

function main(): Promise<void> | void {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' }, host: { type: 'string' }, 'webhook-target': { type: 'string' }, 'client-secret': { type: 'string' },
      'client-id': { type: 'string' }, 'access-token': { type: 'string' }, 'app-id': { type: 'string' }, 'latency-ms': { type: 'string' },
      'no-rate-limits': { type: 'boolean' }, empty: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const env = process.env;
  const port = Number(values.port ?? env.SANDBOX_PORT ?? 4010);
  const host = values.host ?? env.SANDBOX_HOST ?? '127.0.0.1';
  const webhookTarget = values['webhook-target'] ?? env.SANDBOX_WEBHOOK_TARGET;
  const clientSecret = values['client-secret'] ?? env.HUBSPOT_CLIENT_SECRET;
  const clientId = values['client-id'] ?? env.HUBSPOT_CLIENT_ID;
  const appId = values['app-id'] ?? env.HUBSPOT_APP_ID;
  const accessToken = values['access-token'] ?? env.HUBSPOT_ACCESS_TOKEN;
  const latencyMs = Number(values['latency-ms'] ?? env.SANDBOX_LATENCY_MS ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number, got ${String(values.port ?? env.SANDBOX_PORT)}`);

  const sandbox = createSandbox({
    app: { ...(clientSecret ? { clientSecret } : {}), ...(clientId ? { clientId } : {}), ...(appId ? { appId: Number(appId) } : {}) },
    ...(accessToken ? { accessToken } : {}),
    ...(webhookTarget ? { webhookTarget } : {}),
    ...(latencyMs > 0 ? { latencyMs } : {}),
    ...(values['no-rate-limits'] || env.SANDBOX_NO_RATE_LIMITS === '1' ? { rateLimits: false as const } : {}),
    seed: !values.empty,
  });
  return sandbox.listen(port, host).then((running) => {
    const truth = sandbox.groundTruth();
    process.stdout.write([
      `Demo portal's contacts and timelines (open in a browser): ${running.url}/`,
      `HubSpot sandbox listening on ${running.url}`,
      `  portal ${sandbox.portalId}${truth ? ` (demo: ${truth.roboticTaskIds.length} robotic + ${truth.specificTaskIds.length} specific tasks)` : ' (empty)'}`,
      `  HUBSPOT_API_BASE_URL=${running.url}`,
      `  HUBSPOT_ACCESS_TOKEN=${accessToken ? '(as given)' : sandbox.accessToken}`,
      `  HUBSPOT_CLIENT_SECRET=${clientSecret ? '(as given)' : sandbox.state.app.clientSecret}`,
      `  app id ${sandbox.state.app.appId}, client id ${sandbox.state.app.clientId}, developer API key ${sandbox.state.app.developerApiKey}`,
      `  webhooks → ${webhookTarget ?? '(none: events are recorded, not sent)'}`,
      `  control: ${running.url}/__sandbox/tasks, /notes, /timeline-events, /requests, /faults, /reset, /ground-truth`,
      '',
    ].join('\n'));
    const stop = (): void => { void running.close().then(() => process.exit(0)); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

try {
  await main();
} catch (error) {
  process.stderr.write(`sandbox: ${(error as Error).message}\n`);
  process.exit(1);
}
