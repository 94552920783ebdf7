/** Starts a sandbox on an ephemeral loopback port and hands back an SDK client pointed at it. */
import { Client } from '@hubspot/api-client';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/create-sandbox.ts';

export interface Started {
  sandbox: Sandbox;
  url: string;
  client: Client;
  clientFor(accessToken: string): Client;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Started> {
  const sandbox = createSandbox({ accessToken: 'pat-na1-test-token', ...options });
  const running = await sandbox.listen();
  // Every client gets identical options: the SDK's decorators are a process-wide singleton.
  const clientFor = (accessToken: string): Client => new Client({ accessToken, basePath: running.url });
  return { sandbox, url: running.url, client: clientFor(sandbox.accessToken), clientFor, close: running.close };
}
