import fc from 'fast-check';
import { checkText, passes, URGENCY_WORDS } from '../../../src/questions/guardrails.ts';

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

describe('passes (the composer\'s fast check)', () => {
  const cases: Array<[string, Array<string | number>, number?]> = [
    [GOOD, ['Acme', 23]], ['Follow up with Acme about the proposal.', ['Acme']], ['What might the silence be telling you about them?', ['Acme', 23]],
    ['What might the silence be telling you about them?', []], ['What does Urgent Care Ltd need from you this month?', ['Urgent Care Ltd']],
    ['How is Nowak Logistics doing since the snow?', ['Nowak Logistics']], ['Acme needs this: now, should you call?', ['Acme']],
    ['What changed for Acme {{name}} lately?', ['Acme']], ['Acme?', ['Acme']], [`Acme ${'x'.repeat(100)}?`, ['Acme'], 50],
    ['What would Acme say about the next step？', ['Acme', '']], ['What would they say about the next step here?', ['', '']],
    ['What would Acmenow say about the next step?', ['Acme']], ['What would rightAcmeaway say about the next step?', ['Acme']],
    ['What would Acme know about the snowfall here?', ['Acme', 1, 0]], ['', []],
  ];
  test.each(cases.map(([text, facts, maxLength]) => ({ text, facts, maxLength })))('when the text is "$text", then it passes exactly when checkText finds nothing', ({ text, facts, maxLength }) => {
    expect(passes(text, facts, maxLength)).toBe(checkText(text, facts, maxLength).length === 0);
  });

  test('when texts and facts are arbitrary, then passes agrees with checkText', () => {
    const words = fc.constantFrom(...URGENCY_WORDS, 'Acme', 'know', 'snow', 'Nowak', 'the', 'client', '?', '{{', 'null', ' ', '-', 'é', '\u{1F600}', '？');
    const text = fc.array(fc.oneof(words, fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join(''));
    const facts = fc.array(fc.oneof(fc.constantFrom('Acme', 'now', '', 'Urgent Care Ltd', 'snow'), fc.integer({ min: -2, max: 40 })), { maxLength: 4 });
    fc.assert(fc.property(text, facts, fc.integer({ min: 10, max: 320 }), (t, f, max) => passes(t, f, max) === (checkText(t, f, max).length === 0)), { numRuns: 3000 });
  });
});
