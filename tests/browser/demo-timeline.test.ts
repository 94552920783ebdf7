/**
 * Issue 16 as a rep meets it, in a real Chromium: the sandbox's contacts index, a contact's
 * record, a task created through the record's form, and the card appearing on the timeline
 * without a reload. The whole product runs in this process (`startStack`: the sandbox seeded but
 * not replayed, so the only cards are the ones this test causes) and the page is watched for
 * CSP violations and script errors throughout.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Page } from 'playwright-core';
import { recordsOf } from '../../src/sandbox/portal.ts';
import { startStack, type Stack } from '../e2e/stack.ts';
import { browserTest, launchBrowser, type Browser } from '../helpers/browser.ts';
import { eventually } from '../helpers/eventually.ts';
import { openWatchedPage } from './harness.ts';

let stack: Stack;
let browser: Browser | undefined;

beforeAll(async () => { stack = await startStack({ sandbox: { seed: true } }); });
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const cards = (page: Page) => page.locator('#timeline article[data-card="true"]');

/** Waits until the worker has decided on `taskId` (a card row or a skip row). */
async function decided(taskId: string): Promise<void> {
  await eventually(async () => {
    const [card] = await stack.db.query<{ n: number }>('select count(*)::int as n from cards where task_id = $1', [taskId]);
    const [skip] = await stack.db.query<{ n: number }>('select count(*)::int as n from card_skips where task_id = $1', [taskId]);
    return (card?.n ?? 0) + (skip?.n ?? 0);
  }, (n) => n > 0, 20_000);
}

async function createTask(page: Page, subject: string): Promise<string> {
  const before = new Set([...recordsOf(stack.sandbox.state.portal(), 'tasks').keys()]);
  await page.getByLabel(/^New task for/).fill(subject);
  await page.getByRole('button', { name: 'Create task' }).click();
  await page.locator('form.new-task .status', { hasText: 'Task created' }).waitFor();
  const created = [...recordsOf(stack.sandbox.state.portal(), 'tasks').keys()].filter((id) => !before.has(id));
  expect(created).toHaveLength(1);
  return created[0] as string;
}

browserTest(test)('when a rep opens a contact from the sandbox root and creates "Follow up now", then exactly one card with its questions and the "why this card" line appears on the timeline without a reload; a specific task adds none; markup in a subject shows as text; the card\'s feedback link works', async () => {
  const contact = [...recordsOf(stack.sandbox.state.portal(), 'contacts').values()].find((c) => c.properties.hs_language === 'en');
  if (contact === undefined) throw new Error('the seed has no English-speaking contact');
  const name = `${contact.properties.firstname} ${contact.properties.lastname}`;

  browser = await launchBrowser();
  const { page, problems } = await openWatchedPage(browser);
  await page.goto(`${stack.sandboxUrl}/`);
  expect(await page.locator('h1').textContent()).toContain('Contacts');
  expect(await page.locator('table.contacts tbody tr').count()).toBe(60);
  await page.getByRole('link', { name, exact: true }).click();
  await page.waitForURL(`**/record/0-1/${contact.id}`);
  expect(await page.locator('.about h1').textContent()).toBe(name);
  expect(await cards(page).count()).toBe(0);
  let navigations = 0;
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations += 1; });

  const robotic = await createTask(page, 'Follow up now');
  await cards(page).first().waitFor({ timeout: 20_000 });
  await decided(robotic);
  await page.waitForTimeout(3_000); // two more polls: a second card would have shown by now
  expect(await cards(page).count()).toBe(1);
  const card = cards(page).first();
  expect(await card.locator('li').count()).toBeGreaterThanOrEqual(2);
  expect(await card.textContent()).toContain('Why this card');
  expect(await card.getByRole('link', { name: 'Helpful', exact: true }).isVisible()).toBe(true);
  // The card sits just above the task it answers, and the task's own entry is on the timeline too.
  expect(await page.locator('#timeline article[data-kind="tasks"] .task-subject').first().textContent()).toBe('Follow up now');

  const specific = await createTask(page, `Send ${contact.properties.firstname} the revised SOW with the phased rollout`);
  await decided(specific);
  await page.waitForTimeout(3_000);
  expect(await page.locator(`#timeline article[data-id="${specific}"]`).count()).toBe(1);
  expect(await cards(page).count()).toBe(1);

  const markup = '<img src=x onerror="document.title=\'owned\'"><b>Quarterly</b> {{headline}} report for *Acme*';
  const marked = await createTask(page, markup);
  const entry = page.locator(`#timeline article[data-id="${marked}"]`);
  await entry.waitFor({ timeout: 10_000 });
  expect(await entry.locator('.task-subject').textContent()).toBe(markup);
  expect(await entry.locator('img, b').count()).toBe(0);
  expect(navigations).toBe(0); // the form posted and the card arrived without a reload
  expect(await page.title()).not.toBe('owned');

  // Back on the index, the contact with the newest card comes first, with its one card.
  await page.getByRole('link', { name: 'Contacts', exact: true }).click();
  await page.waitForURL(`${stack.sandboxUrl}/`);
  const first = page.locator('table.contacts tbody tr').first();
  expect(await first.locator('a').textContent()).toBe(name);
  expect(await first.locator('td.num').nth(1).textContent()).toBe('1');
  await page.goBack();
  await card.getByRole('link', { name: 'Helpful', exact: true }).click();
  await page.waitForURL(`${stack.serviceUrl}/feedback/**`);
  expect(await page.locator('body').textContent()).toContain('Thanks');
  expect(await stack.db.query('select action from card_feedback')).toEqual([{ action: 'helpful' }]);
  expect(problems).toEqual([]);
}, 90_000);
