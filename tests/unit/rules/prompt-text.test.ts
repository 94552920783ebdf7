import { cleanText, foldWord, htmlToText, tokenize, truncateText } from '../../../src/rules/prompt-text.ts';

test('when a HubSpot body is HTML, then block tags become line breaks and entities decode', () => {
  expect(htmlToText('<p>Hi&nbsp;<strong>Maria</strong></p><div>Q&amp;A &#233;t&#xE9; &bogus; &#0;</div>')).toBe('\nHi  Maria \n\nQ&A été    \n');
});

test('when the text has a "<" that opens no tag, then it is kept as text', () => {
  expect(htmlToText('a < b <3 <p>c')).toBe('a < b <3 \nc');
  expect(htmlToText('if a < b > c')).toBe('if a < b > c');
});

test('when text is longer than the limit, then it is cut without splitting a surrogate pair', () => {
  expect(truncateText('abc', 5)).toEqual({ text: 'abc', truncated: false });
  expect(truncateText('ab😀d', 3)).toEqual({ text: 'ab', truncated: true });
  expect(truncateText('abcd', 3)).toEqual({ text: 'abc', truncated: true });
});

test('when words have case and accents, then they fold to one key', () => {
  expect(['Relancé', 'RELANCE', 'Straße', 'Müller'].map(foldWord)).toEqual(['relance', 'relance', 'strasse', 'muller']);
});

test('when text holds template tokens, controls and shorthand, then they are removed or expanded', () => {
  const cleaned = cleanText('F/U w/ {{contact.firstname}} [Name] {x.y} %FIRST% \u202Eok\u0000 E-Mail');
  expect(cleaned.templates).toBe(4);
  expect(tokenize(cleaned.text).map((token) => token.key)).toEqual(['follow', 'up', 'with', 'ok', 'email']);
});
