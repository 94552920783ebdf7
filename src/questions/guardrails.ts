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

const URGENCY = new RegExp(`(?<![\\p{L}\\p{N}])(?:${URGENCY_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
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
  if (URGENCY.test(wording)) violations.push('urgency');
  if (PLACEHOLDER.test(text)) violations.push('placeholder');
  const length = codePoints(text);
  if (length < LENGTH.min) violations.push('too-short');
  if (length > maxLength) violations.push('too-long');
  return violations;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** `Array.from(text).length` without building the array. */
function codePoints(text: string): number {
  return SURROGATE.test(text) ? Array.from(text).length : text.length;
}
