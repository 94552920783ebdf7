/**
 * The settings page in a real Chromium: sign in through the sandbox's OAuth, switch a rule off,
 * see an invalid pattern refused, preview the unsaved change, save, see the audit entry, and a
 * screenshot with the page's main regions. The service and the sandbox run on loopback.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { browserTest } from '../helpers/browser.ts';
import { signInThroughSandbox, startSettingsStack, waitUntilReady, type SettingsStack } from './harness.ts';

/** Where the screenshot goes, to look at after a run (CI can upload it as an artifact). */
const SCREENSHOT_DIR = `${process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'unrobot-browser')}/`;

let stack: SettingsStack;
beforeAll(async () => { stack = await startSettingsStack(); });
afterAll(async () => { await stack?.close(); });

browserTest(test)('when an admin signs in through the sandbox OAuth and switches off the rule behind a card, then the preview, the save and the audit log show it', async () => {
  const { base, portalId } = stack;
  const { page, problems } = await stack.openPage();

  await signInThroughSandbox(page, `${base}/settings`);
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
  await waitUntilReady(page);
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
  expect(problems).toEqual([]);
}, 90_000);
