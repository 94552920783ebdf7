import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runProvision } from '../../../scripts/provision.ts';
import { TIMELINE_EVENT_TEMPLATE } from '../../../src/cards/render-timeline.ts';
import { startHubSpotSandbox, type Started } from './hubspot-sandbox.ts';

let s: Started;
beforeAll(async () => { s = await startHubSpotSandbox(); });
afterAll(async () => { await s.close(); });

const run = async (args: string[]) => {
  const lines: string[] = [];
  const code = await runProvision(args, (text) => lines.push(text));
  return { code, out: lines.join('') };
};

describe('npm run provision against the sandbox', () => {
  it('when run twice with the developer key, then one template with every renderer token exists and both runs print its id', async () => {
    const { appId, developerApiKey } = s.sandbox.state.app;
    const args = ['--developer-api-key', developerApiKey, '--app-id', String(appId), '--base-url', s.url];
    const first = await run(args);
    const second = await run(args);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^created timeline event template \d+/);
    const id = /template (\d+)/.exec(first.out)?.[1];
    expect(second.out).toContain(`found existing timeline event template ${id}`);
    const template = s.sandbox.state.templates.get(id!);
    expect(template?.tokens.map((t) => t.name)).toEqual(TIMELINE_EVENT_TEMPLATE.tokens.map((t) => t.name));
    expect(template?.objectType).toBe('contacts');
  });

  it('when the developer key is wrong, then it exits 1 without echoing the key', async () => {
    const { appId } = s.sandbox.state.app;
    const result = await run(['--developer-api-key', 'wrong-key-1234567890', '--app-id', String(appId), '--base-url', s.url]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('provisioning failed');
    expect(result.out).not.toContain('wrong-key-1234567890');
  });

  it('when arguments are missing, then it prints the usage and exits 2', async () => {
    expect(await run(['--app-id', '1'])).toMatchObject({ code: 2, out: expect.stringContaining('usage:') });
    expect(await run(['--bogus'])).toMatchObject({ code: 2 });
  });
});
