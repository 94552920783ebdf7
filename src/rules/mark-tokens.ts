import type { CompiledPattern, PhraseIndex } from './compile-rules.ts';
import { ARTICLES, DATE_LIKE, FILLER_PHRASE_WORDS, FILLER_WORDS, NAME_INTRODUCERS, PERSON_INTRODUCERS } from './lexicon.ts';
import type { Token } from './prompt-text.ts';

/** What a word turned out to be. Only `content` words make a prompt specific. */
export type Kind = 'content' | 'name' | 'verb' | 'filler' | 'guess';

/** A line of the prompt (the subject, or one body line) with a verdict per word. */
export interface Segment {
  tokens: readonly Token[];
  keys: string[];
  kinds: Kind[];
}

/** A phrase or pattern found, and which rule it belongs to. */
export interface Hit {
  ruleId: string;
  phrase: string;
}

const MAX_NAME_WORDS = 3;

export function createSegment(tokens: readonly Token[]): Segment {
  return { tokens, keys: tokens.map((token) => token.key), kinds: tokens.map(() => 'content') };
}

/** Marks the given contact and company names. */
export function markNames(segment: Segment, nameWords: ReadonlySet<string>): void {
  segment.keys.forEach((key, at) => {
    if (nameWords.has(key)) segment.kinds[at] = 'name';
  });
}

function matchesAt(segment: Segment, at: number, words: readonly string[], allow: (kind: Kind) => boolean): boolean {
  if (at + words.length > segment.keys.length) return false;
  for (let offset = 0; offset < words.length; offset += 1) {
    if (segment.keys[at + offset] !== words[offset] || !allow(segment.kinds[at + offset] ?? 'content')) return false;
  }
  return true;
}

/** Finds phrases of `index` (rules in `usable` only) over words that `allow` admits. */
export function findPhrases(segment: Segment, index: PhraseIndex, usable: ReadonlySet<string>, allow: (kind: Kind) => boolean): { hit: Hit; at: number; length: number }[] {
  const found: { hit: Hit; at: number; length: number }[] = [];
  for (let at = 0; at < segment.keys.length; at += 1) {
    const entry = (index.byFirst.get(segment.keys[at] ?? '') ?? []).find((candidate) => usable.has(candidate.ruleId) && matchesAt(segment, at, candidate.words, allow));
    if (entry === undefined) continue;
    found.push({ hit: { ruleId: entry.ruleId, phrase: entry.phrase }, at, length: entry.words.length });
    at += entry.words.length - 1;
  }
  return found;
}

/** Every rule's exclusion found among words that are not given names. */
export function findExclusions(segment: Segment, index: PhraseIndex, usable: ReadonlySet<string>): (Hit & { words: readonly string[] })[] {
  const notName = (kind: Kind): boolean => kind !== 'name';
  return segment.keys.flatMap((key, at) =>
    (index.byFirst.get(key) ?? [])
      .filter((entry) => usable.has(entry.ruleId) && matchesAt(segment, at, entry.words, notName))
      .map((entry) => ({ ruleId: entry.ruleId, phrase: entry.phrase, words: entry.words })),
  );
}

const isOpen = (kind: Kind): boolean => kind === 'content' || kind === 'filler';
const isContent = (kind: Kind): boolean => kind === 'content';

/** Marks contact-verb phrases, then filler phrases, on words still counted as content. */
export function markVerbs(segment: Segment, index: PhraseIndex, usable: ReadonlySet<string>): Hit[] {
  // Filler words may sit inside a phrase ("follow up"): a second pass after typo fixes meets them.
  const found = findPhrases(segment, index, usable, isOpen);
  for (const { at, length } of found) segment.kinds.fill('verb', at, at + length);
  for (let at = 0; at < segment.keys.length; at += 1) {
    const words = FILLER_PHRASE_WORDS.find((candidate) => matchesAt(segment, at, candidate, isContent));
    if (words !== undefined) segment.kinds.fill('filler', at, at + words.length);
  }
  return found.map(({ hit }) => hit);
}

/** Marks words covered by an admin pattern, matched on the folded words joined by spaces. */
export function markPatterns(segment: Segment, patterns: readonly CompiledPattern[]): Hit[] {
  if (patterns.length === 0 || segment.keys.length === 0) return [];
  const text = segment.keys.join(' ');
  const starts: number[] = [];
  let offset = 0;
  for (const key of segment.keys) {
    starts.push(offset);
    offset += key.length + 1;
  }
  const hits: Hit[] = [];
  for (const { ruleId, pattern, regex } of patterns) {
    const matcher = regex.matcher(text);
    while (matcher.find()) {
      const [from, to] = [matcher.start(), matcher.end()];
      starts.forEach((start, at) => {
        const end = start + (segment.keys[at] ?? '').length;
        if (start < to && end > from && segment.kinds[at] === 'content') segment.kinds[at] = 'verb';
      });
      hits.push({ ruleId, phrase: pattern });
    }
  }
  return hits;
}

/** Marks filler words, numbers and date-like words. */
export function markFillers(segment: Segment): void {
  segment.keys.forEach((key, at) => {
    if (segment.kinds[at] === 'content' && (FILLER_WORDS.has(key) || DATE_LIKE.test(key))) segment.kinds[at] = 'filler';
  });
}

/** Damerau–Levenshtein distance of at most one (one insertion, deletion, substitution or swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (i === a.length || i === b.length) return Math.abs(a.length - b.length) <= 1;
  const [restA, restB] = [a.slice(i + 1), b.slice(i + 1)];
  if (a.length === b.length) return restA === restB || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Reads a misspelt content word as the rule word it is one edit away from; returns the fixes. */
export function correctTypos(segment: Segment, index: PhraseIndex): string[] {
  const fixes: string[] = [];
  segment.keys.forEach((key, at) => {
    if (segment.kinds[at] !== 'content' || key.length < 4) return;
    const word = index.longWords.find((candidate) => candidate !== key && withinOneEdit(key, candidate));
    if (word === undefined) return;
    segment.keys[at] = word;
    fixes.push(`"${segment.tokens[at]?.raw ?? key}" as "${word}"`);
  });
  return fixes;
}

function introducesName(segment: Segment, at: number): boolean {
  const previous = at - 1;
  if (previous < 0) return false;
  const kind = segment.kinds[previous];
  const key = segment.keys[previous] ?? '';
  if (kind === 'verb' || NAME_INTRODUCERS.has(key)) return true;
  if (kind === 'name' || kind === 'guess') return true;
  return ARTICLES.has(key) && previous > 0 && (segment.kinds[previous - 1] === 'verb' || NAME_INTRODUCERS.has(segment.keys[previous - 1] ?? ''));
}

/**
 * Takes a capitalised content word right after a contact verb, a title or a word like "with"
 * to be a name not given to us ("Check in with Jane", "Call Lena @ Acme"), up to three words.
 */
export function guessNames(segment: Segment, specific: ReadonlySet<string>): string[] {
  const guessed: string[] = [];
  let run = 0;
  segment.tokens.forEach((token, at) => {
    const capitalised = token.raw[0] !== undefined && token.raw[0] !== token.raw[0].toLowerCase();
    if (segment.kinds[at] === 'content' && capitalised && !specific.has(token.key) && introducesName(segment, at) && run < MAX_NAME_WORDS) {
      segment.kinds[at] = 'guess';
      guessed.push(token.raw);
      run += 1;
    } else if (segment.kinds[at] !== 'filler') {
      run = 0;
    }
  });
  return guessed;
}

/** A lone lowercase last word after "with" and the like is a name typed in lowercase. */
export function guessLowercaseName(segment: Segment, specific: ReadonlySet<string>): string | undefined {
  const at = segment.kinds.lastIndexOf('content');
  if (at < 1 || specific.has(segment.keys[at] ?? '') || segment.kinds.slice(at + 1).some((kind) => kind !== 'filler')) return undefined;
  if (!PERSON_INTRODUCERS.has(segment.keys[at - 1] ?? '')) return undefined;
  segment.kinds[at] = 'guess';
  return segment.tokens[at]?.raw;
}
