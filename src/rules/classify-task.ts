import { compiledRulesFor, localeKey } from './compile-rules.ts';
import type { CompiledRules } from './compile-rules.ts';
import { BOILERPLATE_LINES } from './lexicon.ts';
import { correctTypos, createSegment, findExclusions, guessLowercaseName, guessNames, markFillers, markNames, markPatterns, markVerbs } from './mark-tokens.ts';
import type { Hit, Segment } from './mark-tokens.ts';
import { cleanText, htmlToText, tokenize, truncateText } from './prompt-text.ts';
import { TASK_TYPES } from './rule-schema.ts';
import type { Classification, EffectiveRules, Rule, TaskPrompt } from './rule-schema.ts';
import { decide } from './decide-verdict.ts';

const MAX_NAMES = 20;

/** Everything learnt about a prompt on the way to a verdict. */
export interface Analysis {
  segments: Segment[];
  hits: Hit[];
  excludedBy: string | undefined;
  bareRule: Rule | undefined;
  typos: string[];
  guessed: string[];
  boilerplate: string[];
  truncated: boolean;
  empty: boolean;
  automated: boolean;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function readSegments(input: TaskPrompt): Pick<Analysis, 'segments' | 'boilerplate' | 'truncated' | 'empty'> {
  const subject = truncateText(text(input.subject));
  const body = truncateText(text(input.body));
  const cleanSubject = cleanText(htmlToText(subject.text));
  const cleanBody = cleanText(htmlToText(body.text));
  const boilerplate: string[] = [];
  const bodyLines = cleanBody.text.split('\n').map(tokenize).filter((tokens) => tokens.length > 0);
  const kept = bodyLines.filter((tokens) => {
    const line = tokens.map((token) => token.key).join(' ');
    if (!BOILERPLATE_LINES.some((pattern) => pattern.test(line))) return true;
    boilerplate.push(tokens.map((token) => token.raw).join(' '));
    return false;
  });
  const segments = [tokenize(cleanSubject.text), ...kept].map(createSegment);
  const words = segments.reduce((sum, segment) => sum + segment.words.length, 0);
  return { segments, boilerplate, truncated: subject.truncated || body.truncated, empty: words === 0 && cleanSubject.templates + cleanBody.templates === 0 };
}

function nameWords(names: unknown): Set<string> {
  const list = Array.isArray(names) ? names.slice(0, MAX_NAMES).filter((name): name is string => typeof name === 'string') : [];
  return new Set(list.flatMap((name) => tokenize(cleanText(truncateText(name, 200).text).text).map((token) => token.key)).filter((key) => key.length >= 2));
}

function fits(rule: Rule, input: TaskPrompt): boolean {
  const rawType = text(input.type).toUpperCase();
  const type = (TASK_TYPES as readonly string[]).includes(rawType) ? rawType : 'UNKNOWN';
  const origin = input.origin ?? 'unknown';
  const { taskTypes, origins } = rule.conditions;
  return (taskTypes.length === 0 || (taskTypes as readonly string[]).includes(type)) && (origins.length === 0 || origins.includes(origin));
}

function analyse(input: TaskPrompt, compiled: CompiledRules): Analysis {
  const read = readSegments(input);
  const locales = localeKey(input.locale);
  const names = nameWords(input.names);
  for (const segment of read.segments) markNames(segment, names);
  const enabledIds = new Set(compiled.enabled.map((rule) => rule.id));
  const exclusionHits = read.segments.flatMap((segment) => findExclusions(segment, compiled.exclusions(locales), enabledIds));
  const excluded = new Set(exclusionHits.map((hit) => hit.ruleId));
  const specificWords = new Set(exclusionHits.flatMap((hit) => hit.words));
  const usableRules = compiled.enabled.filter((rule) => !excluded.has(rule.id) && fits(rule, input));
  const usable = new Set(usableRules.map((rule) => rule.id));
  const verbs = compiled.verbs(locales);
  const patterns = compiled.patterns.filter((pattern) => usable.has(pattern.ruleId));
  const hits: Hit[] = [];
  const typos: string[] = [];
  const guessed: string[] = [];
  for (const segment of read.segments) {
    hits.push(...markVerbs(segment, verbs, usable), ...markPatterns(segment, patterns));
    markFillers(segment);
    const fixes = segment.words.filter((word) => word.kind === 'content').length <= 6 ? correctTypos(segment, verbs) : [];
    if (fixes.length > 0) {
      typos.push(...fixes);
      hits.push(...markVerbs(segment, verbs, usable));
    }
    guessed.push(...guessNames(segment, specificWords));
  }
  const open = read.segments.flatMap((segment) => (segment.words.some((word) => word.kind === 'content') ? [segment] : []));
  const [only] = open;
  const lowercase = open.length === 1 && only !== undefined && only.words.filter((word) => word.kind === 'content').length === 1 ? guessLowercaseName(only, specificWords) : undefined;
  if (lowercase !== undefined) guessed.push(lowercase);
  return {
    ...read,
    hits,
    excludedBy: exclusionHits[0]?.phrase,
    bareRule: usableRules.find((rule) => rule.conditions.matchesBarePrompt),
    typos,
    guessed,
    automated: input.origin === 'sequence' || input.origin === 'workflow',
  };
}

/**
 * Decides whether a task prompt is robotic: after removing names, dates, template tokens,
 * punctuation, emoji, filler and boilerplate body lines, does only a contact verb remain?
 * Subject and body are judged together. Pure and total: any input, however malformed, gets a
 * verdict; it never throws.
 */
export function classifyTask(input: TaskPrompt, rules: EffectiveRules): Classification {
  const compiled = compiledRulesFor(rules);
  return decide(analyse(input ?? { subject: '' }, compiled), compiled, rules.thresholds);
}
