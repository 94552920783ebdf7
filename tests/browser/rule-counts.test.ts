/**
 * Issue 13 item 4 in a real Chromium: the rule list shows the new default rules with how many of
 * the portal's recent tasks each recognised, the pointer rule's words labelled as pointers; switching
 * pointer-follow-up off (unsaved) and previewing turns "Follow up on the proposal" from a card into
 * none, and the rule list then counts what that preview read.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { browserTest } from '../helpers/browser.ts';
import { NOW, storeTaskSubject } from '../integration/settings/harness.ts';
import { signInThroughSandbox, startSettingsStack, type SettingsStack } from './harness.ts';

let stack: SettingsStack;
beforeAll(async () => {
  stack = await startSettingsStack();
  // The newest task, so it is the first example card.
  await storeTaskSubject(stack.db, String(stack.portalId), '9119001', 'Follow up on the proposal', NOW - 60_000);
});
afterAll(async () => { await stack?.close(); });

browserTest(test)('when an admin switches off the pointer rule, then the preview shows "Follow up on the proposal" going from a card to none, and each rule shows its recent count', async () => {
  const { base } = stack;
  const { page, problems } = await stack.openPage();
  await signInThroughSandbox(page, `${base}/settings`);

  // Every new default rule is listed, switched on, with its count of the 5 stored tasks (the seeded 4 and ours).
  const counted = /^Recognised (none|\d+) of the 5 tasks stored from webhooks in the last 7 days\.$/;
  for (const id of ['pointer-follow-up', 'topicless-invitation', 'topicless-question', 'meeting-no-agenda', 'vague-work', 'template-slots']) {
    await expect([id, await page.locator(`#rule-${id}-enabled`).isChecked()]).toEqual([id, true]);
    await expect(page.locator(`#rule-${id}-count`).textContent()).resolves.toMatch(counted);
  }
  const pointer = page.locator('article[data-rule-id="pointer-follow-up"]');
  const pointerCount = counted.exec(await pointer.locator('.count').textContent() ?? '')?.[1] ?? '';
  expect(Number(pointerCount)).toBeGreaterThanOrEqual(1);
  // The pointer rule's words are pointer nouns, and say so.
  await expect(pointer.locator('summary').textContent()).resolves.toBe('Pointers and patterns');
  await pointer.locator('summary').click();
  await pointer.getByLabel('Add pointers (comma-separated)').fill('the MSA');
  await expect(page.locator('article[data-rule-id="follow-up"] summary').textContent()).resolves.toBe('Phrases and patterns');

  // Before: the task gets a card from the pointer rule.
  const preview = page.locator('#preview-result');
  const proposalCards = () => preview.locator('article.card', { hasText: 'Follow up on the proposal' }).count();
  await page.getByRole('button', { name: 'Run preview' }).click();
  await preview.locator('table').waitFor();
  expect(await proposalCards()).toBe(1);
  // The rule list counted what the preview matched (both read the stored tasks here).
  await expect(preview.locator('tr[data-rule-id="pointer-follow-up"] td').nth(1).textContent()).resolves.toBe(pointerCount);
  await expect(preview.locator('tr[data-rule-id="pointer-follow-up"] td').nth(2).textContent()).resolves.toBe(pointerCount);

  // Switched off (not saved): no card for it; the row keeps its match with 0 cards.
  await pointer.getByRole('checkbox', { name: 'On' }).uncheck();
  await page.getByRole('button', { name: 'Run preview' }).click();
  await preview.getByText(new RegExp(`Rule switched off ${pointerCount}`)).waitFor();
  expect(await proposalCards()).toBe(0);
  await expect(preview.locator('tr[data-rule-id="pointer-follow-up"] td').nth(2).textContent()).resolves.toBe('0');
  await expect(pointer.locator('.count').textContent()).resolves.toBe(`Off; would have recognised ${pointerCount} of the 5 tasks stored from webhooks in the last 7 days.`);
  // Updating the counts kept what the admin had not saved: the switch, and pointers typed but not added.
  await expect(page.locator('#rule-pointer-follow-up-enabled').isChecked()).resolves.toBe(false);
  await expect(pointer.getByLabel('Add pointers (comma-separated)').inputValue()).resolves.toBe('the MSA');
  expect(problems).toEqual([]);
}, 90_000);
