import { checkText, URGENCY_WORDS } from '../../../src/questions/guardrails.ts';

const GOOD = 'Acme last replied 23 days ago. What might the silence be telling you?';

test('when a question is calm, concrete and clean, then it has no violations', () => {
  expect(checkText(GOOD, ['Acme', 23])).toEqual([]);
});

test('when the text is an instruction, then it is not a question', () => {
  expect(checkText('Follow up with Acme about the proposal.', ['Acme'])).toEqual(['not-a-question']);
});

test('when facts exist but the text mentions none, then it is flagged', () => {
  expect(checkText('What might the silence be telling you about them?', ['Acme', 23])).toEqual(['no-fact']);
  expect(checkText('What might the silence be telling you about them?', [])).toEqual([]);
});

test.each(URGENCY_WORDS.map((word) => [word]))('when the wording says "%s", then it is flagged as urgency', (word) => {
  expect(checkText(`Acme needs this: ${word}, should you call?`, ['Acme'])).toContain('urgency');
});

test('when an urgency word is part of the client name or another word, then it is not flagged', () => {
  expect(checkText('What does Urgent Care Ltd need from you this month?', ['Urgent Care Ltd'])).toEqual([]);
  expect(checkText('How is Nowak Logistics doing since the snow?', ['Nowak Logistics'])).toEqual([]);
});

test.each(['{{name}}', 'undefined', 'NaN', 'null', '[object Object]', '}}'])('when "%s" leaked, then it is flagged', (leak) => {
  expect(checkText(`What changed for Acme ${leak} lately?`, ['Acme'])).toContain('placeholder');
});

test('when the text is too short or too long, then it is flagged', () => {
  expect(checkText('Acme?', ['Acme'])).toEqual(['too-short']);
  expect(checkText(`Acme ${'very '.repeat(80)}long?`, ['Acme'])).toEqual(['too-long']);
  expect(checkText(`Acme ${'x'.repeat(100)}?`, ['Acme'], 50)).toEqual(['too-long']);
});

test('when the text carries characters outside the BMP, then its length counts code points, not UTF-16 units', () => {
  const emoji = '\u{1F600}'.repeat(40); // 40 code points, 80 UTF-16 units
  expect(checkText(`Acme ${emoji}?`, ['Acme'], 50)).toEqual([]);
  expect(checkText(`Acme ${emoji}${'x'.repeat(10)}?`, ['Acme'], 50)).toEqual(['too-long']);
});
