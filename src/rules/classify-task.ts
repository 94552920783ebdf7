import { compiledRulesFor } from './compile-rules.ts';
import type { CompiledPattern, CompiledRules } from './compile-rules.ts';
import { BOILERPLATE_LINES, MAX_SIGNATURE_LINE_WORDS, MAX_SIGNATURE_LINES, VALEDICTIONS } from './lexicon.ts';
import { correctTypos, createSegment, findExclusions, guessLowercaseName, guessNameParts, guessNames, markFillers, markInflections, markNames, markPatterns, markPointers, markVerbs } from './mark-tokens.ts';
import type { Hit, NameList, Segment } from './mark-tokens.ts';
import { cleanText, htmlToText, tokenize, truncateText } from './prompt-text.ts';
import type { Token } from './prompt-text.ts';
import { TASK_TYPES } from './rule-schema.ts';
import type { Classification, EffectiveRules, Rule, TaskPrompt } from './rule-schema.ts';
import { decide } from './decide-verdict.ts';
import type { ScorerModel } from './generic-scorer.ts';

const MAX_NAMES = 20;
const SIGNATURE_DELIMITER = /^\s*(?:--|—|__)\s*$/;

/** Everything learnt about a prompt on the way to a verdict. */
export interface Analysis {
  segments: Segment[];
  hits: Hit[];
  /** Bare pointers to an earlier artifact found ("the proposal"), credited to their rule. */
  pointers: Hit[];
  excludedBy: string | undefined;
  /** The words of the exclusion phrases found, each once (a topic is an exclusion of every rule). */
  excludedWords: readonly string[];
  bareRule: Rule | undefined;
  /** A rule that fires when unfilled template slots were all there was. */
  templateRule: Rule | undefined;
  /** How many template slots were removed from the subject and body. */
  templates: number;
  /** The rule that lets the trained scorer speak, when it is on and fits the task. */
  scorerRule: Rule | undefined;
  /** The task type, upper case (`UNKNOWN` when it is none of HubSpot's). */
  type: string;
  /** Enabled rules that do not apply to this task's type or origin: their words are not the scorer's to read. */
  unfit: readonly Rule[];
  typos: string[];
  guessed: string[];
  boilerplate: string[];
  /** A signature was cut from the end of the body. */
  signature: boolean;
  truncated: boolean;
  empty: boolean;
  automated: boolean;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Index of the first line of a signature: after some message, a lone sign-off ("Best,") or "--"
 * followed by a few short lines (name, title, phone). `lines.length` when there is none.
 */
function signatureStart(lines: readonly string[], tokens: readonly Token[][]): number {
  const at = tokens.findIndex((line, index) => index > 0 && (SIGNATURE_DELIMITER.test(lines[index] as string) || VALEDICTIONS.has(keys(line))));
  const rest = tokens.slice(at + 1).filter((line) => line.length > 0);
  return at > 0 && rest.length <= MAX_SIGNATURE_LINES && rest.every((line) => line.length <= MAX_SIGNATURE_LINE_WORDS) ? at : lines.length;
}

function keys(tokens: readonly Token[]): string {
  return tokens.map((token) => token.key).join(' ');
}

function readSegments(input: TaskPrompt, compiled: CompiledRules): Pick<Analysis, 'segments' | 'boilerplate' | 'signature' | 'truncated' | 'empty' | 'templates'> {
  const subject = truncateText(text(input.subject));
  const body = truncateText(text(input.body));
  // "[Follow up] proposal": a bracketed instruction is wording; "[First Name]" is a slot.
  const isWording = (inner: string): boolean => {
    const keys = tokenize(inner).map((token) => token.key);
    return compiled.verbs.byFirst.get(keys[0] ?? '')?.some((entry) => entry.words.every((word, offset) => keys[offset] === word)) ?? false;
  };
  const cleanSubject = cleanText(htmlToText(subject.text), isWording);
  const cleanBody = cleanText(htmlToText(body.text), isWording);
  const boilerplate: string[] = [];
  const lines = cleanBody.text.split('\n');
  const lineTokens = lines.map(tokenize);
  const cut = signatureStart(lines, lineTokens);
  const kept = lineTokens.slice(0, cut).filter((tokens) => {
    if (tokens.length === 0) return false;
    const line = keys(tokens);
    if (!BOILERPLATE_LINES.some((pattern) => pattern.test(line))) return true;
    boilerplate.push(tokens.map((token) => token.raw).join(' '));
    return false;
  });
  const signature = lineTokens.slice(cut).some((tokens) => tokens.length > 0);
  const segments = [tokenize(cleanSubject.text), ...kept].map(createSegment);
  const words = segments.reduce((sum, segment) => sum + segment.words.length, 0);
  const templates = cleanSubject.templates + cleanBody.templates;
  return { segments, boilerplate, signature, templates, truncated: subject.truncated || body.truncated || input.truncated === true, empty: words === 0 && !signature && templates === 0 };
}

function nameList(names: unknown): NameList {
  const list = Array.isArray(names) ? names.slice(0, MAX_NAMES).filter((name): name is string => typeof name === 'string') : [];
  const split = list.map((name) => tokenize(cleanText(truncateText(name, 200).text).text).map((token) => token.key));
  return { words: new Set(split.flat().filter((key) => key.length >= 2)), phrases: split.filter((words) => words.length >= 2) };
}

function fits(rule: Rule, type: string, origin: string): boolean {
  const { taskTypes, origins } = rule.conditions;
  return (taskTypes.length === 0 || (taskTypes as readonly string[]).includes(type)) && (origins.length === 0 || (origins as readonly string[]).includes(origin));
}

/** The rules that apply to a task of one type and origin, with no topic excluding any. */
interface RuleView {
  usableRules: readonly Rule[];
  usable: ReadonlySet<string>;
  patterns: readonly CompiledPattern[];
  unfit: readonly Rule[];
}

const NO_WORDS: ReadonlySet<string> = new Set();
/** Views per rule set and type/origin: most prompts name no topic, so theirs is one of a few. */
const VIEWS = new WeakMap<CompiledRules, Map<string, RuleView>>();
const MAX_VIEWS = 64;

function makeView(compiled: CompiledRules, excluded: ReadonlySet<string>, type: string, origin: string): RuleView {
  const usableRules = compiled.enabled.filter((rule) => !excluded.has(rule.id) && fits(rule, type, origin));
  const usable = new Set(usableRules.map((rule) => rule.id));
  return { usableRules, usable, patterns: compiled.patterns.filter((pattern) => usable.has(pattern.ruleId)), unfit: compiled.enabled.filter((rule) => !fits(rule, type, origin)) };
}

function ruleView(compiled: CompiledRules, excluded: ReadonlySet<string>, type: string, origin: string): RuleView {
  if (excluded.size > 0) return makeView(compiled, excluded, type, origin);
  let views = VIEWS.get(compiled);
  if (views === undefined) VIEWS.set(compiled, (views = new Map()));
  const key = `${type}\n${origin}`;
  const known = views.get(key);
  if (known !== undefined) return known;
  const view = makeView(compiled, excluded, type, origin);
  // The origin is the caller's: an odd one is judged, not remembered.
  if (views.size < MAX_VIEWS) views.set(key, view);
  return view;
}

export function analyse(input: TaskPrompt, compiled: CompiledRules): Analysis {
  const read = readSegments(input, compiled);
  const names = nameList(input.names);
  // A purpose word inside a name ("Umbra Security") is a name only where the whole name is written.
  const purpose = (key: string): boolean => compiled.exclusions.byFirst.get(key)?.some((entry) => entry.words.length === 1) ?? false;
  for (const segment of read.segments) markNames(segment, names, purpose);
  // A pointer of several words holds its topic word ("the security questionnaire"): it is found first.
  const pointers = read.segments.flatMap((segment) => markPointers(segment, compiled.pointers, compiled.enabledIds, 2));
  const exclusionHits = read.segments.flatMap((segment) => findExclusions(segment, compiled.exclusions, compiled.enabledIds));
  const excluded = exclusionHits.length === 0 ? NO_WORDS : new Set(exclusionHits.map((hit) => hit.ruleId));
  const specificWords = exclusionHits.length === 0 ? NO_WORDS : new Set(exclusionHits.flatMap((hit) => hit.words));
  const rawType = text(input.type).toUpperCase();
  const type = (TASK_TYPES as readonly string[]).includes(rawType) ? rawType : 'UNKNOWN';
  const origin = input.origin ?? 'unknown';
  const { usableRules, usable, patterns, unfit } = ruleView(compiled, excluded, type, origin);
  const verbs = compiled.verbs;
  const hits: Hit[] = [];
  const typos: string[] = [];
  const guessed: string[] = [];
  for (const segment of read.segments) {
    hits.push(...markVerbs(segment, verbs, usable), ...markPatterns(segment, patterns));
    pointers.push(...markPointers(segment, compiled.pointers, usable, 1));
    markFillers(segment, specificWords);
    const inflected = markInflections(segment, verbs, compiled.pointers, usable);
    hits.push(...inflected.verbs);
    pointers.push(...inflected.pointers);
    const fixes = segment.words.filter((word) => word.kind === 'content').length <= 6 ? correctTypos(segment, verbs) : [];
    if (fixes.length > 0) {
      typos.push(...fixes);
      hits.push(...markVerbs(segment, verbs, usable));
    }
    guessed.push(...guessNames(segment, specificWords), ...guessNameParts(segment, specificWords));
  }
  const open = read.segments.flatMap((segment) => (segment.words.some((word) => word.kind === 'content') ? [segment] : []));
  const [only] = open;
  const lowercase = open.length === 1 && only !== undefined && only.words.filter((word) => word.kind === 'content').length === 1 ? guessLowercaseName(only, specificWords) : undefined;
  if (lowercase !== undefined) guessed.push(lowercase);
  return {
    ...read,
    hits,
    pointers,
    excludedBy: exclusionHits[0]?.phrase,
    excludedWords: [...specificWords],
    // A rule for any task type needs some words: a prompt of template slots only is the template rule's.
    bareRule: usableRules.find((rule) => rule.conditions.matchesBarePrompt && (rule.conditions.taskTypes.length > 0 || read.segments.some((segment) => segment.words.length > 0))),
    templateRule: read.templates > 0 ? usableRules.find((rule) => rule.conditions.matchesTemplateSlots) : undefined,
    scorerRule: usableRules.find((rule) => rule.conditions.matchesScorer),
    type,
    unfit,
    typos,
    guessed,
    automated: input.origin === 'sequence' || input.origin === 'workflow',
  };
}

/**
 * Decides whether a task prompt is robotic: after removing names, dates, template slots, bare
 * pointers, punctuation, emoji, filler and boilerplate body lines, does only a contact verb remain?
 * Subject and body are judged together. Pure and total: any input, however malformed, gets a
 * verdict; it never throws. `scorer` is the trained scorer's model: the shipped one, unless
 * training compares candidates.
 */
export function classifyTask(input: TaskPrompt, rules: EffectiveRules, scorer?: ScorerModel): Classification {
  const compiled = compiledRulesFor(rules);
  return decide(analyse(input ?? { subject: '' }, compiled), compiled, rules.thresholds, scorer);
}
