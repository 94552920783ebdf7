/** Longest text judged, per field (RELIABILITY.md T11: input sliced at a code-point boundary). */
export const MAX_TEXT_LENGTH = 10_000;

/** One word of a prompt: `raw` as written, `key` folded (lowercase, no accents). */
export interface Token {
  raw: string;
  key: string;
  /** Which part of its line the word is in: parts are separated by " - ", ": ", "|", brackets or commas. */
  part: number;
}

const BLOCK_TAGS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote']);
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
// Controls (but line feeds, which separate body lines), zero-width and bidi formatting characters
// (RELIABILITY.md #33) become spaces.
const INVISIBLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufffd]/g;
// Merge fields of HubSpot ({{contact.firstname}}), Salesforce ({!Contact.Name}), Outreach and
// Apollo ({First Name}, %DAYS%, %%first_name%%), Mailchimp (*|FNAME|*), Bitrix24 ({=Document:TITLE}, #URL_1#)
// and mail-merge (<<Account>>).
const TEMPLATE_TOKENS = /\{\{[^{}]{0,200}\}\}|\{!?[\w. ]{1,60}\}|\[[^[\]\n]{1,40}\]|%%?[A-Za-z_.]{1,40}%%?|\*\|[\w.]{1,40}\|\*|\{=[\w:.]{1,60}\}|#[A-Z][A-Z_0-9]{0,30}#/g;
const ANGLE_TEMPLATE = /<<([^<>\n]{1,60})>>/g;
const WORD = /[\p{L}\p{N}]+/gu;
const PART_SEPARATOR = /[:;|()[\],]|\s[-–—/+]|[-–—/+]\s/;

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
export function truncateText(text: string, max = MAX_TEXT_LENGTH): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return { text: text.slice(0, end), truncated: true };
}

/** Turns HubSpot's HTML task body into plain text: block tags become line breaks, entities decode. */
export function htmlToText(source: string): string {
  // `<<Account>>` is a mail-merge slot, not a tag: keep it for `cleanText` to count.
  const html = source.includes('<<') ? source.replace(ANGLE_TEMPLATE, '{{$1}}') : source;
  let out = '';
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    const close = html.indexOf('>', open + 1);
    if (close < 0) break;
    const [, name] = /^\/?([a-zA-Z][a-zA-Z0-9]*)/.exec(html.slice(open + 1, Math.min(close, open + 20))) ?? [];
    if (name === undefined) {
      out += html.slice(at, open + 1);
      at = open + 1;
      continue;
    }
    out += html.slice(at, open) + (BLOCK_TAGS.has(name.toLowerCase()) ? '\n' : ' ');
    at = close + 1;
  }
  return decodeEntities(out + html.slice(at));
}

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (_whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? ' ';
  });
}

/** Lowercases and removes accents, so "Relancé", "RELANCE" and "relance" compare equal. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  // Plain ASCII needs no decomposition, and most prompts are ASCII.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower;
  return lower.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');
}

const SHORTHAND_MARKS = /[/>→-]|mail/i;

/** Shorthand reps type, rewritten so the lexicon needs one spelling. */
function expandShorthand(text: string): string {
  // Every rewrite below needs one of these; most prompts have none.
  if (!SHORTHAND_MARKS.test(text)) return text;
  return text
    .replace(/\bw\/(?=\s|\p{L}|$)/giu, 'with ')
    .replace(/\bf\/u\b/gi, 'follow up')
    .replace(/\s*(?:→|->|=>)\s*/g, ' to ')
    // Form and plan names ("W-9", "I-9", "K-1") are one word, not a letter and a number.
    .replace(/\b([A-Za-z])-(\d{1,4})\b/g, '$1$2')
    .replace(/\be-?mail/gi, 'email');
}

/** Well-formed, visible, template-free text: the common first step for every field. */
export function cleanText(text: string, isWording: (inner: string) => boolean = () => false): { text: string; templates: number } {
  let templates = 0;
  const visible = text.toWellFormed().replace(INVISIBLE, ' ');
  const stripped = visible.replace(TEMPLATE_TOKENS, (slot) => {
    // "[Follow up] proposal": a bracketed tag of words, not a slot like "[First Name]".
    if (slot.startsWith('[') && isWording(slot.slice(1, -1))) return ` ${slot.slice(1, -1)} : `;
    templates += 1;
    return ' ';
  });
  return { text: expandShorthand(stripped), templates };
}

/** Splits clean text into word tokens; punctuation and emoji separate words and are dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let [part, end] = [0, 0];
  for (const match of text.matchAll(WORD)) {
    if (tokens.length > 0 && PART_SEPARATOR.test(text.slice(end, match.index))) part += 1;
    tokens.push({ raw: match[0], key: foldWord(match[0]), part });
    end = match.index + match[0].length;
  }
  return tokens;
}
