/**
 * Property (RELIABILITY.md rows 32–33, issue 8 item 4): the four renderers never throw and never
 * emit a live tag or an unsafe (`javascript:`, `data:`, non-loopback http) link, whatever Unicode
 * is in every card field — emoji, ZWJ sequences, bidi overrides, combining marks, lone
 * surrogates, NUL and control characters, markup and template syntax.
 */
import fc from 'fast-check';
import type { Card } from '../../src/cards/card.ts';
import { escapeHtml } from '../../src/cards/escape.ts';
import { renderNoteBody } from '../../src/cards/render-note.ts';
import { renderTaskBodyAppendix } from '../../src/cards/render-task-body.ts';
import { renderAppEventProperties, renderTimelineEvent } from '../../src/cards/render-timeline.ts';
import { LENS_IDS } from '../../src/questions/lenses.ts';
import { BANKS, LOCALES } from '../../src/questions/locale.ts';
import { createTemplateRenderer } from '../../src/sandbox/pages/render-template.ts';
import { collapsed, displayedText } from '../helpers/displayed-text.ts';

const FRAGMENTS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=x>', "'", '`', 'javascript:alert(1)',
  '[x](javascript:alert(1))', '{{constructor}}', '{{{raw}}}', '</p><a href="javascript:x">', '&lt;', '\u0000', '\u202E', '\u2066', '\u2028',
  '👨‍👩‍👧‍👦', '🏳️‍🌈', 'e\u0301\u0308', '\uD800', '\uDFFF', '\r\n', '<!--', ']]>', '\\', '$&'];
const text = fc.array(fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(...FRAGMENTS),
  fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), // lone surrogates included
), { maxLength: 8 }).map((parts) => parts.join(''));
const url = fc.oneof(text, fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:x', 'java\tscript:x', 'data:text/html,<script>x</script>',
  'vbscript:x', 'http://evil.example/x', 'https://a.example/f?x="><script>', 'http://localhost:3000/settings#rule-x', 'https://app.example.com/s/(a)'),
text.map((rest) => `https://app.example.com/${rest}`), text.map((rest) => `javascript:${rest}`));
const question = fc.record({ templateId: text, lens: fc.constantFrom(...LENS_IDS), text, facts: fc.array(text, { maxLength: 3 }) });
const card: fc.Arbitrary<Card> = fc.record({
  locale: fc.constantFrom(...LOCALES),
  headline: fc.record({ templateId: text, text }),
  questions: fc.array(question, { maxLength: 4 }),
  why: fc.record({ facts: fc.array(text, { maxLength: 3 }), missing: fc.array(text, { maxLength: 3 }), text }),
  ruleId: fc.oneof(text, fc.constantFrom('generic-follow-up', 'a', '0-x')), ruleName: text, manageRuleUrl: url,
  feedbackLinks: fc.record({ helpful: url, notHelpful: url, snooze: url }), taskSubject: text,
}, { requiredKeys: ['locale', 'headline', 'questions', 'why'] });

/** https, or http on loopback (the sandbox): what `safeUrl` lets through. */
function isSafeLink(value: string): boolean {
  let parsed: URL;
  try { parsed = new URL(value); } catch { return false; }
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(parsed.hostname));
}
const NOTE_TAG = /<(\/?)([^\s>/]*)([^>]*)>/g;
const RUNS = { numRuns: 400 };

test('when a card holds arbitrary Unicode in every field, then the note body has only its own tags and only safe links', () => {
  fc.assert(fc.property(card, (value) => {
    const html = renderNoteBody(value);
    for (const [, , name, attributes] of html.matchAll(NOTE_TAG)) {
      expect(['p', 'strong', 'ul', 'li', 'em', 'a', 'br', 'bdi']).toContain(name);
      if (name === 'a' && attributes !== '') {
        const [, href] = /^ href="([^"]*)" rel="noopener noreferrer"$/.exec(attributes ?? '') ?? [];
        expect(href !== undefined && isSafeLink(href.replaceAll('&amp;', '&'))).toBe(true);
      } else {
        expect(attributes ?? '').toBe('');
      }
    }
    // Outside our tags, no raw angle bracket or quote survives.
    expect(html.replace(NOTE_TAG, '')).not.toMatch(/[<>"]/);
  }), RUNS);
});

test('when a card holds arbitrary Unicode in every field, then every timeline token is Markdown- and Handlebars-inert and every link is safe', () => {
  fc.assert(fc.property(card, (value) => {
    const { tokens, extraData } = renderTimelineEvent(value);
    const texts = [...Object.values(tokens), ...extraData.questions.map((q) => q.text), ...(extraData.feedback ?? []).map((f) => f.label),
      ...(extraData.rule ? [extraData.rule.text, extraData.rule.label ?? ''] : [])];
    // `& < > " ' ` =` are left to the template's `{{token}}`, which HTML-escapes them.
    for (const token of texts) expect(token).not.toMatch(/(?<!\\)[[\]*_{}()]|(?<!\\):/);
    for (const link of [...(extraData.feedback ?? []).map((f) => f.url), ...(extraData.rule?.url === undefined ? [] : [extraData.rule.url])]) {
      expect(isSafeLink(link)).toBe(true);
      expect(link).not.toMatch(/[()\s<>"'`\\{}]/);
    }
  }), RUNS);
});

test('when a card holds arbitrary Unicode in every field, then app-event properties are escaped strings and their URLs safe', () => {
  fc.assert(fc.property(card, fc.oneof(text, fc.constantFrom('Zx-9_Qa0bC1dE2fG3hI4jK5lM6nO7pQ8', '_')), (value, cardId) => {
    const properties = renderAppEventProperties(value, { cardId });
    for (const [name, property] of Object.entries(properties)) {
      expect(typeof property).toBe('string');
      if (name.endsWith('Url')) expect(isSafeLink(property)).toBe(true);
      // Ids go out verbatim, so only ones with nothing but id characters go out at all.
      else if (name === 'cardId') expect(property).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
      else if (name === 'ruleId') expect(property).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      else if (name !== 'primaryLens') expect(property).not.toMatch(/(?<!\\)[{}[\]*_()]|(?<!\\):/);
    }
  }), RUNS);
});

test('when a card holds arbitrary Unicode in every field, then the task-body appendix keeps its lines, its links are safe, and the escaped form has no tag', () => {
  fc.assert(fc.property(card, (value) => {
    const appendix = renderTaskBodyAppendix(value);
    const lines = appendix.split('\n');
    const base = 3 + value.questions.length + (value.ruleId === undefined ? 0 : 1); // rule, headline, questions, why (+ rule line)
    expect([base, base + 1]).toContain(lines.length);
    const ui = BANKS[value.locale].ui;
    for (const part of lines.length > base ? (lines.at(-1) ?? '').split(' | ') : []) {
      const label = [ui.helpful, ui.notHelpful, ui.snooze].find((candidate) => part.startsWith(`${candidate}: `));
      expect(label).toBeDefined();
      expect(isSafeLink(part.slice((label ?? '').length + 2))).toBe(true);
    }
    expect(escapeHtml(appendix)).not.toMatch(/[<>"'`]/);
  }), RUNS);
});

/** What a rep reads: control characters become spaces (as the renderers make them); lone surrogates compared as U+FFFD. */
const shown = (value: string) => collapsed(value.toWellFormed().replace(/[\p{Cc}\u2028\u2029]/gu, ' '));

test('when a card holds arbitrary Unicode in every field, then the timeline-v3 event and the app event, rendered as HubSpot renders them, show every text exactly as written', () => {
  const renderer = createTemplateRenderer();
  fc.assert(fc.property(card, (value) => {
    const { tokens } = renderTimelineEvent(value);
    const properties = renderAppEventProperties(value);
    for (const [escaped, original] of [[tokens.headline, value.headline.text], [tokens.why, value.why.text], [properties.question1, value.questions[0]?.text]]) {
      if (escaped === undefined || original === undefined) continue;
      expect(displayedText(String(renderer.render('{{value}}', { value: escaped }))).toWellFormed()).toBe(shown(Array.from(original).slice(0, 1000).join('')));
    }
  }), RUNS);
});
