/** The rule engine: recognises robotic task prompts. Pure: no I/O, no clock, no env. */
export { classifyTask } from './classify-task.ts';
export { compileRulePattern, MAX_PATTERN_LENGTH } from './compile-rule-pattern.ts';
export type { PatternCheck } from './compile-rule-pattern.ts';
export { DEFAULT_RULE_PACK } from './default-rule-pack.ts';
export { TRUNCATED_NOTE } from './decide-verdict.ts';
export { ENGINE_VERSION, resolveRules } from './resolve-rules.ts';
export { taskOriginFromProperties } from './task-origin.ts';
export {
  DEFAULT_THRESHOLDS,
  LOCALES,
  RuleOverridesSchema,
  RuleOverrideSchema,
  RulePatternSchema,
  RuleSchema,
  TASK_ORIGINS,
  TASK_TYPES,
  TaskOriginSchema,
  TaskTypeSchema,
  ThresholdsSchema,
} from './rule-schema.ts';
export type { Classification, EffectiveRules, Locale, PhrasesByLocale, Rule, RuleOverride, RuleOverrides, TaskOrigin, TaskPrompt, TaskType, Thresholds } from './rule-schema.ts';
