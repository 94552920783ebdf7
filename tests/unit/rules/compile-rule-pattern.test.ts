import { compileRulePattern, MAX_PATTERN_LENGTH, RuleSchema } from '../../../src/rules/index.ts';

test('when a pattern is plain re2 syntax, then it is accepted, even one that backtracks in V8', () => {
  expect(compileRulePattern('^bump( the)? thread$')).toEqual({ ok: true });
  expect(compileRulePattern('(a+)+$')).toEqual({ ok: true });
});

test.each([
  ['(a)\\1', /Backreferences/],
  ['(?<x>a)\\k<x>', /Backreferences/],
  ['(?<=x)y', /Lookahead and lookbehind/],
  ['foo(?!bar)', /Lookahead and lookbehind/],
  ['foo[', /not valid: missing closing \]/],
  ['', /empty/],
  ['   ', /empty/],
  ['a*', /matches empty text/],
  ['x'.repeat(MAX_PATTERN_LENGTH + 1), /257 characters long; the limit is 256/],
])('when the pattern is %j, then it is refused with a message an admin understands', (pattern, message) => {
  const check = compileRulePattern(pattern);
  expect(check.ok).toBe(false);
  expect(check.ok ? '' : check.message).toMatch(message);
});

test('when a pattern of exactly 256 characters is saved, then it is accepted', () => {
  expect(compileRulePattern('x'.repeat(MAX_PATTERN_LENGTH))).toEqual({ ok: true });
});

test('when a rule with an unsupported pattern is parsed, then the schema reports the admin message', () => {
  const result = RuleSchema.safeParse({ id: 'mine', name: 'Mine', description: 'Mine.', enabled: true, version: 1, conditions: { patterns: ['(a)\\1'] } });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.message).toMatch(/Backreferences/);
});
