import type { RE2JS } from 're2js';
import { compileAcceptedPattern, compileRulePattern } from './compile-rule-pattern.ts';
import { DEFAULT_RULE_PACK } from './default-rule-pack.ts';
import { foldWord } from './prompt-text.ts';
import { LOCALES } from './rule-schema.ts';
import type { EffectiveRules, PhrasesByLocale, Rule } from './rule-schema.ts';

/** One phrase of one rule, split into folded words. */
export interface PhraseEntry {
  words: readonly string[];
  ruleId: string;
  phrase: string;
}

/** Phrases of every locale indexed by their first word, longest first. */
export interface PhraseIndex {
  byFirst: ReadonlyMap<string, readonly PhraseEntry[]>;
  /** Distinct words of five letters or more by their first letter, candidates for typo correction. */
  longWords: ReadonlyMap<string, readonly string[]>;
}

export interface CompiledPattern {
  ruleId: string;
  pattern: string;
  regex: RE2JS;
}

/** Everything `classifyTask` needs, derived once per `EffectiveRules` object. */
export interface CompiledRules {
  enabled: readonly Rule[];
  enabledIds: ReadonlySet<string>;
  patterns: readonly CompiledPattern[];
  /** Phrases of `action` rules: what asks the rep to do something. */
  verbs: PhraseIndex;
  /** Phrases of `pointer` rules: bare pointers to an earlier artifact. */
  pointers: PhraseIndex;
  exclusions: PhraseIndex;
  /**
   * Words the admin took away from the rules: those of switched-off rules and of removed default
   * phrases. Where one is left as content, the scorer does not speak: the admin made it content.
   */
  disabledWords: ReadonlySet<string>;
}

/** Folded words of a phrase as the tokenizer would produce them. */
export function phraseWords(phrase: string): string[] {
  return phrase.replace(/\be-?mail/gi, 'email').split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(foldWord);
}

/**
 * Phrases of every language apply to every prompt: a portal's locale is the language of its cards,
 * while its reps and sequences write tasks in several languages (the demo portal mixes five).
 */
function buildIndex(rules: readonly Rule[], pick: (rule: Rule) => PhrasesByLocale): PhraseIndex {
  const byFirst = new Map<string, PhraseEntry[]>();
  const longWords = new Map<string, Set<string>>();
  for (const rule of rules) {
    for (const locale of LOCALES) {
      for (const phrase of pick(rule)[locale] ?? []) {
        const words = phraseWords(phrase);
        const first = words[0];
        if (first === undefined) continue;
        const list = byFirst.get(first) ?? [];
        list.push({ words, ruleId: rule.id, phrase });
        byFirst.set(first, list);
        for (const word of words) if (word.length >= 5) longWords.set(word.charAt(0), (longWords.get(word.charAt(0)) ?? new Set()).add(word));
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst, longWords: new Map([...longWords].map(([letter, words]) => [letter, [...words]])) };
}

/** Every folded word of the rules' phrases. */
export function wordsOf(rules: readonly Rule[]): string[] {
  return rules.flatMap((rule) => LOCALES.flatMap((locale) => (rule.conditions.phrases[locale] ?? []).flatMap(phraseWords)));
}

const DEFAULT_PHRASES = new Map(DEFAULT_RULE_PACK.map((rule) => [rule.id, rule]));

/** Words of default phrases an admin removed from enabled rules. */
function removedWords(enabled: readonly Rule[]): string[] {
  return enabled.flatMap((rule) => {
    const base = DEFAULT_PHRASES.get(rule.id);
    if (base === undefined) return [];
    return LOCALES.flatMap((locale) => {
      const now = new Set((rule.conditions.phrases[locale] ?? []).map((phrase) => phraseWords(phrase).join(' ')));
      return (base.conditions.phrases[locale] ?? []).filter((phrase) => !now.has(phraseWords(phrase).join(' '))).flatMap(phraseWords);
    });
  });
}

function compile(rules: EffectiveRules): CompiledRules {
  const enabled = rules.rules.filter((rule) => rule.enabled);
  // Patterns were checked when saved; one that fails now (hand-built rules) is skipped, not thrown.
  const patterns = enabled.flatMap((rule) =>
    rule.conditions.patterns.filter((pattern) => compileRulePattern(pattern).ok).map((pattern) => ({ ruleId: rule.id, pattern, regex: compileAcceptedPattern(pattern) })),
  );
  const actions = enabled.filter((rule) => rule.conditions.phraseRole !== 'pointer');
  const pointers = enabled.filter((rule) => rule.conditions.phraseRole === 'pointer');
  return {
    enabled,
    enabledIds: new Set(enabled.map((rule) => rule.id)),
    patterns,
    verbs: buildIndex(actions, (rule) => rule.conditions.phrases),
    pointers: buildIndex(pointers, (rule) => rule.conditions.phrases),
    exclusions: buildIndex(enabled, (rule) => rule.conditions.exclusions),
    disabledWords: new Set([...wordsOf(rules.rules.filter((rule) => !rule.enabled)), ...removedWords(enabled)]),
  };
}

const compiled = new WeakMap<EffectiveRules, CompiledRules>();

/** Compiles effective rules once per object (a cache of derived data, not shared state). */
export function compiledRulesFor(rules: EffectiveRules): CompiledRules {
  const hit = compiled.get(rules);
  if (hit !== undefined) return hit;
  const built = compile(rules);
  compiled.set(rules, built);
  return built;
}
