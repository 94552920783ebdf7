/**
 * The settings page's Editors and Uninstall sections in a real Chromium: the installer signs in
 * through the sandbox's OAuth and adds an editor with the keyboard; a user who is not an editor
 * sees the page read-only with who can grant editing; the installer uninstalls by typing the
 * portal id, HubSpot (the sandbox) gets the app-initiated uninstall, and no row of the portal
 * remains. The service and the sandbox run on loopback.
 */
import { randomBytes } from 'node:crypto';
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
import { createOAuthTokenProvider } from '../../src/oauth/oauth-token-provider.ts';
import { purgePortal } from '../../src/oauth/purge-portal.ts';
import { createSandbox, DEFAULT_APP } from '../../src/sandbox/create-sandbox.ts';
import { createSettingsService, type SettingsService } from '../../src/settings/create-settings-service.ts';
import { SESSION_COOKIE } from '../../src/settings/sessions.ts';
import { createAppUninstall, createPortalUninstaller } from '../../src/settings/uninstall.ts';
import { applyMigrations } from '../../src/store/migrations.ts';
import { createSqlOAuthStateStore } from '../../src/store/oauth-state-store.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import type { SqlDatabase } from '../../src/store/sql-database.ts';
import { createSqlInstallStore } from '../../src/store/sql-install-store.ts';
import { PURGED_TENANT_TABLES } from '../../src/store/tenant-tables.ts';
import { browserTest, launchBrowser, type Browser } from '../helpers/browser.ts';
import { NOW, seedPortal } from '../integration/settings/harness.ts';

let server: Server;
let db: SqlDatabase;
let sandboxUrl: string;
let closeSandbox: () => Promise<void>;
let base: string;
let portalId: number;
let settings: SettingsService;
let browser: Browser | undefined;

beforeAll(async () => {
  const clock = createFixedClock(NOW);
  const log = createLogger({ level: 'silent' });
  const sandbox = createSandbox({ clock, rateLimits: false });
  const running = await sandbox.listen();
  sandboxUrl = running.url;
  closeSandbox = running.close;
  portalId = sandbox.portalId;
  db = await createPgliteDatabase('memory://');
  await applyMigrations(db);
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
  const installs = createSqlInstallStore(db);
  const cipher = createTokenCipher([{ id: 'k1', key: randomBytes(32) }]);
  const oauthClient = createOAuthClient({ apiBaseUrl: running.url, clientId: DEFAULT_APP.clientId, clientSecret: DEFAULT_APP.clientSecret });
  const tokens = createOAuthTokenProvider({ installs, cipher, oauthClient, clock, log });
  const uninstaller = createPortalUninstaller({
    appUninstall: createAppUninstall({ apiBaseUrl: running.url, tokens }),
    purge: (id) => purgePortal({ installs, tokens, clock, log }, id),
  });
  settings = createSettingsService({ db, clock, log, uninstaller, config: { publicBaseUrl: base, demo: true, hubspot: { clientSecrets: [DEFAULT_APP.clientSecret] } } });
  const app = express();
  app.use(helmet());
  app.use(createOAuthRouter({
    config: { publicBaseUrl: base, hubspot: { clientId: DEFAULT_APP.clientId, oauthBaseUrl: running.url } },
    states: createSqlOAuthStateStore(db), installs, cipher, oauthClient, clock, log, onLogin: settings.onLogin,
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

async function rowsLeft(): Promise<string[]> {
  const left: string[] = [];
  for (const table of PURGED_TENANT_TABLES) {
    const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${table} where portal_id = $1`, [String(portalId)]);
    if ((row?.n ?? 0) > 0) left.push(`${table} ${row?.n}`);
  }
  return left;
}

browserTest(test)('when the installer adds an editor, a reader sees who can grant editing, and the installer uninstalls by typing the portal id, then the portal is gone', async () => {
  browser = await launchBrowser();
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text()); });
  page.on('pageerror', (error) => { pageErrors.push(`page error: ${error.message}`); });

  await page.goto(`${base}/settings`);
  await page.getByRole('link', { name: 'Sign in with HubSpot' }).click();
  await page.waitForURL(`${base}/settings`);
  await page.locator('body[data-ready="true"]').waitFor();
  await expect(page.locator('#who').textContent()).resolves.toContain('editor');
  await expect(page.locator('#editor-list tr').count()).resolves.toBe(1);
  await expect(page.locator('#read-only').isHidden()).resolves.toBe(true);

  // Add an editor with the keyboard: type the email, Enter submits the form.
  await page.getByRole('textbox', { name: 'Email', exact: true }).focus();
  await page.keyboard.type('colleague@client.example');
  await page.keyboard.press('Enter');
  await page.locator('#editor-list tr', { hasText: 'colleague@client.example' }).waitFor();
  await page.locator('#audit-list > li', { hasText: 'admins.updated' }).waitFor();
  const installerCookie = (await browser.context.cookies(base)).find((cookie) => cookie.name === SESSION_COOKIE);
  expect(installerCookie).toBeDefined();

  // A user of the portal who is not an editor: read-only, told who can grant editing.
  const readerId = await settings.sessions.create({ portalId: String(portalId), userId: '70000001', email: 'reader@client.example' });
  if (installerCookie) await browser.context.addCookies([{ ...installerCookie, value: readerId }]);
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  await expect(page.locator('#who').textContent()).resolves.toContain('read only');
  await expect(page.locator('#read-only').textContent()).resolves.toMatch(/not change them\. Editing can be granted by: .*colleague@client\.example/);
  for (const control of ['#settings-form button[type="submit"]', '#preview-form button', '#editor-form button', '#uninstall-form button', 'article[data-rule-id="follow-up"] input[type="checkbox"]']) {
    await expect([control, await page.locator(control).isDisabled()]).toEqual([control, true]);
  }

  // Back as the installer: uninstall, with a wrong confirmation first, all by keyboard.
  if (installerCookie) await browser.context.addCookies([installerCookie]);
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByLabel(/Type this portal's id/).focus();
  await page.keyboard.type('12345');
  await page.keyboard.press('Enter');
  await expect(page.locator('#uninstall-errors li').textContent()).resolves.toContain(`Type ${portalId}`);
  await expect(rowsLeft()).resolves.not.toEqual([]);
  await page.getByLabel(/Type this portal's id/).fill('');
  await page.keyboard.type(String(portalId));
  await page.keyboard.press('Enter');
  await page.locator('#uninstalled').waitFor();
  await expect(page.locator(':focus').textContent()).resolves.toContain('Unrobot was uninstalled');

  expect(await rowsLeft()).toEqual([]);
  const log = await (await fetch(`${sandboxUrl}/__sandbox/requests`)).json() as { log: Array<{ method: string; path: string; status: number }> };
  expect(log.log.filter((entry) => entry.path === '/appinstalls/v3/external-install').map((entry) => `${entry.method} ${entry.status}`)).toEqual(['DELETE 204']);
  await page.goto(`${base}/settings`);
  await page.getByRole('link', { name: 'Sign in with HubSpot' }).waitFor();
  expect(pageErrors).toEqual([]);
}, 90_000);
