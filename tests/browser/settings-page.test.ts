/**
 * The settings page in a real Chromium: sign in through the sandbox's OAuth, switch a rule off,
 * see an invalid pattern refused, preview the unsaved change, save, see the audit entry, and a
 * screenshot with the page's main regions. The service and the sandbox run on loopback.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import express from 'express';
import helmet from 'helmet';
import { createFixedClock } from '../../src/clock.ts';
import { createOAuthClient } from '../../src/hubspot/oauth-tokens.ts';
import { createTokenCipher } from '../../src/hubspot/token-cipher.ts';
import { createLogger } from '../../src/logger.ts';
import { createOAuthRouter } from '../../src/oauth/oauth-routes.ts';
import { createSandbox, DEFAULT_APP } from '../../src/sandbox/create-sandbox.ts';
import { createSettingsService } from '../../src/settings/create-settings-service.ts';
import { applyMigrations } from '../../src/store/migrations.ts';
import { createSqlOAuthStateStore } from '../../src/store/oauth-state-store.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import type { SqlDatabase } from '../../src/store/sql-database.ts';
import { createSqlInstallStore } from '../../src/store/sql-install-store.ts';
import { browserTest, launchBrowser, type Browser } from '../helpers/browser.ts';
import { NOW, seedPortal } from '../integration/settings/harness.ts';

/** Where the screenshot goes, to look at after a run (CI can upload it as an artifact). */
const SCREENSHOT_DIR = `${process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'unrobot-browser')}/`;

let server: Server;
let db: SqlDatabase;
let closeSandbox: () => Promise<void>;
let base: string;
let portalId: number;
let browser: Browser | undefined;

beforeAll(async () => {
  const clock = createFixedClock(NOW);
  const log = createLogger({ level: 'silent' });
  const sandbox = createSandbox({ clock, rateLimits: false });
  const running = await sandbox.listen();
  closeSandbox = running.close;
  portalId = sandbox.portalId;
  db = await createPgliteDatabase('memory://');
  await applyMigrations(db);
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
  const settings = createSettingsService({ db, clock, log, config: { publicBaseUrl: base, demo: true, hubspot: { clientSecrets: [DEFAULT_APP.clientSecret] } } });
  const oauthClient = createOAuthClient({ apiBaseUrl: running.url, clientId: DEFAULT_APP.clientId, clientSecret: DEFAULT_APP.clientSecret });
  const app = express();
  app.use(helmet());
  app.use(createOAuthRouter({
    config: { publicBaseUrl: base, hubspot: { clientId: DEFAULT_APP.clientId, oauthBaseUrl: running.url } },
    states: createSqlOAuthStateStore(db), installs: createSqlInstallStore(db), cipher: createTokenCipher([{ id: 'k1', key: randomBytes(32) }]),
    oauthClient, clock, log, onLogin: settings.onLogin,
  }));
  app.use(settings.router);
  server.on('request', app);
  await seedPortal(db, String(portalId), 'demo');
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await closeSandbox?.();
  await db?.close();
});

browserTest(test)('when an admin signs in through the sandbox OAuth and switches off the rule behind a card, then the preview, the save and the audit log show it', async () => {
  browser = await launchBrowser();
  const page = await browser.context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text()); });
  page.on('pageerror', (error) => { cspViolations.push(`page error: ${error.message}`); });

  await page.goto(`${base}/settings`);
  await page.getByRole('link', { name: 'Sign in with HubSpot' }).click();
  await page.waitForURL(`${base}/settings`);
  await page.locator('body[data-ready="true"]').waitFor();
  await expect(page.locator('#who').textContent()).resolves.toContain(`Portal ${portalId}`);

  // Find the rule a "Follow up" card names, and switch it off (not saved yet).
  await page.getByLabel('Find a rule by name, description or phrase').fill('follow up');
  const rule = page.locator('article[data-rule-id="follow-up"]');
  await rule.getByRole('checkbox', { name: 'On' }).uncheck();

  // An unsupported pattern is refused with an explanation under the rule.
  await rule.locator('summary').click();
  await rule.getByLabel('Patterns (one per line)').fill('^(?!renewal).*follow up');
  await rule.getByRole('button', { name: /^Save/ }).click();
  await expect(rule.locator('.errors li').first().textContent()).resolves.toMatch(/Pattern 1: Lookahead and lookbehind .* are not supported/);
  await rule.getByLabel('Patterns (one per line)').fill('');

  // Preview the unsaved change: the follow-up task now counts as skipped because its rule is off.
  await page.getByRole('button', { name: 'Run preview' }).click();
  const preview = page.locator('#preview-result');
  await preview.locator('table').waitFor();
  await expect(preview.textContent()).resolves.toContain('Rule switched off 1');
  await expect(preview.locator('tr', { hasText: 'Generic follow-up' }).locator('td').nth(2).textContent()).resolves.toBe('0');

  // Save, then the audit log names the change.
  await rule.getByRole('button', { name: /^Save/ }).click();
  await page.locator('#audit-list > li', { hasText: 'rule.disabled' }).waitFor();
  await expect(page.locator('#audit-list > li').first().textContent()).resolves.toContain('rule:follow-up');

  // Hostile text (RELIABILITY.md rows 32-33) saved as a phrase is shown as text, isolated, never run.
  const hostile = '"><img src=x onerror="document.body.dataset.xss=1"> \u202Eevil';
  const status = await page.evaluate(async (phrase) => {
    const me = await (await fetch('/api/v1/me')).json() as { csrfToken: string };
    const response = await fetch('/api/v1/rules/check-in', { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ phrases: { en: { add: [phrase] } } }) });
    return response.status;
  }, hostile);
  expect(status).toBe(200);
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  // Keyboard: the first Tab reaches the skip link.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus').textContent()).resolves.toBe('Skip to the settings');
  await page.getByLabel('Find a rule by name, description or phrase').fill('');
  await expect(page.locator('article[data-rule-id="check-in"] .phrases bdi').first().textContent()).resolves.toContain(hostile.trim());
  await expect(page.locator('#rules img').count()).resolves.toBe(0);
  await expect(page.locator('body').getAttribute('data-xss')).resolves.toBeNull();


  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const screenshot = await page.screenshot({ path: `${SCREENSHOT_DIR}settings-page.png`, fullPage: true });
  expect(screenshot.length).toBeGreaterThan(10_000);
  for (const region of ['header.top', 'nav', '#rules', '#settings', '#preview', '#analytics', '#audit']) {
    const box = await page.locator(region).boundingBox();
    expect(box && box.width > 200 && box.height > 20).toBe(true);
  }
  await expect(page.locator('#analytics svg').count()).resolves.toBe(3);
  expect(cspViolations).toEqual([]);
}, 90_000);
