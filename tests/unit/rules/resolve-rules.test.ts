import { DEFAULT_RULE_PACK, ENGINE_VERSION, resolveRules, RuleOverridesSchema, RuleSchema } from '../../../src/rules/index.ts';

const overrides = (input: unknown) => RuleOverridesSchema.parse(input);
const base = resolveRules(DEFAULT_RULE_PACK);

test('when every default rule is parsed with RuleSchema, then it is valid and has an admin description', () => {
  for (const rule of DEFAULT_RULE_PACK) {
    expect(RuleSchema.parse(rule)).toEqual(rule);
    expect(rule.description.length).toBeGreaterThan(30);
  }
});

test('when the same defaults and overrides are resolved twice, in any key order, then rules and version are equal', () => {
  const a = overrides({ rules: { 'follow-up': { enabled: false }, ping: { enabled: true } }, thresholds: { maxSpecificWords: 1 } });
  const b = overrides({ thresholds: { maxSpecificWords: 1 }, rules: { ping: { enabled: true }, 'follow-up': { enabled: false } } });
  expect(resolveRules([...DEFAULT_RULE_PACK].reverse(), a)).toEqual(resolveRules(DEFAULT_RULE_PACK, b));
  expect(base.version).toMatch(/^[0-9a-f]{12}$/);
  expect(resolveRules(DEFAULT_RULE_PACK, overrides({})).version).toBe(base.version);
  expect(ENGINE_VERSION).toBeGreaterThanOrEqual(1);
});

test.each([
  ['a rule is toggled', { rules: { 'check-in': { enabled: false } } }],
  ['a phrase is added', { rules: { 'check-in': { phrasesAdded: { en: ['wave hello'] } } } }],
  ['a phrase is removed', { rules: { 'check-in': { phrasesRemoved: { en: ['Touch  Base'] } } } }],
  ['an exclusion is added', { rules: { 'check-in': { exclusionsAdded: { de: ['Wartung'] } } } }],
  ['an exclusion is removed', { rules: { 'check-in': { exclusionsRemoved: { en: ['security'] } } } }],
  ['a pattern is added', { rules: { 'check-in': { patternsAdded: ['^say hi$'] } } }],
  ['a threshold changes', { thresholds: { minConfidence: 0.8 } }],
  ['a custom rule is added', { customRules: [{ id: 'mine', name: 'Mine', description: 'Mine.', enabled: true, version: 1, conditions: { phrases: { en: ['wave'] } } }] }],
])('when %s, then the version changes', (_what, input) => {
  expect(resolveRules(DEFAULT_RULE_PACK, overrides(input)).version).not.toBe(base.version);
});

test('when an override adds a phrase already present or removes one absent, then the version is unchanged', () => {
  const same = overrides({ rules: { 'check-in': { phrasesAdded: { en: ['TOUCH BASE'] }, phrasesRemoved: { fr: ['nothing here'] } } } });
  expect(resolveRules(DEFAULT_RULE_PACK, same).version).toBe(base.version);
});

test('when an override names a rule that does not exist, then it is ignored', () => {
  expect(resolveRules(DEFAULT_RULE_PACK, overrides({ rules: { 'gone-rule': { enabled: false } } })).version).toBe(base.version);
});

test('when a custom rule has the id of a default rule, then it replaces it', () => {
  const replacement = { id: 'follow-up', name: 'Ours', description: 'Our follow-up.', enabled: true, version: 2, conditions: { phrases: { en: ['follow up'] } } };
  const resolved = resolveRules(DEFAULT_RULE_PACK, overrides({ customRules: [replacement] }));
  expect(resolved.rules.find((rule) => rule.id === 'follow-up')?.name).toBe('Ours');
  expect(resolved.rules.map((rule) => rule.id)).toEqual([...resolved.rules.map((rule) => rule.id)].sort());
});

test('when overrides carry __proto__, then it is dropped; unknown fields or duplicate custom ids are refused', () => {
  const parsed = RuleOverridesSchema.parse(JSON.parse('{"rules":{"__proto__":{"enabled":false}}}'));
  expect(Object.keys(parsed.rules)).toEqual([]);
  expect(resolveRules(DEFAULT_RULE_PACK, parsed).version).toBe(base.version);
  expect(RuleOverridesSchema.safeParse({ rules: { 'follow-up': { enabled: false, admin: true } } }).success).toBe(false);
  const rule = { id: 'dup', name: 'Dup', description: 'Dup.', enabled: true, version: 1, conditions: {} };
  const result = RuleOverridesSchema.safeParse({ customRules: [rule, rule] });
  expect(result.error?.issues[0]?.message).toBe('Two custom rules share the id "dup".');
  expect(({} as Record<string, unknown>)['enabled']).toBeUndefined();
});
