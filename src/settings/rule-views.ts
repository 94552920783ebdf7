/**
 * Rules as the settings API shows them (`Rule` in openapi.json), and a rule PATCH applied to the
 * stored overrides. Default rules are changed through overrides (phrases added/removed, patterns,
 * on/off); custom rules are edited in place. Problems are worded for an admin.
 */
import { z } from 'zod';
import { compileRulePattern, DEFAULT_RULE_PACK, LOCALES, resolveRules, type Locale, type Rule, type RuleOverride, type RuleOverrides } from '../rules/index.ts';
import { foldWord } from '../rules/prompt-text.ts';
import type { Problem } from './api-errors.ts';

const PhraseEditSchema = z.object({
  add: z.array(z.string().max(100)).min(1).max(100),
  remove: z.array(z.string().max(100)).min(1).max(100),
}).partial().strict();

export const RulePatchSchema = z.object({
  enabled: z.boolean(),
  phrases: z.partialRecord(z.enum(LOCALES), PhraseEditSchema),
  patterns: z.array(z.string().max(256)).max(20),
  threshold: z.number().min(0).max(1),
}).partial().strict().refine((patch) => Object.keys(patch).length > 0, 'Say what to change: enabled, phrases, patterns or threshold.');
export type RulePatch = z.infer<typeof RulePatchSchema>;

export interface ApiRule {
  id: string; name: string; description: string; enabled: boolean; enabledByDefault: boolean;
  phrases: Partial<Record<Locale, { phrases: string[]; added: string[]; removed: string[] }>>;
  patterns: string[]; threshold: number; customized: boolean;
  /** `pointer`: the rule's phrases are pointer nouns ("the proposal"), not verbs; the page calls them pointers. */
  phraseRole: 'action' | 'pointer';
}

/** Phrases compared as the engine matches them: case, accents and spacing ignored. */
export function phraseKey(phrase: string): string {
  return phrase.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(foldWord).join(' ');
}

const MAX_PHRASE = 80;
const MAX_PATTERNS = 10;

/** Every rule of the portal, effective, in the API's shape. */
export function listApiRules(overrides: RuleOverrides): ApiRule[] {
  const effective = resolveRules(DEFAULT_RULE_PACK, overrides);
  const defaults = new Map(DEFAULT_RULE_PACK.map((rule) => [rule.id, rule]));
  const custom = new Set(overrides.customRules.map((rule) => rule.id));
  return effective.rules.map((rule) => {
    const override = Object.hasOwn(overrides.rules, rule.id) ? overrides.rules[rule.id] : undefined;
    const phrases: ApiRule['phrases'] = {};
    for (const locale of LOCALES) {
      const list = rule.conditions.phrases[locale] ?? [];
      const added = custom.has(rule.id) ? [] : override?.phrasesAdded?.[locale] ?? [];
      const removed = custom.has(rule.id) ? [] : override?.phrasesRemoved?.[locale] ?? [];
      if (list.length + added.length + removed.length > 0) phrases[locale] = { phrases: [...list], added: [...added], removed: [...removed] };
    }
    return {
      id: rule.id, name: rule.name, description: rule.description, enabled: rule.enabled,
      enabledByDefault: defaults.get(rule.id)?.enabled ?? true,
      phrases, patterns: [...rule.conditions.patterns], threshold: effective.thresholds.minConfidence,
      customized: custom.has(rule.id) || (override !== undefined && Object.keys(override).length > 0),
      phraseRole: rule.conditions.phraseRole,
    };
  });
}

function checkPatterns(patterns: readonly string[]): Problem[] {
  const problems: Problem[] = patterns.flatMap((pattern, index): Problem[] => {
    const check = compileRulePattern(pattern);
    if (check.ok) return [];
    const code = pattern.length > 256 ? 'too_long' : /not supported/.test(check.message) ? 'unsupported_regex' : 'invalid_regex';
    return [{ path: `patterns[${index}]`, code, message: `Pattern ${index + 1}: ${check.message}` }];
  });
  if (patterns.length > MAX_PATTERNS) problems.push({ path: 'patterns', code: 'too_many', message: `A rule can have at most ${MAX_PATTERNS} patterns.` });
  return problems;
}

function without(list: readonly string[] | undefined, key: string): string[] {
  return (list ?? []).filter((phrase) => phraseKey(phrase) !== key);
}

/** Adds and removes phrases of one locale; returns problems for empty, duplicate or unknown phrases. */
function editPhrases(rule: Rule, locale: Locale, edit: { add?: string[] | undefined; remove?: string[] | undefined }, target: { added: string[]; removed: string[]; own: string[] }, custom: boolean): Problem[] {
  const problems: Problem[] = [];
  const effective = new Set((rule.conditions.phrases[locale] ?? []).map(phraseKey));
  (edit.remove ?? []).forEach((phrase, index) => {
    const key = phraseKey(phrase);
    if (!effective.has(key)) { problems.push({ path: `phrases.${locale}.remove[${index}]`, code: 'unknown_phrase', message: `"${phrase}" is not a phrase of this rule, so it cannot be removed.` }); return; }
    effective.delete(key);
    if (custom) target.own = without(target.own, key);
    else if (target.added.some((added) => phraseKey(added) === key)) target.added = without(target.added, key);
    else target.removed.push(phrase.trim());
  });
  (edit.add ?? []).forEach((phrase, index) => {
    const key = phraseKey(phrase);
    const path = `phrases.${locale}.add[${index}]`;
    if (key === '') { problems.push({ path, code: 'empty_phrase', message: 'A phrase needs at least one letter or digit.' }); return; }
    if (phrase.trim().length > MAX_PHRASE) { problems.push({ path, code: 'too_long', message: `"${phrase.slice(0, 20)}…" is longer than ${MAX_PHRASE} characters.` }); return; }
    if (effective.has(key)) { problems.push({ path, code: 'duplicate_phrase', message: `"${phrase}" is already a phrase of this rule.` }); return; }
    effective.add(key);
    if (custom) target.own.push(phrase.trim());
    else if (target.removed.some((removed) => phraseKey(removed) === key)) target.removed = without(target.removed, key);
    else target.added.push(phrase.trim());
  });
  return problems;
}

export type RulePatchOutcome = { ok: true; overrides: RuleOverrides } | { ok: false; notFound: boolean; problems: Problem[] };

/** Applies a PATCH to the portal's overrides; nothing changes when there is a problem. */
export function applyRulePatch(overrides: RuleOverrides, ruleId: string, patch: RulePatch): RulePatchOutcome {
  const effective = resolveRules(DEFAULT_RULE_PACK, overrides);
  const rule = effective.rules.find((candidate) => candidate.id === ruleId);
  if (!rule) return { ok: false, notFound: true, problems: [] };
  const customIndex = overrides.customRules.findIndex((candidate) => candidate.id === ruleId);
  const custom = customIndex >= 0;
  const problems: Problem[] = [];
  if (patch.threshold !== undefined && patch.threshold !== effective.thresholds.minConfidence) {
    problems.push({ path: 'threshold', code: 'out_of_range', message: `Every rule uses the portal-wide confidence threshold of ${effective.thresholds.minConfidence}; a threshold for one rule is not available yet.` });
  }
  if (patch.patterns !== undefined) problems.push(...checkPatterns(patch.patterns));

  const override: RuleOverride = structuredClone(Object.hasOwn(overrides.rules, ruleId) ? overrides.rules[ruleId] ?? {} : {});
  const customRule: Rule | undefined = custom ? structuredClone(overrides.customRules[customIndex]) : undefined;
  for (const locale of LOCALES) {
    const edit = patch.phrases?.[locale];
    if (edit === undefined) continue;
    const target = { added: [...(override.phrasesAdded?.[locale] ?? [])], removed: [...(override.phrasesRemoved?.[locale] ?? [])], own: [...(customRule?.conditions.phrases[locale] ?? [])] };
    problems.push(...editPhrases(rule, locale, edit, target, custom));
    if (customRule) customRule.conditions.phrases[locale] = target.own;
    else {
      override.phrasesAdded = { ...override.phrasesAdded, [locale]: target.added };
      override.phrasesRemoved = { ...override.phrasesRemoved, [locale]: target.removed };
    }
  }
  if (problems.length > 0) return { ok: false, notFound: false, problems };

  if (customRule) {
    if (patch.enabled !== undefined) customRule.enabled = patch.enabled;
    if (patch.patterns !== undefined) customRule.conditions.patterns = [...patch.patterns];
    const customRules = overrides.customRules.map((candidate, index) => (index === customIndex ? customRule : candidate));
    return { ok: true, overrides: { ...overrides, customRules } };
  }
  if (patch.enabled !== undefined) override.enabled = patch.enabled;
  // Default rules have no patterns of their own, so the portal's patterns are the rule's patterns.
  if (patch.patterns !== undefined) override.patternsAdded = [...patch.patterns];
  return { ok: true, overrides: { ...overrides, rules: { ...overrides.rules, [ruleId]: override } } };
}
