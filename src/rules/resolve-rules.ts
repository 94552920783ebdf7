import { createHash } from 'node:crypto';
import { foldWord } from './prompt-text.ts';
import { DEFAULT_THRESHOLDS, LOCALES } from './rule-schema.ts';
import type { EffectiveRules, PhrasesByLocale, Rule, RuleOverride, RuleOverrides } from './rule-schema.ts';

/** Bumped whenever the engine's judgement changes, so that `version` changes with it. */
export const ENGINE_VERSION = 6;

/** Phrases compared the way the engine matches them: case, accents and spacing ignored. */
function phraseKey(phrase: string): string {
  return phrase
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(foldWord)
    .join(' ');
}

function mergePhrases(base: PhrasesByLocale, removed: PhrasesByLocale | undefined, added: PhrasesByLocale | undefined): PhrasesByLocale {
  const merged: PhrasesByLocale = {};
  for (const locale of LOCALES) {
    const drop = new Set((removed?.[locale] ?? []).map(phraseKey));
    const byKey = new Map<string, string>();
    for (const phrase of [...(base[locale] ?? []), ...(added?.[locale] ?? [])]) {
      const key = phraseKey(phrase);
      if (key !== '' && !drop.has(key) && !byKey.has(key)) byKey.set(key, phrase.trim());
    }
    if (byKey.size > 0) merged[locale] = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, phrase]) => phrase);
  }
  return merged;
}

function applyOverride(rule: Rule, override: RuleOverride | undefined): Rule {
  const conditions = rule.conditions;
  return {
    ...rule,
    enabled: override?.enabled ?? rule.enabled,
    conditions: {
      ...conditions,
      phrases: mergePhrases(conditions.phrases, override?.phrasesRemoved, override?.phrasesAdded),
      exclusions: mergePhrases(conditions.exclusions, override?.exclusionsRemoved, override?.exclusionsAdded),
      patterns: [...new Set([...conditions.patterns, ...(override?.patternsAdded ?? [])])],
      taskTypes: [...new Set(conditions.taskTypes)].sort(),
      origins: [...new Set(conditions.origins)].sort(),
    },
  };
}

/** JSON with object keys sorted, so equal rules always hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Merges a portal's overrides over the default rules. Deterministic: the same inputs always give
 * the same rules (sorted by id, phrases de-duplicated and sorted) and the same `version`, a
 * 12-hex-digit hash that changes whenever the effective rules, thresholds or engine change.
 * Pass overrides parsed with `RuleOverridesSchema`.
 */
export function resolveRules(defaults: readonly Rule[], overrides?: RuleOverrides): EffectiveRules {
  const byId = new Map<string, Rule>();
  for (const rule of defaults) byId.set(rule.id, rule);
  for (const rule of overrides?.customRules ?? []) byId.set(rule.id, rule);
  const perRule = overrides?.rules ?? {};
  const rules = [...byId.values()]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((rule) => applyOverride(rule, Object.hasOwn(perRule, rule.id) ? perRule[rule.id] : undefined));
  const thresholds = {
    minConfidence: overrides?.thresholds.minConfidence ?? DEFAULT_THRESHOLDS.minConfidence,
    maxSpecificWords: overrides?.thresholds.maxSpecificWords ?? DEFAULT_THRESHOLDS.maxSpecificWords,
  };
  const version = createHash('sha256')
    .update(canonicalJson({ engine: ENGINE_VERSION, rules, thresholds }))
    .digest('hex')
    .slice(0, 12);
  return { rules, thresholds, version };
}
