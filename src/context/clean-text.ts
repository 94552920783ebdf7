/**
 * CRM text is user input. Before a value can appear in a question it is made plain: no control
 * characters, no template braces, no words that read as a leaked placeholder, bounded length.
 * Escaping for HTML or Markdown is the renderers' job; this only keeps the wording honest.
 */

// Control and format characters (bidi overrides included), then template braces.
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const BRACES = /[{}]/g;
const PLACEHOLDER_WORDS = /\b(?:undefined|null|NaN)\b|\[object\b/g;
const SPACES = /\s+/g;
// Printable ASCII without braces, words separated by single spaces, no space at either end: the
// replacements above would change nothing but placeholder words, and length is code points.
const PLAIN_ASCII = /^[\x21-\x7a|~]+(?: [\x21-\x7a|~]+)*$/;

// The same for any script: no whitespace but single spaces between words, no control or format
// characters, no braces and no lone surrogates, so the replacements below would change nothing;
// a UTF-16 length within the bound is a code-point length within it.
const PLAIN = /^[^\s\p{Cc}\p{Cf}\u2028\u2029{}\uD800-\uDFFF]+(?: [^\s\p{Cc}\p{Cf}\u2028\u2029{}\uD800-\uDFFF]+)*$/u;
const SURROGATE = /[\uD800-\uDFFF]/;

/** A plain, bounded, single-line version of `value`, or undefined when nothing is left. */
export function cleanText(value: string | undefined, maxLength = 80): string | undefined {
  if (value === undefined) return undefined;
  // Fast path for the common case, same result as below (no allocation).
  if (value.length <= maxLength && (PLAIN_ASCII.test(value) || PLAIN.test(value)) && !hasPlaceholderWord(value)) return value;
  const plain = value
    .toWellFormed()
    .replace(CONTROL, ' ')
    .replace(BRACES, '')
    .replace(PLACEHOLDER_WORDS, '')
    .replace(SPACES, ' ')
    .trim();
  // Length in code points; only a string with surrogate pairs needs them counted one by one.
  if ((SURROGATE.test(plain) ? Array.from(plain).length : plain.length) <= maxLength) return plain === '' ? undefined : plain;
  const points = Array.from(plain);
  // Cutting can turn "[objectX" into "[object…"; clean the cut text once more.
  const cut = `${points.slice(0, maxLength - 1).join('').trimEnd()}…`.replace(PLACEHOLDER_WORDS, '').trim();
  return cut === '…' ? undefined : cut;
}

function hasPlaceholderWord(value: string): boolean {
  PLACEHOLDER_WORDS.lastIndex = 0;
  const found = PLACEHOLDER_WORDS.test(value);
  PLACEHOLDER_WORDS.lastIndex = 0;
  return found;
}

// Anything a renderer or mail client could turn into a link: a scheme ("https:", "javascript:") or "www.".
const LINK_LIKE = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b(?:javascript|vbscript|data|mailto|file):)\S*/giu;
// Quote marks of every locale, so a quoted value cannot close the card's own “…” around it.
const QUOTE_MARKS = /["“”„‟«»‹›]/g;
const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * CRM text to quote inside a question (an email subject, a ticket subject): plain as
 * {@link cleanText}, with link-like runs replaced by "…" and quote marks by an apostrophe, then
 * clipped to `maxLength`. Undefined when nothing readable is left.
 */
export function quoteText(value: string | undefined, maxLength = 60): string | undefined {
  const plain = cleanText(value, 500);
  const quoted = cleanText(plain?.replace(LINK_LIKE, '…').replace(QUOTE_MARKS, "'"), maxLength);
  return quoted !== undefined && WORDLIKE.test(quoted) ? quoted : undefined;
}

/** HubSpot enum values such as LOGISTICS_AND_SUPPLY_CHAIN, as words: "logistics and supply chain". */
export function humanizeEnum(value: string | undefined): string | undefined {
  if (value === undefined || !/^[A-Z0-9_]+$/.test(value)) return cleanText(value, 60);
  return cleanText(value.toLowerCase().replace(/_/g, ' '), 60);
}
