/**
 * Issue 7's "done when", as a newcomer meets it: start Unrobot with an empty environment (demo
 * mode: the sandbox and the service in one child process), wait for a card in the sandbox's
 * notes, follow the card's own "Manage rules" link in a real Chromium (sign-in through the
 * sandbox's OAuth on the way), see the rule focused, switch it off, preview the effect (that
 * rule's cards drop to 0), save, and see the audit entry. Screenshots are kept to look at.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { browserTest, launchBrowser, type Browser } from '../helpers/browser.ts';
import { captureChildOutput } from '../helpers/test-logger.ts';
import { openWatchedPage, signInThroughSandbox } from './harness.ts';

const MAIN = new URL('../../src/main.ts', import.meta.url).pathname;
const SCREENSHOT_DIR = `${process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'unrobot-browser')}/`;

let child: ChildProcess | undefined;
let exited: Promise<unknown> | undefined;
let cwd: string | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  child?.kill('SIGTERM');
  await exited;
  if (cwd !== undefined) rmSync(cwd, { recursive: true, force: true });
});

/** Starts `node src/main.ts` with nothing but PATH and PORT=0; resolves the banner's URLs. */
async function startDemo(): Promise<{ sandboxUrl: string; settingsUrl: string }> {
  cwd = mkdtempSync(join(tmpdir(), 'unrobot-demo-browser-'));
  const started = spawn(process.execPath, [MAIN], { cwd, env: { PATH: process.env.PATH ?? '', PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child = started;
  exited = new Promise((resolve) => started.once('exit', resolve));
  started.stdout?.on('data', (chunk: Buffer) => captureChildOutput('demo-browser', chunk));
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no demo banner within 30 s: ${err}`)), 30_000);
    started.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      captureChildOutput('demo-browser', chunk);
      const match = /UNROBOT DEMO MODE[\s\S]*Settings page: +(http:\/\/\S+\/settings)[\s\S]*GET (http:\/\/127\.0\.0\.1:\d+)\/__sandbox\/notes/.exec(err);
      if (match?.[1] && match[2]) { clearTimeout(timer); resolve({ sandboxUrl: match[2], settingsUrl: match[1] }); }
    });
  });
}

/** The first delivered note that names its rule, with the rule's link and name read from its HTML. */
async function firstCardWithRule(sandboxUrl: string): Promise<{ body: string; link: string; ruleName: string }> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { results } = await fetch(`${sandboxUrl}/__sandbox/notes`).then((res) => res.json() as Promise<{ results: { body: string }[] }>, () => ({ results: [] }));
    for (const { body } of results) {
      const link = /<a href="([^"]+\/settings#rule-[a-z0-9-]+)"[^>]*>Manage rules<\/a>/.exec(body)?.[1];
      const ruleName = /Recognised by the rule “([^”]+)”/.exec(body)?.[1];
      if (link !== undefined && ruleName !== undefined) return { body, link: link.replaceAll('&amp;', '&'), ruleName: ruleName.replaceAll('&amp;', '&') };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('no card naming its rule within 30 s');
}

browserTest(test)('when a newcomer follows a demo card\'s "Manage rules" link, then they sign in, land on that rule, switch it off, preview its cards dropping to 0, save, and see the audit entry', async () => {
  const { sandboxUrl, settingsUrl } = await startDemo();
  const card = await firstCardWithRule(sandboxUrl);
  const ruleId = /#rule-([a-z0-9-]+)$/.exec(card.link)?.[1] as string;
  expect(card.link).toBe(`${settingsUrl}#rule-${ruleId}`);

  browser = await launchBrowser();
  const { page, problems } = await openWatchedPage(browser);

  // The link from the card, as a person would open it: not signed in yet.
  await signInThroughSandbox(page, card.link);

  // The page opened at the rule: focused (not only coloured), marked in words, in view.
  const rule = page.locator(`article[data-rule-id="${ruleId}"]`);
  await expect(page.locator(':focus').getAttribute('id')).resolves.toBe(`rule-${ruleId}`);
  await expect(rule.getAttribute('aria-current')).resolves.toBe('true');
  await expect(rule.locator('.target-note').textContent()).resolves.toContain('The rule named on your card');
  await expect(rule.locator('h3').textContent()).resolves.toBe(card.ruleName);
  await expect(page.locator('#status').textContent()).resolves.toBe(`Showing the rule “${card.ruleName}”, named on your card.`);
  const box = await rule.boundingBox();
  expect(box !== null && box.y >= 0 && box.y < 900).toBe(true);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}demo-rule-focused.png` });

  // Preview before: the rule produces cards from the demo portal's tasks, read from HubSpot (the sandbox).
  const preview = page.locator('#preview-result');
  const cardsOfRule = async () => Number(await preview.locator('tbody tr', { has: page.locator('bdi', { hasText: card.ruleName }) }).first().locator('td').nth(2).textContent());
  await page.getByRole('button', { name: 'Run preview' }).click();
  await preview.locator('table').waitFor();
  await expect(preview.locator('#preview-source').textContent()).resolves.toMatch(/^Source: HubSpot\. Read \d+ tasks/);
  expect(await cardsOfRule()).toBeGreaterThan(0);

  // Switch it off (not saved yet) and preview again: its count drops to 0.
  await rule.getByRole('checkbox', { name: 'On' }).uncheck();
  await page.getByRole('button', { name: 'Run preview' }).click();
  await preview.getByText(/Rule switched off \d+/).waitFor();
  expect(await cardsOfRule()).toBe(0);

  // Save, and the audit log names the change.
  await rule.getByRole('button', { name: /^Save/ }).click();
  await page.locator('#audit-list > li', { hasText: 'rule.disabled' }).waitFor();
  await expect(page.locator('#audit-list > li', { hasText: 'rule.disabled' }).first().textContent()).resolves.toContain(`rule:${ruleId}`);
  await expect(page.locator(`#rule-${ruleId}-enabled`).isChecked()).resolves.toBe(false);
  await page.locator('#preview').screenshot({ path: `${SCREENSHOT_DIR}demo-rule-preview.png` });
  await page.locator('#audit').screenshot({ path: `${SCREENSHOT_DIR}demo-rule-audit.png` });
  expect(problems).toEqual([]);
}, 120_000);
