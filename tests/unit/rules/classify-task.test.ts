import fc from 'fast-check';
import { classifyTask, DEFAULT_RULE_PACK, resolveRules, RuleOverridesSchema, TRUNCATED_NOTE } from '../../../src/rules/index.ts';
import type { EffectiveRules, RuleOverrides, TaskPrompt } from '../../../src/rules/index.ts';

const rules = resolveRules(DEFAULT_RULE_PACK);
const classify = (input: TaskPrompt, effective: EffectiveRules = rules) => classifyTask(input, effective);
const withOverrides = (input: unknown): EffectiveRules => resolveRules(DEFAULT_RULE_PACK, RuleOverridesSchema.parse(input) as RuleOverrides);
// What the rules themselves make of a prompt, without the trained scorer (tested in generic-scorer.test.ts).
const rulesOnly = withOverrides({ rules: { 'learned-generic': { enabled: false } } });
const custom = (conditions: Record<string, unknown>) => ({ customRules: [{ id: 'custom', name: 'Custom', description: 'Admin rule.', enabled: true, version: 1, conditions }] });

test.each(['Follow up', 'Check in with Jane', 'Touch base', 'Call - no answer, try again', 'Reminder: reach out', 'touch base w/ Maria 🙂', 'FOLLOW UP!!!'])(
  'when the prompt is the issue\'s robotic example %j, then it is robotic',
  (subject) => expect(classify({ subject }).robotic).toBe(true),
);

test.each(['Send Maria the revised SOW with the phased rollout', 'Ask about their ERP migration timeline', 'Follow up on the SOC2 questionnaire they sent', 'Send the HIPAA addendum their counsel asked for'])(
  'when the prompt is the issue\'s specific example %j, then it is not robotic',
  (subject) => expect(classify({ subject }).robotic).toBe(false),
);

test('when a prompt is robotic, then the result names the rule, the phrase and why', () => {
  expect(classify({ subject: 'Check in with Jane', names: ['Jane Doe'] })).toEqual({
    robotic: true,
    confidence: 0.9,
    ruleId: 'check-in',
    matched: ['check in'],
    reasons: ['Matched "check in" (Check in / touch base).', 'Nothing client-specific remains once names, dates, channels, template slots, bare pointers, punctuation, emoji and filler are removed.'],
  });
});

test('when the name is not given, then a capitalised word after "with" is taken as a name, with less confidence', () => {
  const result = classify({ subject: 'Check in with Jane' });
  expect(result).toMatchObject({ robotic: true, confidence: 0.85 });
  expect(result.reasons).toContain('Took "Jane" to be a name.');
});

test('when a lowercase word follows "with" at the end, then it is taken as a name; elsewhere it stays specific', () => {
  expect(classify({ subject: 'touch base with maria' }).robotic).toBe(true);
  expect(classify({ subject: 'touch base with maria about sso' }).robotic).toBe(false);
  expect(classify({ subject: 'touch base about sso' }).robotic).toBe(false);
  expect(classify({ subject: 'touch base maria' }, rulesOnly).robotic).toBe(false);
  expect(classify({ subject: 'maria', body: 'touch base' }, rulesOnly).robotic).toBe(false);
});

test('when more than three capitalised words follow a verb, then only three are taken as a name', () => {
  expect(classify({ subject: 'Call Anna Maria Lopez Garcia' }, rulesOnly).reasons[0]).toBe('Specific content remains besides "call": "Garcia".');
});

test('when the subject is generic but the body specific, then it is specific; with a boilerplate body it is robotic', () => {
  expect(classify({ subject: 'Follow up', body: '<p>Ask whether the scanners arrived</p>' })).toMatchObject({ robotic: false, confidence: 0.85 });
  const boiler = classify({ subject: 'Follow up', body: '<p>Sequence step 3</p><p>Task created by workflow "Nurture"</p>', origin: 'sequence' });
  expect(boiler).toMatchObject({ robotic: true, confidence: 0.95 });
  expect(boiler.reasons).toContain('Ignored boilerplate in the body: "Sequence step 3", "Task created by workflow Nurture".');
});

test('when the subject is empty and the body specific, or the subject specific and the body empty, then it is specific', () => {
  expect(classify({ subject: '', body: 'Confirm headcount for the Denver rollout' }).robotic).toBe(false);
  expect(classify({ subject: 'Send the revised quote with the 3-year discount', body: '' }).robotic).toBe(false);
});

test('when a word is one typo away from a rule word, then it is read as that word, with less confidence', () => {
  const result = classify({ subject: 'folow up' });
  expect(result).toMatchObject({ robotic: true, confidence: 0.8 });
  expect(result.reasons).toContain('Read "folow" as "follow" (typo).');
  expect(classify({ subject: 'follwo up' }).robotic).toBe(true);
  expect(classify({ subject: 'nachfasen' }).robotic).toBe(true);
  expect(classify({ subject: 'follow upp please about the ssso thing' }).robotic).toBe(false);
});

test('when a specific purpose word is mentioned, then no default rule applies', () => {
  expect(classify({ subject: 'Check in on security' })).toMatchObject({ robotic: false, confidence: 0.95, reasons: ['Mentions "security", which marks a specific purpose.', 'Specific content: "Check security".'] });
  expect(classify({ subject: 'check in on Security' }).robotic).toBe(false);
  expect(classify({ subject: 'Follow up on security' }).reasons).toEqual(['Mentions "security", which marks a specific purpose.', 'Specific content: "Follow security".']);
});

test('when there is no contact verb, then it is not robotic and says so', () => {
  const strict = withOverrides({ rules: { 'nothing-specific': { enabled: false } } });
  expect(classify({ subject: 'Maria Johnson', names: ['Maria Johnson'] }, strict)).toMatchObject({ robotic: false, confidence: 0.6, reasons: ['No contact verb such as "follow up", "check in" or "call" was found.'] });
  expect(classify({ subject: 'Maria Johnson', names: ['Maria Johnson'] })).toMatchObject({ robotic: true, ruleId: 'nothing-specific', confidence: 0.75 });
  expect(classify({ subject: 'Scanner Task' }).reasons).toEqual(['No contact verb was found, and specific content remains: "Scanner".']);
});

test('when a call task holds only a name or a template token, then the bare-task rule makes it robotic', () => {
  expect(classify({ subject: 'Maria Johnson', names: ['Maria Johnson'], type: 'CALL' })).toMatchObject({ robotic: true, ruleId: 'bare-contact-task', confidence: 0.75 });
  expect(classify({ subject: '{{contact.firstname}}', type: 'call' })).toMatchObject({ robotic: true, ruleId: 'bare-contact-task' });
  expect(classify({ subject: '{{contact.firstname}}', type: 'TODO' })).toMatchObject({ robotic: true, ruleId: 'template-slots', confidence: 0.75 });
  expect(classify({ subject: '{{contact.firstname}}', type: 'TODO' }).reasons[0]).toBe('The rule “Unfilled template” applies: only unfilled template slots were there.');
});

test('when the subject and body are empty, then the verdict is "not robotic: empty"', () => {
  for (const input of [{ subject: '' }, { subject: '  🙂 ... ', body: '<p><br></p>' }, { subject: '\u0000\u202E' }]) {
    expect(classify(input)).toEqual({ robotic: false, confidence: 0.99, ruleId: null, matched: [], reasons: ['The prompt is empty: no subject or body text to judge.'] });
  }
});

test('when a locale is given, then phrases of every language still apply, since reps write tasks in several', () => {
  expect(classify({ subject: 'Nachfassen', locale: 'de-DE' }).robotic).toBe(true);
  expect(classify({ subject: 'Nachfassen', locale: 'en' }).robotic).toBe(true);
  expect(classify({ subject: 'Ricontattare Mateo', locale: 'fr', names: ['Mateo'] }).robotic).toBe(true);
  expect(classify({ subject: 'Nachfassen', locale: 'xx' }).robotic).toBe(true);
});

test.each([
  ['Follow up now', 'Automated task created by sequence step.'],
  ['Check in with Chloe', 'Follow up on previous email.'],
  ['Touch base', 'Check in and see where things stand.'],
  ['Follow up', '<p>Hi {{contact.firstname}}, just wanted to follow up on my previous note. Let me know if you have any questions!</p>'],
  ['Richiamare', 'Nessuna risposta, lasciato messaggio in segreteria.'],
  ['Nachfassen', 'Keine Rückmeldung auf die letzte E-Mail.'],
])('when a generic subject has the generic body %j / %j, then the body is judged generic and the task robotic', (subject, body) => {
  expect(classify({ subject, body }).robotic).toBe(true);
});

test('when a generic body mentions something concrete, then the task is specific', () => {
  expect(classify({ subject: 'Follow up', body: 'Follow up on previous email about the Denver rollout.' }).robotic).toBe(false);
  expect(classify({ subject: 'Check in', body: 'See where things stand with the scanners.' }).robotic).toBe(false);
});

test('when the body ends in a signature, then the signature is ignored; a long tail after a sign-off is not a signature', () => {
  const signed = classify({ subject: 'Follow up', body: '<p>Circling back.</p><p>Best,<br>Maya Patel<br>Sales Development Representative | Northpeak Inc.</p>' });
  expect(signed.robotic).toBe(true);
  expect(signed.reasons).toContain('Ignored the signature at the end of the body.');
  expect(classify({ subject: 'Follow up', body: 'Circling back.\n--\nMaya Patel\n+1 415 555 0134' }).robotic).toBe(true);
  expect(classify({ subject: 'Follow up', body: 'Thanks!\nAsk if the Denver site went live' }).robotic).toBe(false);
  expect(classify({ subject: 'Follow up', body: 'Ok.\nThanks,\n' + 'Ask about the Denver site\n'.repeat(7) }).robotic).toBe(false);
  expect(classify({ subject: 'Follow up', body: 'Ok.\nThanks,\nAsk whether the Denver site went live and who signs off the extra scanners' }).robotic).toBe(false);
  expect(classify({ subject: '', body: 'Hi.\nBest,\nSam' })).toMatchObject({ robotic: true, ruleId: 'nothing-specific' });
});

test('when a given name holds a purpose word, then it is a name only where the whole name is written', () => {
  const names = ['Umbra Security', 'Ezra', 'Stone', 'Acme – Renewal 2025'];
  expect(classify({ subject: 'Circle back with Umbra Security', names }).robotic).toBe(true);
  expect(classify({ subject: 'Circle back with Umbra Security' }).robotic).toBe(false);
  expect(classify({ subject: 'Follow up on security', names }).robotic).toBe(false);
  expect(classify({ subject: 'Follow up on renewal', names }).robotic).toBe(true);
});

test('when a rule is disabled or a phrase removed, then prompts that needed it are no longer robotic', () => {
  expect(classify({ subject: 'Follow up' }, withOverrides({ rules: { 'follow-up': { enabled: false } } })).robotic).toBe(false);
  expect(classify({ subject: 'Touch base' }, withOverrides({ rules: { 'check-in': { phrasesRemoved: { en: ['touch base'] } } } })).robotic).toBe(false);
  expect(classify({ subject: 'Wave hello' }, withOverrides({ rules: { 'check-in': { phrasesAdded: { en: ['wave hello'] } } } })).robotic).toBe(true);
});

test('when the portal allows one specific word, then one leftover word is tolerated with less confidence, exclusions still win', () => {
  const lenient = withOverrides({ thresholds: { maxSpecificWords: 1 } });
  const result = classify({ subject: 'Follow up re widgets' }, lenient);
  expect(result).toMatchObject({ robotic: true, confidence: 0.75 });
  expect(result.reasons[1]).toBe('Allowed 1 specific word(s): "widgets".');
  expect(classify({ subject: 'Follow up re security' }, lenient).robotic).toBe(false);
  expect(classify({ subject: 'Follow up re blue widgets' }, lenient)).toMatchObject({ robotic: false, confidence: 0.85 });
});

test('when the confidence is below the portal threshold, then it is not robotic and says why', () => {
  const strict = withOverrides({ thresholds: { minConfidence: 0.85 } });
  expect(classify({ subject: 'folow up' }, strict)).toMatchObject({ robotic: false, confidence: 0.2, ruleId: null });
  expect(classify({ subject: 'folow up' }, strict).reasons[0]).toBe('Matched "follow up" (Generic follow-up). Confidence 0.8 is below the portal\'s threshold of 0.85.');
  expect(classify({ subject: 'Follow up' }, strict).robotic).toBe(true);
});

test('when an admin rule has a pattern, then the words it covers count as the contact verb', () => {
  const effective = withOverrides(custom({ patterns: ['^wave( again)?$', 'hi+ there'] }));
  expect(classify({ subject: 'Wave again!' }, effective)).toMatchObject({ robotic: true, ruleId: 'custom', matched: ['^wave( again)?$'] });
  expect(classify({ subject: 'Hiii there, Jane', names: ['Jane'] }, effective).robotic).toBe(true);
  expect(classify({ subject: 'Wave at the booth' }, effective).robotic).toBe(false);
});

test('when a rule is limited to an origin or a task type, then it applies only there', () => {
  const effective = withOverrides(custom({ phrases: { en: ['wave'] }, origins: ['sequence'], taskTypes: ['CALL'] }));
  expect(classify({ subject: 'Wave', origin: 'sequence', type: 'CALL' }, effective).robotic).toBe(true);
  expect(classify({ subject: 'Wave', origin: 'manual', type: 'CALL' }, effective).robotic).toBe(false);
  expect(classify({ subject: 'Wave', origin: 'sequence', type: 'EMAIL' }, effective).robotic).toBe(false);
});

test('when a custom rule has a phrase with no letters, then that phrase is ignored', () => {
  const effective = withOverrides(custom({ phrases: { en: ['!!!', 'wave'] } }));
  expect(classify({ subject: '!!!' }, effective).robotic).toBe(false);
  expect(classify({ subject: 'Wave!!!' }, effective).robotic).toBe(true);
});

test('when a portal marks a filler word as an exclusion, then the mention alone makes the prompt specific', () => {
  const effective = withOverrides({ rules: { 'follow-up': { exclusionsAdded: { en: ['tomorrow'] } } } });
  expect(classify({ subject: 'Tomorrow!' }, effective)).toMatchObject({ robotic: false, reasons: ['Mentions "tomorrow", which marks a specific purpose.'] });
  expect(classify({ subject: 'Follow up tomorrow' }, effective).reasons).toEqual(['Mentions "tomorrow", which marks a specific purpose.', 'Specific content: "Follow".']);
});

test('when hand-built rules carry a pattern that does not compile or a phrase without words, then they are skipped rather than thrown', () => {
  const base = resolveRules(DEFAULT_RULE_PACK);
  const broken: EffectiveRules = { ...base, rules: base.rules.map((rule) => ({ ...rule, conditions: { ...rule.conditions, patterns: ['(a)\\1'], phrases: { ...rule.conditions.phrases, en: ['!!!', ...(rule.conditions.phrases.en ?? [])] } } })) };
  expect(classify({ subject: 'Follow up' }, broken).robotic).toBe(true);
});

test('when a body is 64k characters, then only the first 10,000 are judged and the answer says so', () => {
  const result = classify({ subject: 'Follow up', body: 'follow up '.repeat(6_554) });
  expect(result.robotic).toBe(true);
  expect(result.reasons).toContain('Judged only the first 10,000 characters of a long subject or body.');
});

test('when the caller already cut the prompt (the CRM reader keeps 10,000 characters), then the answer says so all the same', () => {
  const body = 'Ask Oliver about the audit scope '.repeat(300).slice(0, 10_000);
  expect(classify({ subject: 'Follow up', body }).reasons).not.toContain(TRUNCATED_NOTE);
  expect(classify({ subject: 'Follow up', body, truncated: false }).reasons).not.toContain(TRUNCATED_NOTE);
  expect(classify({ subject: 'Follow up', body, truncated: true }).reasons).toContain(TRUNCATED_NOTE);
  expect(classify({ subject: 'Follow up', truncated: true })).toMatchObject({ robotic: true, reasons: expect.arrayContaining([TRUNCATED_NOTE]) });
});

test('when fields are not strings or the input is missing, then a verdict is still given', () => {
  const odd = { subject: 42, body: null, type: {}, names: 'Jane', locale: 7 } as unknown as TaskPrompt;
  expect(classify(odd).robotic).toBe(false);
  expect(classify(null as unknown as TaskPrompt).reasons[0]).toMatch(/empty/);
  expect(classify({ subject: 'Call Jane', names: ['Jane', 3 as unknown as string] }).robotic).toBe(true);
});

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom('', '\u0000', '\uD800', '\uDC00follow up', '\u202Efollow up\u202C', '<p', '&#x110000;', '{{', '[Name', 'follow up '.repeat(7_000), 'x'.repeat(65_536)),
);

test('when any string reaches any field, then classifyTask never throws and returns a well-formed verdict', () => {
  fc.assert(
    fc.property(hostile, fc.option(hostile), fc.option(hostile), fc.option(fc.array(hostile, { maxLength: 3 })), (subject, body, type, names) => {
      const result = classify({ subject, body: body ?? undefined, type: type ?? undefined, names: names ?? undefined, locale: type ?? undefined });
      expect(typeof result.robotic).toBe('boolean');
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(result.reasons.length).toBeGreaterThan(0);
      expect(result.robotic ? typeof result.ruleId : result.ruleId).toBe(result.robotic ? 'string' : null);
    }),
    { numRuns: 300 },
  );
});
