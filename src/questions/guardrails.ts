/**
 * What every question must be: a question, about this client, calm, and clean. The composer drops
 * any text that fails; tests run every template in every locale through the same checks.
 */

/** Words that push urgency or quota pressure at the rep or the client, in every bank's language. */
export const URGENCY_WORDS: readonly string[] = [
  'asap', 'right away', 'immediately', 'urgent', 'urgently', 'now', 'quota', 'close this', "don't lose", 'do not lose',
  'last chance', "before it's too late", 'before it is too late', 'hurry', 'deadline', 'act fast', 'must close',
  'sofort', 'dringend', 'umgehend', 'jetzt', 'letzte chance', 'verkaufsziel', 'nicht verlieren',
  'immédiatement', 'tout de suite', 'maintenant', 'dernière chance', 'ne perdez pas', 'objectif de vente',
  'inmediatamente', 'ahora mismo', 'ya mismo', 'última oportunidad', 'no pierda', 'cuota',
];

const URGENCY_ALTERNATION = URGENCY_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const URGENCY = new RegExp(`(?<![\\p{L}\\p{N}])(?:${URGENCY_ALTERNATION})(?![\\p{L}\\p{N}])`, 'iu');
/**
 * The same words with the same flags, without the word-boundary lookarounds: it matches wherever
 * URGENCY does (and more, e.g. "now" in "know"), and is several times cheaper, so the lookaround
 * form only runs on a text that contains one of the words somewhere.
 */
const URGENCY_ANYWHERE = new RegExp(`(?:${URGENCY_ALTERNATION})`, 'iu');
const hasUrgency = (text: string): boolean => URGENCY_ANYWHERE.test(text) && URGENCY.test(text);
/** Signs of a template bug: unfilled slots and stringified non-values. Same words cleanText removes. */
export const PLACEHOLDER = /\{\{|\}\}|\b(?:undefined|null|NaN)\b|\[object\b/;

export const LENGTH = { min: 20, maxQuestion: 320, maxHeadline: 220 } as const;

export type Violation = 'not-a-question' | 'no-fact' | 'urgency' | 'placeholder' | 'too-short' | 'too-long';

/**
 * Checks one question or headline. `facts` are the concrete values it was built from (client name,
 * numbers, labels); their text is taken out before the urgency check, since a client called
 * "Urgent Care Ltd" is a fact, not pressure.
 */
export function checkText(text: string, facts: ReadonlyArray<string | number>, maxLength: number = LENGTH.maxQuestion): Violation[] {
  const violations: Violation[] = [];
  const values = facts.map(String).filter((value) => value !== '');
  if (!/[?？]$/.test(text)) violations.push('not-a-question');
  if (values.length > 0 && !values.some((value) => text.includes(value))) violations.push('no-fact');
  const wording = values.reduce((rest, value) => rest.replaceAll(value, ' '), text);
  if (hasUrgency(wording)) violations.push('urgency');
  if (PLACEHOLDER.test(text)) violations.push('placeholder');
  const length = codePoints(text);
  if (length < LENGTH.min) violations.push('too-short');
  if (length > maxLength) violations.push('too-long');
  return violations;
}

/**
 * `checkText(text, facts, maxLength).length === 0`, without building the list: the composer asks
 * this of every wording it tries, and most pass.
 */
export function passes(text: string, facts: ReadonlyArray<string | number>, maxLength: number = LENGTH.maxQuestion): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (last !== 0x3f && last !== 0xff1f) return false; // '?' or '？'
  const length = codePoints(text);
  if (length < LENGTH.min || length > maxLength) return false;
  let wording = text;
  let values = 0;
  let shown = false;
  for (const fact of facts) {
    const value = String(fact);
    if (value === '') continue;
    values += 1;
    if (!shown && text.includes(value)) shown = true;
    wording = blank(wording, value);
  }
  if (values > 0 && !shown) return false;
  return !hasUrgency(wording) && !PLACEHOLDER.test(text);
}

/** `text.replaceAll(value, ' ')` for a non-empty `value` (same occurrences, left to right, none overlapping), cheaper than the builtin here. */
function blank(text: string, value: string): string {
  let at = text.indexOf(value);
  if (at === -1) return text;
  let out = '';
  let from = 0;
  while (at !== -1) {
    out += `${text.slice(from, at)} `;
    from = at + value.length;
    at = text.indexOf(value, from);
  }
  return out + text.slice(from);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** `Array.from(text).length` without building the array. */
function codePoints(text: string): number {
  return SURROGATE.test(text) ? Array.from(text).length : text.length;
}
