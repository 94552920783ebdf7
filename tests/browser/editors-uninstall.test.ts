/**
 * The settings page's Editors and Uninstall sections in a real Chromium: the installer signs in
 * through the sandbox's OAuth and adds an editor with the keyboard; a user who is not an editor
 * sees the page read-only with who can grant editing; the installer uninstalls by typing the
 * portal id, HubSpot (the sandbox) gets the app-initiated uninstall, and no row of the portal
 * remains. The service and the sandbox run on loopback.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { UNINSTALL_DELETES } from '../../src/settings/page-model.ts';
import { SESSION_COOKIE } from '../../src/settings/sessions.ts';
import { PURGED_TENANT_TABLES } from '../../src/store/tenant-tables.ts';
import { browserTest } from '../helpers/browser.ts';
import { signInThroughSandbox, startSettingsStack, waitUntilReady, type SettingsStack } from './harness.ts';

let stack: SettingsStack;
beforeAll(async () => { stack = await startSettingsStack(); });
afterAll(async () => { await stack?.close(); });

async function rowsLeft(): Promise<string[]> {
  const left: string[] = [];
  for (const table of PURGED_TENANT_TABLES) {
    const [row] = await stack.db.query<{ n: number }>(`select count(*)::int as n from ${table} where portal_id = $1`, [String(stack.portalId)]);
    if ((row?.n ?? 0) > 0) left.push(`${table} ${row?.n}`);
  }
  return left;
}

browserTest(test)('when the installer adds an editor, a reader sees who can grant editing, and the installer uninstalls by typing the portal id, then the portal is gone', async () => {
  const { base, portalId, sandboxUrl, settings } = stack;
  const { browser, page, problems } = await stack.openPage();

  await signInThroughSandbox(page, `${base}/settings`);
  await expect(page.locator('#who').textContent()).resolves.toContain('editor');
  await expect(page.locator('#editor-list tr').count()).resolves.toBe(1);
  await expect(page.locator('#read-only').isHidden()).resolves.toBe(true);
  // The uninstall section lists what is deleted, in the words the extension shows too (page-model.ts).
  const uninstallText = await page.locator('#uninstall').textContent();
  for (const item of UNINSTALL_DELETES) expect([item, uninstallText?.includes(item)]).toEqual([item, true]);

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
  await waitUntilReady(page);
  await expect(page.locator('#who').textContent()).resolves.toContain('read only');
  await expect(page.locator('#read-only').textContent()).resolves.toMatch(/not change them\. Editing can be granted by: .*colleague@client\.example/);
  for (const control of ['#settings-form button[type="submit"]', '#preview-form button', '#editor-form button', '#uninstall-form button', 'article[data-rule-id="follow-up"] input[type="checkbox"]']) {
    await expect([control, await page.locator(control).isDisabled()]).toEqual([control, true]);
  }

  // Back as the installer: uninstall, with a wrong confirmation first, all by keyboard.
  if (installerCookie) await browser.context.addCookies([installerCookie]);
  await page.reload();
  await waitUntilReady(page);
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
  expect(problems).toEqual([]);
}, 90_000);
