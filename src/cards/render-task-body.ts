/**
 * The card as plain text, for appending to the task's own body (`hs_task_body`). HubSpot stores
 * that property as rich text, so the delivery adapter must HTML-escape this before writing it.
 */
import type { Card } from './card.ts';
import { BANKS } from '../questions/locale.ts';
import { safeUrl } from './escape.ts';
import { ruleLine } from './rule-line.ts';

/** Keeps the text on its own lines: no control characters from CRM values. */
function line(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
}

export function renderTaskBodyAppendix(card: Card): string {
  const ui = BANKS[card.locale].ui;
  const lines = [
    '———',
    line(card.headline.text),
    ...card.questions.map((question) => `• ${line(question.text)}`),
    line(card.why.text),
  ];
  const rule = ruleLine(card);
  if (rule !== undefined) lines.push(rule.manage === undefined ? rule.text : `${rule.text} · ${rule.manage.label}: ${rule.manage.url}`);
  const links = card.feedbackLinks;
  if (links !== undefined) {
    const entries: Array<[string, string]> = [[ui.helpful, links.helpful], [ui.notHelpful, links.notHelpful], [ui.snooze, links.snooze]];
    const shown = entries.flatMap(([label, url]) => {
      const safe = safeUrl(url);
      return safe === undefined ? [] : [`${label}: ${safe}`];
    });
    if (shown.length > 0) lines.push(shown.join(' | '));
  }
  return lines.join('\n');
}
