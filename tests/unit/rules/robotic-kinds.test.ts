import { classifyTask, DEFAULT_RULE_PACK, resolveRules, RuleOverridesSchema } from '../../../src/rules/index.ts';
import { withinOneEdit } from '../../../src/rules/mark-tokens.ts';
import type { EffectiveRules, TaskPrompt } from '../../../src/rules/index.ts';

const rules = resolveRules(DEFAULT_RULE_PACK);
const classify = (input: TaskPrompt, effective: EffectiveRules = rules) => classifyTask(input, effective);
const without = (...ids: string[]): EffectiveRules => resolveRules(DEFAULT_RULE_PACK, RuleOverridesSchema.parse({ rules: Object.fromEntries(ids.map((id) => [id, { enabled: false }])) }));

// The kinds of issue 13, with the examples written for it.
test.each([
  ['Follow up re: the SOW', 'pointer-follow-up'],
  ['Touch base about the pilot', 'pointer-follow-up'],
  ['Chase the order form', 'pointer-follow-up'],
  ['Ping them about the trial', 'pointer-follow-up'],
  ['Circle back on the pricing deck', 'pointer-follow-up'],
  ['Send a quick intro', 'reach-out'],
  ['Do a courtesy check-in', 'check-in'],
  ['Move our call to Thursday', 'meeting-no-agenda'],
  ['Try her again, voicemail full', 'call-again'],
  ['Reminder email', 'reminder'],
  ['Drop them a note', 'reach-out'],
  ['Reply to his email', 'reach-out'],
  ['Gentle nudge', 'follow-up'],
  ['See whether they need anything else', 'topicless-question'],
  ['Ask if the team has further thoughts', 'topicless-question'],
  ['Grab breakfast sometime?', 'topicless-invitation'],
  ['Visit their office when I\'m in Denver', 'topicless-invitation'],
  ['{{company.name}}', 'template-slots'],
  ['<<Account>>', 'template-slots'],
  ['*|FNAME|* {!Contact.Name} %%first_name%%', 'template-slots'],
  ['%DAYS% days since last reply', 'reach-out'],
  ['Step 3: email → ACME', 'email-again'],
  ['Work the Globex account', 'vague-work'],
  ['Progress open items', 'vague-work'],
  ['More info needed on the opportunity', 'pointer-follow-up'],
  ['Send info', 'pointer-follow-up'],
  ['Thank you + summary', 'pointer-follow-up'],
  ['Deadline!', 'nothing-specific'],
  ['Need a price: urgent', 'pointer-follow-up'],
  ['Call - Gemini Furniture - followup on the proposal', 'pointer-follow-up'],
  ['[Follow up] proposal — Qonto', 'pointer-follow-up'],
  ['Follow-up for Brian Buyer', 'follow-up'],
  ['Chase the signed paperwork', 'pointer-follow-up'],
])('when the prompt is the generic %j, then it is robotic under %s', (subject, ruleId) => {
  expect(classify({ subject })).toMatchObject({ robotic: true, ruleId });
});

test.each([
  'Send the HIPAA addendum their counsel asked for',
  'Walk their ops lead through the CSV import errors',
  'Wants a quote for 40 extra seats before the March budget review',
  'Follow up on the SSO clause in the order form',
  'Email the SOC 2 report',
  'Visit the Denver plant to see the new packaging line',
  'Confirm whether procurement needs a W-9',
  'Angebot für Phase 2 an Maria schicken',
  'Ask Priya whether legal signed off on the DPA redlines',
  'Follow up: champion left the company, find the new sponsor',
])('when the prompt is the specific %j, then it is not robotic', (subject) => {
  expect(classify({ subject }).robotic).toBe(false);
});

test('when a pointer made the verdict, then the reasons say the noun only points at something earlier, with less confidence', () => {
  const result = classify({ subject: 'Follow up on the proposal' });
  expect(result).toMatchObject({ robotic: true, ruleId: 'pointer-follow-up', confidence: 0.85, matched: ['follow up', 'proposal'] });
  expect(result.reasons.slice(0, 2)).toEqual(['Matched "follow up" (Generic follow-up).', '"proposal" only points at something earlier and says nothing about the client (Bare pointer to an earlier artifact).']);
});

test('when the pointer rule is switched off, then a pointer counts as specific content again', () => {
  expect(classify({ subject: 'Follow up on the proposal' }, without('pointer-follow-up'))).toMatchObject({ robotic: false, reasons: ['Specific content remains besides "follow up": "proposal".'] });
  expect(classify({ subject: 'Follow up' }, without('pointer-follow-up')).robotic).toBe(true);
});

test('when the action rule is switched off, then its pointer alone makes nothing robotic', () => {
  expect(classify({ subject: 'Follow up on the proposal' }, without('follow-up')).robotic).toBe(false);
  expect(classify({ subject: 'The proposal' })).toMatchObject({ robotic: true, ruleId: 'pointer-follow-up' });
  expect(classify({ subject: 'The proposal' }, without('nothing-specific')).robotic).toBe(false);
});

test('when a call task holds only a pointer, then it is robotic and the pointer rule is credited', () => {
  expect(classify({ subject: 'Proposal', type: 'CALL' })).toMatchObject({ robotic: true, ruleId: 'pointer-follow-up' });
  expect(classify({ subject: 'Jane', names: ['Jane'], type: 'CALL' }).ruleId).toBe('bare-contact-task');
});

test('when the template rule is switched off, then a prompt of slots only is not robotic', () => {
  expect(classify({ subject: '[First Name]' }, without('template-slots')).robotic).toBe(false);
  expect(classify({ subject: '[First Name] follow up' }, without('template-slots')).ruleId).toBe('follow-up');
  expect(classify({ subject: '[…] follow up' })).toMatchObject({ robotic: true, ruleId: 'follow-up' });
  expect(classify({ subject: '[Follow up] the order form' })).toMatchObject({ robotic: true, ruleId: 'pointer-follow-up' });
});

test('when a word differs from a rule word only by a last letter, then it is another word, not a typo', () => {
  expect(classify({ subject: 'Workshop-Agenda mit Frau Schulz abstimmen' }).robotic).toBe(false);
  expect(classify({ subject: 'nachfasen' }).reasons).toContain('Read "nachfasen" as "nachfassen" (typo).');
});

test('when a capitalised word follows "in", then it is a place; an acronym there may be a system and stays content', () => {
  expect(classify({ subject: 'Coffee when I am in Lisbon' })).toMatchObject({ robotic: true, ruleId: 'topicless-invitation' });
  expect(classify({ subject: 'Check in on the rollout in SAP' }).robotic).toBe(false);
});

test('when two words are compared for a typo, then one insertion, deletion, substitution or swap is within one edit', () => {
  expect([withinOneEdit('follow', 'follows'), withinOneEdit('follows', 'follow'), withinOneEdit('folow', 'follow'), withinOneEdit('fllow', 'follow')]).toEqual([true, true, true, true]);
  expect([withinOneEdit('follwo', 'follow'), withinOneEdit('follow', 'fellow'), withinOneEdit('follow', 'fallen'), withinOneEdit('follow', 'followed')]).toEqual([true, true, false, false]);
});
