/**
 * Demo mode: no HubSpot credentials, so the service runs against the in-process sandbox. The
 * sandbox gets a freshly generated client secret and access token (no default secrets), its
 * seeded demo portal sends webhooks to this service, and the demo portal's settings let cards
 * flow at any hour. Refused in production (config already refuses to start without credentials).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import { createSandbox, type RunningSandbox, type Sandbox } from './sandbox/create-sandbox.ts';
import { PortalSettingsSchema, type PortalSettings } from './settings/portal-settings.ts';
import type { SettingsStore } from './settings/settings-store.ts';

/** Quiet hours off and anti-noise limits opened up, so every robotic seeded task shows its card now. */
export const DEMO_SETTINGS: PortalSettings = PortalSettingsSchema.parse({
  policy: { quietHours: null, recordCooldownHours: 0, dailyBudgetPerRep: 100, clientReplyWindowHours: 0 },
});

export interface Demo {
  sandbox: Sandbox;
  url: string;
  /** The service's configuration, pointed at the sandbox. */
  config: Config;
  /** Saves the demo settings, replays the seeded tasks as creation webhooks and prints the banner. */
  flow(settings: Pick<SettingsStore, 'read' | 'save'>, now: number): Promise<void>;
  close(): Promise<void>;
}

const secret = (): string => randomBytes(32).toString('base64url');

export async function startDemo(config: Config, log: Logger): Promise<Demo> {
  if (config.env === 'production') throw new Error('demo mode is refused with NODE_ENV=production; set HubSpot credentials');
  // PORT=0 asks for any port, but the sandbox must know where to send webhooks before we listen.
  const port = config.port === 0 ? await freePort() : config.port;
  const publicBaseUrl = config.port === 0 && config.publicBaseUrl.endsWith(':0') ? `http://localhost:${port}` : config.publicBaseUrl;
  log.warn({ port }, 'DEMO MODE: no HubSpot credentials are set; starting the local HubSpot sandbox');
  const clientSecret = secret();
  const accessToken = `demo-${secret()}`;
  // A new demo portal id per run: the sandbox forgets everything on exit while ./data does not,
  // so a reused id would find its tasks already carded and show a newcomer nothing.
  const demoPortalId = 20_000_000 + randomInt(9_000_000);
  const sandbox = createSandbox({ app: { clientSecret }, accessToken, portalId: demoPortalId, webhookTarget: `${publicBaseUrl}/webhooks/hubspot`, log: log.child({ component: 'sandbox' }) });
  const running = await listenNear(sandbox, config.port === 0 ? 0 : port + 1);
  const portalId = String(sandbox.portalId);
  const demoConfig: Config = {
    ...config,
    port,
    publicBaseUrl,
    // The sandbox is also the OAuth authorize page, so "Sign in with HubSpot" on /settings works.
    hubspot: { ...config.hubspot, apiBaseUrl: running.url, oauthBaseUrl: running.url, clientId: sandbox.state.app.clientId, clientSecrets: [clientSecret], accessToken, portalId },
    // Generated per run, never defaults: a demo install stored with a previous run's key is
    // refused (and flagged), and the static demo token still covers the demo portal.
    tokenEncryptionKeys: config.tokenEncryptionKeys ?? [{ id: 'demo', key: randomBytes(32) }],
    sessionSecret: config.sessionSecret ?? secret(),
  };
  return {
    sandbox, url: running.url, config: demoConfig,
    async flow(settings, now) {
      const current = await settings.read(portalId);
      if (current.version === 0) {
        await settings.save(portalId, 0, DEMO_SETTINGS, { action: 'settings.update', target: 'demo', actor: { via: 'system' }, changes: [] }, now);
      }
      const replay = await fetch(`${running.url}/__sandbox/webhooks/replay-seed`, { method: 'POST' });
      const { events } = (await replay.json()) as { events: number };
      const banner = [
        '',
        '================================ UNROBOT DEMO MODE ================================',
        ` Open the demo portal in your browser:  ${running.url}/`,
        '   its contacts, each record\'s timeline, and a form to create a task: a generic one',
        '   ("Follow up now") gets an Unrobot card on the timeline within seconds.',
        ' No HubSpot credentials are set, so Unrobot runs against a local HubSpot SANDBOX.',
        ` Nothing leaves this machine. Sandbox: ${running.url} (demo portal ${portalId})`,
        ` ${events} seeded tasks were just sent as webhooks; their cards appear within seconds.`,
        `   Settings page:            ${publicBaseUrl}/settings`,
        `   Cards as JSON:            GET ${running.url}/__sandbox/notes`,
        `   Which tasks are robotic:  GET ${running.url}/__sandbox/ground-truth`,
        `   Create a task (API):      POST ${running.url}/__sandbox/tasks  {"subject":"Follow up","contactIds":[...]}`,
        ' Demo settings: quiet hours off, cooldown and daily budget opened up.',
        ' Set HUBSPOT_ACCESS_TOKEN + HUBSPOT_PORTAL_ID + HUBSPOT_CLIENT_SECRET (or OAuth) to use real HubSpot.',
        '====================================================================================',
        '',
      ].join('\n');
      process.stderr.write(`${banner}\n`);
      log.warn({ sandbox: running.url, portalId, events }, 'DEMO MODE: running against the local sandbox');
    },
    close: () => running.close(),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function listenNear(sandbox: Sandbox, port: number): Promise<RunningSandbox> {
  try {
    return await sandbox.listen(port, '127.0.0.1');
  } catch {
    return sandbox.listen(0, '127.0.0.1');
  }
}
