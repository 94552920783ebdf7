/**
 * What the settings browser tests share: the sandbox and the service (OAuth routes + settings
 * page and API, with HubSpot's app uninstall and the purge) on loopback over a fresh PGlite with
 * a fixed clock, the demo portal seeded, and a Chromium to drive them; and the page steps every
 * test takes — watching for CSP violations and page errors, and signing in through the sandbox's OAuth.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import helmet from 'helmet';
import type { Page } from 'playwright-core';
import { createFixedClock } from '../../src/clock.ts';
import { createOAuthClient } from '../../src/hubspot/oauth-tokens.ts';
import { createTokenCipher } from '../../src/hubspot/token-cipher.ts';
import { createLogger } from '../../src/logger.ts';
import { createOAuthRouter } from '../../src/oauth/oauth-routes.ts';
import { createOAuthTokenProvider } from '../../src/oauth/oauth-token-provider.ts';
import { purgePortal } from '../../src/oauth/purge-portal.ts';
import { createSandbox, DEFAULT_APP } from '../../src/sandbox/create-sandbox.ts';
import { createSettingsService, type SettingsService } from '../../src/settings/create-settings-service.ts';
import { createAppUninstall, createPortalUninstaller } from '../../src/settings/uninstall.ts';
import { applyMigrations } from '../../src/store/migrations.ts';
import { createSqlOAuthStateStore } from '../../src/store/oauth-state-store.ts';
import { openPgliteMemory } from '../helpers/pglite-template.ts';
import type { SqlDatabase } from '../../src/store/sql-database.ts';
import { createSqlInstallStore } from '../../src/store/sql-install-store.ts';
import { launchBrowser, type Browser } from '../helpers/browser.ts';
import { NOW, seedPortal } from '../integration/settings/harness.ts';

export interface SettingsStack {
  /** The service's public base URL (`http://localhost:<port>`); the page is at `${base}/settings`. */
  base: string;
  sandboxUrl: string;
  /** The sandbox's demo portal, seeded with pipeline rows. */
  portalId: number;
  db: SqlDatabase;
  settings: SettingsService;
  /** Launches Chromium (called inside the test, so a skipped browser test launches nothing) and opens a watched page. */
  openPage(): Promise<WatchedPage & { browser: Browser }>;
  /** Closes Chromium if it was launched, then the service, the sandbox and the database. */
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  /** CSP violations reported on the console, and uncaught page errors. */
  problems: string[];
}

/**
 * Starts the sandbox, then the service on a free loopback port wired to it, and seeds the portal.
 * Chromium starts on `openPage()`.
 */
export async function startSettingsStack(): Promise<SettingsStack> {
  const clock = createFixedClock(NOW);
  const log = createLogger({ level: 'silent' });
  const sandbox = createSandbox({ clock, rateLimits: false });
  const running = await sandbox.listen();
  const db = await openPgliteMemory();
  await applyMigrations(db);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  const installs = createSqlInstallStore(db);
  const cipher = createTokenCipher([{ id: 'k1', key: randomBytes(32) }]);
  const oauthClient = createOAuthClient({ apiBaseUrl: running.url, clientId: DEFAULT_APP.clientId, clientSecret: DEFAULT_APP.clientSecret });
  const tokens = createOAuthTokenProvider({ installs, cipher, oauthClient, clock, log });
  const uninstaller = createPortalUninstaller({
    appUninstall: createAppUninstall({ apiBaseUrl: running.url, tokens }),
    purge: (id) => purgePortal({ installs, tokens, clock, log }, id),
  });
  const settings = createSettingsService({ db, clock, log, uninstaller, config: { publicBaseUrl: base, demo: true, hubspot: { clientSecrets: [DEFAULT_APP.clientSecret] } } });
  const app = express();
  app.use(helmet());
  app.use(createOAuthRouter({
    config: { publicBaseUrl: base, hubspot: { clientId: DEFAULT_APP.clientId, oauthBaseUrl: running.url } },
    states: createSqlOAuthStateStore(db), installs, cipher, oauthClient, clock, log, onLogin: settings.onLogin,
  }));
  app.use(settings.router);
  server.on('request', app);
  await seedPortal(db, String(sandbox.portalId), 'demo');
  let browser: Browser | undefined;
  return {
    base, sandboxUrl: running.url, portalId: sandbox.portalId, db, settings,
    openPage: async () => {
      browser ??= await launchBrowser();
      return { browser, ...await openWatchedPage(browser) };
    },
    close: async () => {
      await browser?.close();
      await new Promise((resolve) => server.close(resolve));
      await running.close();
      await db.close();
    },
  };
}

/** A new page whose CSP violations (console) and uncaught errors are collected in `problems`. */
export async function openWatchedPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) problems.push(message.text()); });
  page.on('pageerror', (error) => { problems.push(`page error: ${error.message}`); });
  return { page, problems };
}

/** Waits until the settings page has loaded its data (it marks `body[data-ready]`). */
export async function waitUntilReady(page: Page): Promise<void> {
  await page.locator('body[data-ready="true"]').waitFor();
}

/**
 * Opens `url` signed out, follows "Sign in with HubSpot" through the sandbox's OAuth consent,
 * and waits to be back at `url` with the page ready.
 */
export async function signInThroughSandbox(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('link', { name: 'Sign in with HubSpot' }).click();
  await page.waitForURL(url);
  await waitUntilReady(page);
}
