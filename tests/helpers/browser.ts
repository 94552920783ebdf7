/**
 * Debian's Chromium driven by playwright-core, for the few real-browser tests. The browser is
 * required in CI (`REQUIRE_BROWSER=1` or `CI=true`: a missing browser fails the test) and
 * optional locally (the test is skipped with a note).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BROWSER_REQUIRED = process.env.REQUIRE_BROWSER === '1' || process.env.CI === 'true';
export const BROWSER_AVAILABLE = existsSync(CHROMIUM_PATH);

/** Flags for a quiet, offline, headless run (no sandbox: containers lack user namespaces). */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** `test` when the browser can run (or must), `test.skip` when it is optional and missing. */
export function browserTest<T extends (name: string, fn: () => Promise<void>, timeout?: number) => void>(test: T & { skip: T }): T {
  if (BROWSER_AVAILABLE || BROWSER_REQUIRED) return test;
  process.stderr.write(`browser tests skipped: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH, or REQUIRE_BROWSER=1 to fail instead)\n`);
  return test.skip;
}

export interface Browser { context: BrowserContext; close(): Promise<void> }

/** A fresh profile in a temporary `--user-data-dir`, removed on close. */
export async function launchBrowser(): Promise<Browser> {
  if (!BROWSER_AVAILABLE) throw new Error(`Chromium is required here but missing at ${CHROMIUM_PATH}; install it or set CHROMIUM_PATH`);
  const profile = await mkdtemp(join(tmpdir(), 'unrobot-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 },
  });
  return { context, close: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); } };
}
