import type { CompiledPattern, PhraseIndex } from './compile-rules.ts';
import { ARTICLES, DATE_LIKE, FILLER_PHRASES_BY_FIRST, FILLER_WORDS, NAME_INTRODUCERS, PERSON_INTRODUCERS, PLACE_INTRODUCERS, POINTER_MODIFIERS, STOP_WORDS } from './lexicon.ts';
import type { Token } from './prompt-text.ts';

/** What a word turned out to be. Only `content` words make a prompt specific. */
export type Kind = 'content' | 'name' | 'verb' | 'pointer' | 'filler' | 'guess';

/** One word with its verdict; `key` may be corrected for a typo. */
export interface Word {
  raw: string;
  key: string;
  kind: Kind;
  part: number;
}

/** A line of the prompt: the subject, or one body line. */
export interface Segment {
  words: Word[];
}

/** A phrase or pattern found, and which rule it belongs to. */
export interface Hit {
  ruleId: string;
  phrase: string;
}

const MAX_NAME_WORDS = 3;
const isOpen = (kind: Kind): boolean => kind === 'content' || kind === 'filler';
const isContent = (kind: Kind): boolean => kind === 'content';
const isUnnamed = (kind: Kind): boolean => kind === 'content' || kind === 'verb' || kind === 'pointer';
const NO_WORD: Word = { raw: '', key: '', kind: 'filler', part: -1 };
const FOR_INTRODUCERS: ReadonlySet<string> = new Set(['for', 'fur']);
const isCapitalised = (word: Word): boolean => word.raw.charAt(0) !== word.raw.charAt(0).toLowerCase();

export function createSegment(tokens: readonly Token[]): Segment {
  return { words: tokens.map((token) => ({ raw: token.raw, key: token.key, kind: 'content', part: token.part })) };
}

/** Contact and company names: their folded words, and the names of two words or more. */
export interface NameList {
  words: ReadonlySet<string>;
  phrases: readonly (readonly string[])[];
}

/**
 * Marks the given names: a whole name where it is written ("Umbra Security"), then any single
 * word of a name ("Jane" of "Jane Doe") unless that word alone marks a specific purpose
 * (`purpose`), so a deal called "Acme – Renewal 2025" does not hide "renewal".
 */
export function markNames(segment: Segment, names: NameList, purpose: (key: string) => boolean): void {
  segment.words.forEach((_word, at) => {
    const phrase = names.phrases.find((words) => matchesAt(segment, at, words, isContent));
    if (phrase !== undefined) mark(segment, at, phrase.length, 'name');
  });
  for (const word of segment.words) if (word.kind === 'content' && names.words.has(word.key) && !purpose(word.key)) word.kind = 'name';
}

function matchesAt(segment: Segment, at: number, words: readonly string[], allow: (kind: Kind) => boolean): boolean {
  if (at + words.length > segment.words.length) return false;
  // An index loop, not a slice: this runs for every word against every phrase that starts with it.
  for (let offset = 0; offset < words.length; offset += 1) {
    const word = segment.words[at + offset] as Word;
    if (word.key !== words[offset] || !allow(word.kind)) return false;
  }
  return true;
}

function mark(segment: Segment, at: number, length: number, kind: Kind): void {
  for (const word of segment.words.slice(at, at + length)) word.kind = kind;
}

/** Finds phrases of `index` (rules in `usable` only) over words that `allow` admits, longest first. */
export function findPhrases(segment: Segment, index: PhraseIndex, usable: ReadonlySet<string>, allow: (kind: Kind) => boolean): { hit: Hit; at: number; length: number }[] {
  const found: { hit: Hit; at: number; length: number }[] = [];
  let next = 0;
  segment.words.forEach((word, at) => {
    if (at < next) return;
    const entry = index.byFirst.get(word.key)?.find((candidate) => usable.has(candidate.ruleId) && matchesAt(segment, at, candidate.words, allow));
    if (entry === undefined) return;
    found.push({ hit: { ruleId: entry.ruleId, phrase: entry.phrase }, at, length: entry.words.length });
    next = at + entry.words.length;
  });
  return found;
}

/** Every rule's exclusion found among words that are neither given names nor inside a pointer. */
export function findExclusions(segment: Segment, index: PhraseIndex, usable: ReadonlySet<string>): (Hit & { words: readonly string[] })[] {
  const notName = (kind: Kind): boolean => kind !== 'name' && kind !== 'pointer';
  return segment.words.flatMap((word, at) =>
    (index.byFirst.get(word.key) ?? [])
      .filter((entry) => usable.has(entry.ruleId) && matchesAt(segment, at, entry.words, notName))
      .map((entry) => ({ ruleId: entry.ruleId, phrase: entry.phrase, words: entry.words })),
  );
}


/**
 * Marks bare pointers to an earlier artifact ("the proposal", "order form"): they point at
 * something without saying anything about the client, so they are not content.
 */
export function markPointers(segment: Segment, index: PhraseIndex, usable: ReadonlySet<string>, minWords: number): Hit[] {
  const found = findPhrases(segment, index, usable, isOpen).filter(({ length }) => length >= minWords);
  for (const { at, length } of found) {
    mark(segment, at, length, 'pointer');
    const before = segment.words[at - 1];
    if (before !== undefined && before.kind === 'content' && POINTER_MODIFIERS.has(before.key)) before.kind = 'pointer';
  }
  return found.map(({ hit }) => hit);
}

/** Marks contact-verb phrases, then filler phrases, on words still counted as content. */
export function markVerbs(segment: Segment, index: PhraseIndex, usable: ReadonlySet<string>): Hit[] {
  // Filler words may sit inside a phrase ("follow up"): a second pass after typo fixes meets them.
  const found = findPhrases(segment, index, usable, isOpen);
  for (const { at, length } of found) mark(segment, at, length, 'verb');
  // A filler phrase may hold a contact word ("reference the email"): that word keeps its verdict.
  segment.words.forEach((word, at) => {
    const words = FILLER_PHRASES_BY_FIRST.get(word.key)?.find((candidate) => matchesAt(segment, at, candidate, isUnnamed));
    if (words !== undefined) for (const word of segment.words.slice(at, at + words.length)) if (word.kind === 'content') word.kind = 'filler';
  });
  return found.map(({ hit }) => hit);
}

/** Marks words covered by an admin pattern, matched on the folded words joined by spaces. */
export function markPatterns(segment: Segment, patterns: readonly CompiledPattern[]): Hit[] {
  if (patterns.length === 0 || segment.words.length === 0) return [];
  const text = segment.words.map((word) => word.key).join(' ');
  let offset = 0;
  const spans = segment.words.map((word) => {
    const span = { word, start: offset, end: offset + word.key.length };
    offset = span.end + 1;
    return span;
  });
  const hits: Hit[] = [];
  for (const { ruleId, pattern, regex } of patterns) {
    const matcher = regex.matcher(text);
    while (matcher.find()) {
      const [from, to] = [matcher.start(), matcher.end()];
      for (const { word, start, end } of spans) if (start < to && end > from && word.kind === 'content') word.kind = 'verb';
      hits.push({ ruleId, phrase: pattern });
    }
  }
  return hits;
}

/** Endings that make a plural or another form of a word: "proposals", "Angeboten", "llamadas". */
const PLURALS = ['es', 's', 'en', 'n', 'e'] as const;
/** Past forms, for verbs and filler only: "invoiced" is an act, not the invoice. */
const PAST = ['ed', 'd'] as const;

function baseForm(key: string, endings: readonly string[], known: (stem: string) => boolean): string | undefined {
  if (key.length < 5) return undefined;
  for (const ending of endings) if (key.endsWith(ending) && known(key.slice(0, -ending.length))) return key.slice(0, -ending.length);
  return undefined;
}

/**
 * Reads an inflected content word as the one-word verb, pointer or filler word it is a form of
 * ("contracts" as "contract", "llamadas" as "llamada"); returns the verbs and pointers found.
 */
export function markInflections(segment: Segment, verbs: PhraseIndex, pointers: PhraseIndex, usable: ReadonlySet<string>): { verbs: Hit[]; pointers: Hit[] } {
  const found = { verbs: [] as Hit[], pointers: [] as Hit[] };
  const single = (index: PhraseIndex, stem: string) => index.byFirst.get(stem)?.find((entry) => entry.words.length === 1 && usable.has(entry.ruleId));
  for (const word of segment.words) {
    if (word.kind !== 'content') continue;
    const plural = baseForm(word.key, PLURALS, (candidate) => FILLER_WORDS.has(candidate) || single(verbs, candidate) !== undefined || single(pointers, candidate) !== undefined);
    const stem = plural ?? baseForm(word.key, PAST, (candidate) => FILLER_WORDS.has(candidate) || single(verbs, candidate) !== undefined);
    if (stem === undefined) continue;
    const verb = single(verbs, stem);
    const pointer = plural !== undefined ? single(pointers, stem) : undefined;
    if (verb !== undefined) found.verbs.push({ ruleId: verb.ruleId, phrase: verb.phrase });
    else if (pointer !== undefined) found.pointers.push({ ruleId: pointer.ruleId, phrase: pointer.phrase });
    word.kind = verb !== undefined ? 'verb' : pointer !== undefined ? 'pointer' : 'filler';
  }
  return found;
}

/** Marks filler words, numbers and date-like words. */
export function markFillers(segment: Segment, specificWords: ReadonlySet<string>): void {
  for (const word of segment.words) if (word.kind === 'content' && (FILLER_WORDS.has(word.key) || DATE_LIKE.test(word.key) || (STOP_WORDS.has(word.key) && !specificWords.has(word.key)))) word.kind = 'filler';
}

/** Whether `a` from `i` and `b` from `j`, as long as each other, are the same to their ends (no substrings made). */
function sameRest(a: string, i: number, b: string, j: number): boolean {
  for (let k = 0; i + k < a.length; k += 1) if (a.charCodeAt(i + k) !== b.charCodeAt(j + k)) return false;
  return true;
}

/** Damerau–Levenshtein distance of at most one (one insertion, deletion, substitution or swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (i === a.length || i === b.length) return true;
  if (a.length === b.length) return sameRest(a, i + 1, b, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && sameRest(a, i + 2, b, i + 2));
  return a.length > b.length ? sameRest(a, i + 1, b, i) : sameRest(a, i, b, i + 1);
}

/**
 * Equal words, one the other plus a last letter, or the two differing in the last letter only:
 * another form of a word, not a typo ("agenda" / "agendar", "revisao" / "revisar").
 */
function endsDiffer(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a) || (a.length === b.length && a.slice(0, -1) === b.slice(0, -1));
}

/**
 * Reads a misspelt content word as the rule word it is one edit away from, keeping the first
 * letter (reps mistype the middle of a word, and "call" is not a typo of "tall"); returns the fixes.
 */
export function correctTypos(segment: Segment, index: PhraseIndex): string[] {
  const fixes: string[] = [];
  for (const word of segment.words) {
    if (word.kind !== 'content' || word.key.length < 4) continue;
    const fixed = index.longWords.get(word.key.charAt(0))?.find((candidate) => withinOneEdit(word.key, candidate) && !endsDiffer(word.key, candidate));
    if (fixed === undefined) continue;
    fixes.push(`"${word.key}" as "${fixed}"`);
    word.key = fixed;
  }
  return fixes;
}

function introducesName(word: Word, before: Word, beforeThat: Word): boolean {
  if (before.kind === 'verb' || before.kind === 'name' || before.kind === 'guess' || NAME_INTRODUCERS.has(before.key)) return true;
  // An acronym after "in" or "the" is more often a system or a document ("in SAP", "the SOC 2 report").
  const acronym = word.raw === word.raw.toUpperCase();
  if (PLACE_INTRODUCERS.has(before.key)) return !acronym;
  return ARTICLES.has(before.key) && !acronym && (beforeThat.kind === 'verb' || NAME_INTRODUCERS.has(beforeThat.key));
}

/**
 * Takes a capitalised content word right after a contact verb, a title or a word like "with"
 * to be a name not given to us ("Check in with Jane", "Call Lena @ Acme"), up to three words.
 * Words that mark a specific purpose (`specific`) are never names.
 */
export function guessNames(segment: Segment, specific: ReadonlySet<string>): string[] {
  const guessed: string[] = [];
  let run = 0;
  let [beforeThat, before] = [NO_WORD, NO_WORD];
  segment.words.forEach((word, at) => {
    if (word.part !== before.part) run = 0;
    const next = segment.words[at + 1] ?? NO_WORD;
    // "for" introduces a full name only ("Follow-up for Brian Buyer", not "for Phase 2").
    const forName = FOR_INTRODUCERS.has(before.key) && next.part === word.part && (next.kind === 'content' || next.kind === 'filler') && isCapitalised(next);
    const introduced = word.part === before.part && (forName || introducesName(word, before, beforeThat));
    // A word with a digit is a form, a plan or a version ("W9", "SOC2"), not a name.
    if (word.kind === 'content' && isCapitalised(word) && !/\d/.test(word.key) && !specific.has(word.key) && introduced && run < MAX_NAME_WORDS) {
      word.kind = 'guess';
      guessed.push(word.raw);
      run += 1;
    } else if (word.kind !== 'filler') {
      run = 0;
    }
    [beforeThat, before] = [before, word];
  });
  return guessed;
}

/** A lone lowercase last word after "with" and the like is a name typed in lowercase. */
export function guessLowercaseName(segment: Segment, specific: ReadonlySet<string>): string | undefined {
  const at = segment.words.findLastIndex((word) => word.kind === 'content');
  const [before, word] = segment.words.slice(at - 1, at + 1);
  if (at < 1 || before === undefined || word === undefined) return undefined;
  if (specific.has(word.key) || segment.words.slice(at + 1).some((after) => after.kind !== 'filler')) return undefined;
  if (!PERSON_INTRODUCERS.has(before.key)) return undefined;
  word.kind = 'guess';
  return word.raw;
}

/**
 * Takes a part of a line to be a name when it is a few capitalised words and another part holds
 * the instruction ("Follow up on proposal - Airbnb", "Call - Gemini Furniture - follow up").
 */
export function guessNameParts(segment: Segment, specific: ReadonlySet<string>): string[] {
  const last = segment.words.at(-1)?.part ?? 0;
  if (last === 0) return [];
  const guessed: string[] = [];
  for (let part = 0; part <= last; part += 1) {
    const words = segment.words.filter((word) => word.part === part);
    const others = segment.words.filter((word) => word.part !== part);
    const instruction = others.some((word) => word.kind === 'verb' || word.kind === 'pointer');
    const content = words.filter((word) => word.kind === 'content');
    const nameLike = words.every((word) => isCapitalised(word) && (word.kind === 'filler' || (word.kind === 'content' && !specific.has(word.key))));
    if (!instruction || words.length > MAX_NAME_WORDS + 1 || content.length === 0 || !nameLike) continue;
    for (const word of content) word.kind = 'guess';
    guessed.push(...content.map((word) => word.raw));
  }
  return guessed;
}
