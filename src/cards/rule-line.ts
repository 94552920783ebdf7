/**
 * The card's rule line: which rule recognised the task, and where an admin manages it. Plain
 * text and an already-checked URL; each renderer escapes them for its channel.
 */
import { BANKS } from '../questions/locale.ts';
import type { Card } from './card.ts';
import { safeUrl } from './escape.ts';

export interface RuleLine {
  /** E.g. "Recognised by the rule “Generic follow-up”". */
  text: string;
  /** The "Manage rules" link, when the card carries a safe (https or loopback http) URL. */
  manage?: { label: string; url: string };
}

/** Rule names are admin-written; keep them on one line and short. */
function oneLine(text: string): string {
  return Array.from(text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ')).slice(0, 80).join('');
}

export function ruleLine(card: Card): RuleLine | undefined {
  if (card.ruleId === undefined) return undefined;
  const ui = BANKS[card.locale].ui;
  const name = oneLine(card.ruleName ?? card.ruleId);
  // A function replacer: `$&` or `$1` in a rule name stays literal.
  const line: RuleLine = { text: ui.recognisedBy.replace('{rule}', () => name) };
  const url = card.manageRuleUrl === undefined ? undefined : safeUrl(card.manageRuleUrl);
  if (url !== undefined) line.manage = { label: ui.manageRules, url };
  return line;
}

/** `<baseUrl>/settings#rule-<id>`: the settings page opens at that rule. */
export function manageRuleUrl(baseUrl: string, ruleId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/settings#rule-${encodeURIComponent(ruleId)}`;
}
