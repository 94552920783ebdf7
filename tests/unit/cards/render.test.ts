import { composeCard } from '../../../src/cards/compose-card.ts';
import { cardTaskSubject, TASK_SUBJECT_MAX, type Card } from '../../../src/cards/card.ts';
import { renderNoteBody } from '../../../src/cards/render-note.ts';
import { renderTaskBodyAppendix } from '../../../src/cards/render-task-body.ts';
import { manageRuleUrl } from '../../../src/cards/rule-line.ts';
import { renderAppEventProperties, renderTimelineEvent, TIMELINE_EVENT_TEMPLATE } from '../../../src/cards/render-timeline.ts';
import { deriveSignals } from '../../../src/context/derive-signals.ts';
import { loadFixtures, NOW } from '../context/build-snapshot.ts';

const ATTACKS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{constructor}}', "[x](javascript:alert('y'))", '`code` **b** _i_ # h'];
const EVIL = ATTACKS.join(' ');

/** A card with an injection attempt in every field, the way a hostile CRM value could reach it. */
function evilCard(links = true): Card {
  return {
    locale: 'en',
    headline: { templateId: EVIL, text: `${EVIL}?` },
    questions: [
      { templateId: EVIL, lens: 'going-dark', text: `${EVIL} one?`, facts: [EVIL] },
      { templateId: EVIL, lens: 'calm-attentiveness', text: `${EVIL} two?`, facts: [EVIL] },
    ],
    why: { facts: [EVIL], missing: [EVIL], text: `Why this card: ${EVIL}` },
    ruleId: EVIL,
    ...(links ? { feedbackLinks: { helpful: 'https://app.example.com/f?v=1&x="><script>', notHelpful: 'javascript:alert(1)', snooze: 'https://app.example.com/s/(a)' } } : {}),
  };
}

test('when a note body is rendered, then no tag, attribute or script survives from any field', () => {
  const html = renderNoteBody(evilCard());
  expect(html).not.toMatch(/<script|<img|"><|href="javascript/i);
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  expect(html).toContain('href="https://app.example.com/f?v=1&amp;x=%22%3E%3Cscript%3E"');
  expect(html).toContain('href="https://app.example.com/s/(a)"');
  expect(html.match(/<a /g)).toHaveLength(2);
  // Only our own tags remain.
  expect([...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['p', 'strong', 'ul', 'li', 'em', 'a']));
  expect(new Set([...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]))).toEqual(new Set(['p', 'strong', 'ul', 'li', 'em', 'a']));
});

test('when no feedback links are set or none is safe, then the note has no link paragraph', () => {
  expect(renderNoteBody(evilCard(false))).not.toContain('<a ');
  const card = { ...evilCard(false), feedbackLinks: { helpful: 'javascript:x', notHelpful: 'not a url', snooze: 'ftp://x' } };
  expect(renderNoteBody(card)).not.toContain('<a ');
  expect(renderTaskBodyAppendix(card)).not.toMatch(/Helpful|Snooze/);
});

// Timeline values: Markdown punctuation is backslash-escaped; `& < > " ' ` =` are left to the template's `{{token}}`,
// which HTML-escapes them (channel-rendering.test.ts renders both templates and reads what the rep sees).
test('when timeline tokens are rendered, then every value is Markdown-inert and left for Handlebars to HTML-escape', () => {
  const { tokens, extraData } = renderTimelineEvent(evilCard());
  const values = [...Object.values(tokens), ...extraData.questions.map((q) => q.text), ...(extraData.feedback ?? []).flatMap((f) => [f.label, f.url])];
  for (const value of values) {
    expect(value).not.toMatch(/(?<!\\)[[\]*_{}()]/);
  }
  expect(tokens.headline).toContain('<script>alert\\(1\\)</script>');
  expect(tokens.headline).not.toMatch(/\\[<>"'`=&]/);
  expect(tokens.headline).toContain('\\{\\{constructor\\}\\}');
  expect(tokens.headline).toContain('\\[x\\]\\(javascript\\:alert');
  expect(extraData.feedback?.map((f) => f.url)).toEqual(['https://app.example.com/f?v=1&x=%22%3E%3Cscript%3E', 'https://app.example.com/s/%28a%29']);
  expect(Object.keys(tokens).sort()).toEqual(TIMELINE_EVENT_TEMPLATE.tokens.map((t) => t.name).sort());
});

test('when the timeline template is defined, then it only references tokens and extraData the renderer provides', () => {
  const used = [...`${TIMELINE_EVENT_TEMPLATE.headerTemplate}\n${TIMELINE_EVENT_TEMPLATE.detailTemplate}`.matchAll(/\{\{(?![#/])([^}]+)\}\}/g)].map((m) => m[1]!.trim());
  expect(used.every((name) => ['headline', 'why', 'text', 'label', 'url', 'extraData.rule.text', 'extraData.rule.label', 'extraData.rule.url'].includes(name))).toBe(true);
  expect(TIMELINE_EVENT_TEMPLATE.objectType).toBe('contacts');
});

test('when a card has no links or rule, then the timeline event has no feedback and an empty rule token', () => {
  const card = { ...evilCard(false) };
  delete card.ruleId;
  const { tokens, extraData } = renderTimelineEvent(card);
  expect(extraData.feedback).toBeUndefined();
  expect(tokens.ruleId).toBe('');
  expect(renderAppEventProperties(card).ruleId).toBeUndefined();
});

test('when app-event properties are rendered, then they are flat, escaped strings named as the app-event type declares them', () => {
  const properties = renderAppEventProperties({ ...evilCard(), taskSubject: `<b>Follow up</b> ${EVIL}` }, { cardId: 'c-1' });
  // The hostile "rule id" is not an id: it is left out rather than escaped into something else.
  expect(Object.keys(properties).sort()).toEqual(['cardId', 'headline', 'helpfulUrl', 'primaryLens', 'question1', 'question2', 'snoozeUrl', 'taskSubject', 'why']);
  for (const value of Object.values(properties)) expect(value).not.toMatch(/(?<!\\)[[\]*_{}()]|javascript:alert\(1\)$/);
  expect(properties.primaryLens).toBe('going-dark');
  expect(properties.taskSubject).toMatch(/^<b>Follow up<\/b> <script>alert\\\(1\\\)/);
});

test('when a card is rendered for the timeline, then our own ids go out verbatim, not escaped as text', () => {
  const card = ruleCard({ taskSubject: 'Follow up' });
  const properties = renderAppEventProperties(card, { cardId: 'abc-d_e' });
  expect({ cardId: properties.cardId, ruleId: properties.ruleId }).toEqual({ cardId: 'abc-d_e', ruleId: 'generic-follow-up' });
  expect(renderTimelineEvent(card).tokens.ruleId).toBe('generic-follow-up');
  // A real card id (base64url of a hash) as the worker derives it.
  expect(renderAppEventProperties(card, { cardId: 'Zx-9_Qa0bC1dE2fG3hI4jK5lM6nO7pQ8' }).cardId).toBe('Zx-9_Qa0bC1dE2fG3hI4jK5lM6nO7pQ8');
});

test('when an id does not have the shape of ours, then it is not sent at all (never escaped, never raw)', () => {
  const card = ruleCard({ ruleId: 'Follow_Up' });
  for (const cardId of ['', 'c 1', 'a<b>', '{{x}}', 'x'.repeat(129), 'é']) expect(renderAppEventProperties(card, { cardId }).cardId).toBeUndefined();
  for (const ruleId of ['Follow_Up', '-lead', 'a'.repeat(65), 'follow up', EVIL]) {
    expect(renderAppEventProperties(ruleCard({ ruleId })).ruleId).toBeUndefined();
    expect(renderTimelineEvent(ruleCard({ ruleId })).tokens.ruleId).toBe('');
  }
  // The rule line still names it, as escaped text.
  expect(renderTimelineEvent(ruleCard({ ruleId: EVIL, ruleName: EVIL })).extraData.rule?.text).toContain('<script>alert\\(1\\)');
});

test('when the card carries the task subject, then the app event shows it escaped and capped; without one, the property is absent', () => {
  expect(renderAppEventProperties(ruleCard({ taskSubject: 'Follow up *now* [x](javascript:y) {{why}}' })).taskSubject)
    .toBe('Follow up \\*now\\* \\[x\\]\\(javascript\\:y\\) \\{\\{why\\}\\}');
  expect(Array.from(renderAppEventProperties(ruleCard({ taskSubject: 'é'.repeat(5000) })).taskSubject ?? '')).toHaveLength(1000);
  expect(renderAppEventProperties(ruleCard()).taskSubject).toBeUndefined();
  expect(renderAppEventProperties(ruleCard({ taskSubject: '' })).taskSubject).toBeUndefined();
  // The timeline-v3 template has no such token: the subject is not sent there.
  expect(JSON.stringify(renderTimelineEvent(ruleCard({ taskSubject: 'Follow up secretly' })))).not.toContain('secretly');
});

test('when the pipeline keeps a task subject on a card, then it is cut to 500 whole characters and an empty one is none', () => {
  expect(cardTaskSubject('Follow up')).toBe('Follow up');
  expect(cardTaskSubject(`${'a'.repeat(499)}👨‍👩‍👧`)).toBe(`${'a'.repeat(499)}👨`);
  expect(Array.from(cardTaskSubject('😀'.repeat(600)) ?? '')).toHaveLength(TASK_SUBJECT_MAX);
  expect([cardTaskSubject(undefined), cardTaskSubject(''), cardTaskSubject('  \n')]).toEqual([undefined, undefined, undefined]);
});

test('when the task-body appendix is rendered, then it is plain text on separate lines with safe links only', () => {
  const text = renderTaskBodyAppendix({ ...evilCard(), headline: { templateId: 'h', text: 'Line one\nline two\u2028three?' } });
  const lines = text.split('\n');
  expect(lines[1]).toBe('Line one line two three?');
  expect(lines.filter((line) => line.startsWith('• '))).toHaveLength(2);
  expect(lines.at(-1)).toBe('Helpful: https://app.example.com/f?v=1&x=%22%3E%3Cscript%3E | Snooze for this client: https://app.example.com/s/(a)');
  expect(text).not.toContain('javascript:alert(1) |');
});

test('when the injection fixture goes through the whole pipeline, then every channel stays inert', () => {
  const { snapshot } = loadFixtures().find((f) => f.name === 'injection-in-every-field')!;
  const card = composeCard({ snapshot, signals: deriveSignals(snapshot, NOW), now: NOW });
  const html = renderNoteBody({ ...card, feedbackLinks: { helpful: 'https://a.example/h', notHelpful: 'https://a.example/n', snooze: 'https://a.example/s' } });
  expect(html).not.toMatch(/<script|<img|\{\{/);
  const { tokens, extraData } = renderTimelineEvent(card);
  for (const value of [...Object.values(tokens), ...extraData.questions.map((q) => q.text)]) expect(value).not.toMatch(/(?<!\\)[[{*_(]/);
});

/** A plain card produced by the "generic-follow-up" rule, with its settings link. */
function ruleCard(overrides: Partial<Card> = {}): Card {
  return {
    locale: 'en', headline: { templateId: 'h', text: 'What has changed for them?' },
    questions: [{ templateId: 'q', lens: 'going-dark', text: 'Why so quiet?', facts: [] }],
    why: { facts: [], missing: [], text: 'Why this card: no facts' },
    ruleId: 'generic-follow-up', ruleName: 'Generic follow-up', manageRuleUrl: manageRuleUrl('http://localhost:3000/', 'generic-follow-up'),
    ...overrides,
  };
}

test('when a card names its rule, then every channel says which rule and links to it on the settings page', () => {
  const expected = 'http://localhost:3000/settings#rule-generic-follow-up';
  expect(renderNoteBody(ruleCard())).toContain(`<p>Recognised by the rule “Generic follow-up” · <a href="${expected}" rel="noopener noreferrer">Manage rules</a></p>`);
  expect(renderTaskBodyAppendix(ruleCard()).split('\n')).toContain(`Recognised by the rule “Generic follow-up” · Manage rules: ${expected}`);
  const { extraData } = renderTimelineEvent(ruleCard());
  expect(extraData.rule).toEqual({ text: 'Recognised by the rule “Generic follow\\-up”', label: 'Manage rules', url: expected });
  const properties = renderAppEventProperties(ruleCard());
  expect(properties.manageRulesUrl).toBe(expected);
  expect(properties.ruleName).toBe('Generic follow\\-up');
});

test('when the card is German, French or Spanish, then the rule line and the link are in that language', () => {
  expect(renderNoteBody(ruleCard({ locale: 'de' }))).toContain('Erkannt von der Regel „Generic follow-up“ · <a href="http://localhost:3000/settings#rule-generic-follow-up" rel="noopener noreferrer">Regeln verwalten</a>');
  expect(renderNoteBody(ruleCard({ locale: 'fr' }))).toContain('Reconnue par la règle « Generic follow-up » · <a');
  expect(renderNoteBody(ruleCard({ locale: 'es' }))).toContain('Reconocida por la regla «Generic follow-up» · <a');
  expect(renderNoteBody(ruleCard({ locale: 'fr' }))).toContain('>Gérer les règles</a>');
});

test('when the rule name is hostile or the settings link unsafe, then the name stays text and no link is rendered', () => {
  const card = ruleCard({ ruleName: `$& $1 ${EVIL}\nnext`, manageRuleUrl: 'javascript:alert(1)//settings#rule-x' });
  const html = renderNoteBody(card);
  expect(html).not.toMatch(/<script|<img|href="javascript/i);
  expect(html).toContain('Recognised by the rule “$&amp; $1 &lt;script&gt;');
  expect(html).not.toContain('Manage rules');
  const text = renderTaskBodyAppendix(card);
  expect(text).not.toContain('Manage rules');
  expect(text.split('\n').some((line) => line.startsWith('Recognised by the rule “$& $1 <script>'))).toBe(true);
  const { extraData } = renderTimelineEvent(card);
  expect(extraData.rule?.url).toBeUndefined();
  expect(extraData.rule?.text).not.toMatch(/(?<!\\)[[\]*_{}()]/);
  expect(renderAppEventProperties(card).manage_rules_url).toBeUndefined();
});

test('when a card has no rule name, then the rule line falls back to the rule id', () => {
  const card = ruleCard();
  delete card.ruleName;
  expect(renderNoteBody(card)).toContain('Recognised by the rule “generic-follow-up”');
});

test('when the settings URL is built, then the rule id is a fragment of the settings page', () => {
  expect(manageRuleUrl('https://unrobot.example.com', 'a-b')).toBe('https://unrobot.example.com/settings#rule-a-b');
  expect(manageRuleUrl('https://unrobot.example.com///', 'x')).toBe('https://unrobot.example.com/settings#rule-x');
});
