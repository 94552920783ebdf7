/**
 * The card as a HubSpot note body (`hs_note_body`, HTML). Every value is escaped; links are
 * rendered only for https URLs (loopback http for the sandbox).
 */
import { BANKS } from '../questions/locale.ts';
import type { Card } from './card.ts';
import { escapeHtml, safeUrl } from './escape.ts';
import { ruleLine } from './rule-line.ts';

export function renderNoteBody(card: Card): string {
  const ui = BANKS[card.locale].ui;
  const items = card.questions.map((question) => `<li>${escapeHtml(question.text)}</li>`).join('');
  const parts = [
    `<p><strong>${escapeHtml(card.headline.text)}</strong></p>`,
    `<ul>${items}</ul>`,
    `<p><em>${escapeHtml(card.why.text)}</em></p>`,
  ];
  const rule = ruleLine(card);
  if (rule !== undefined) {
    const manage = rule.manage === undefined ? '' : ` · <a href="${escapeHtml(rule.manage.url)}" rel="noopener noreferrer">${escapeHtml(rule.manage.label)}</a>`;
    parts.push(`<p>${escapeHtml(rule.text)}${manage}</p>`);
  }
  const links = card.feedbackLinks;
  if (links !== undefined) {
    const anchors = [
      [ui.helpful, links.helpful],
      [ui.notHelpful, links.notHelpful],
      [ui.snooze, links.snooze],
    ].flatMap(([label, url]) => {
      const safe = safeUrl(url as string);
      return safe === undefined ? [] : [`<a href="${escapeHtml(safe)}" rel="noopener noreferrer">${escapeHtml(label as string)}</a>`];
    });
    if (anchors.length > 0) parts.push(`<p>${anchors.join(' · ')}</p>`);
  }
  return parts.join('');
}
