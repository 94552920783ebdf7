import fc from 'fast-check';
import { composeCard } from '../../../src/cards/compose-card.ts';
import { deriveSignals } from '../../../src/context/derive-signals.ts';
import { ComposerSettingsSchema } from '../../../src/questions/composer-settings.ts';
import { checkText, PLACEHOLDER, URGENCY_WORDS } from '../../../src/questions/guardrails.ts';
import { buildSnapshot, daysAgo, daysAhead, loadFixtures, NOW } from '../context/build-snapshot.ts';
import type { Card } from '../../../src/cards/card.ts';

const fixtures = loadFixtures();

function compose(snapshot: Parameters<typeof deriveSignals>[0], extra: Partial<Parameters<typeof composeCard>[0]> = {}): Card {
  return composeCard({ snapshot, signals: deriveSignals(snapshot, NOW), now: NOW, ...extra });
}

function expectWellFormed(card: Card): void {
  expect(card.questions.length).toBeGreaterThanOrEqual(2);
  expect(card.questions.length).toBeLessThanOrEqual(3);
  expect(new Set(card.questions.map((q) => q.lens)).size).toBe(card.questions.length);
  for (const text of [card.headline.text, ...card.questions.map((q) => q.text)]) {
    expect(text).toMatch(/\?$/);
    expect(text).not.toMatch(PLACEHOLDER);
  }
  expect(card.why.text.length).toBeGreaterThan(10);
}

test('when there are at least 15 fixtures, then they span the signals the issue names', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(15);
  const signals = fixtures.map(({ snapshot }) => deriveSignals(snapshot, NOW));
  for (const key of ['silence', 'stageAge', 'closeDate', 'tickets', 'lifecycle', 'firmographics', 'peers', 'collaborators'] as const) {
    expect(signals.some((s) => s[key] !== undefined)).toBe(true);
  }
  expect(signals.some((s) => s.lifecycle?.phase === 'renewal')).toBe(true);
  expect(signals.some((s) => s.lifecycle?.phase === 'lead')).toBe(true);
  expect(signals.some((s) => s.completeness.missing.length >= 3)).toBe(true);
});

test.each(fixtures.map(({ name, snapshot }) => [name, snapshot] as const))('when the fixture %s is composed, then the card is well-formed and calm', (_name, snapshot) => {
  const card = compose(snapshot);
  expectWellFormed(card);
  expect(compose(snapshot)).toEqual(card);
});

test('when the silent client at quarter end is composed, then it reads like the design example', () => {
  const card = compose(fixtures.find((f) => f.name === 'silent-client-quarter-end')!.snapshot);
  expect(card.headline.text).toBe('Before you write to Acme Robotics: what do you know about their situation today that you did not know when they last replied 23 days ago?');
  expect(card.questions.map((q) => q.lens)).toEqual(['whose-urgency', 'going-dark', 'behind-the-scenes']);
  expect(card.why.text).toContain('4 outreach attempts since');
  expect(card.questions[1]?.facts).toEqual(['last reply 23 days ago', '4 outreach attempts since']);
});

test('when the record is empty, then the card is honest about what is missing', () => {
  const card = compose(buildSnapshot({ task: { id: '1' } }));
  expectWellFormed(card);
  expect(card.headline.templateId).toBe('headline.default');
  expect(card.why.text).toBe('Why this card: the CRM holds little about this client yet · not in the CRM: contact, company, email and call history');
});

test('when the same record and rep got a card before, then no question repeats in a row', () => {
  for (const { snapshot } of fixtures) {
    const first = compose(snapshot);
    const history = { recent: [{ headlineId: first.headline.templateId, questionIds: first.questions.map((q) => q.templateId) }] };
    const second = compose(snapshot, { history });
    expectWellFormed(second);
    const repeated = second.questions.filter((q) => history.recent[0]!.questionIds.includes(q.templateId));
    expect(repeated).toEqual([]);
  }
});

test('when a lens is switched off, then none of its questions appear', () => {
  const snapshot = fixtures.find((f) => f.name === 'silent-client-quarter-end')!.snapshot;
  const settings = ComposerSettingsSchema.parse({ lenses: { 'going-dark': false, 'whose-urgency': false } });
  const card = compose(snapshot, { settings });
  expectWellFormed(card);
  expect(card.questions.map((q) => q.lens)).not.toContain('going-dark');
  expect(card.questions.map((q) => q.lens)).not.toContain('whose-urgency');
});

test('when every lens is off, then the card still asks two calm fallback questions', () => {
  const lenses = Object.fromEntries(['whose-urgency', 'going-dark', 'behind-the-scenes', 'common-denominators', 'internal-experts', 'long-term', 'service-experience', 'calm-attentiveness'].map((l) => [l, false]));
  const card = compose(fixtures[0]!.snapshot, { settings: ComposerSettingsSchema.parse({ lenses }) });
  expectWellFormed(card);
});

test('when maxQuestions is 2, then no third question is added', () => {
  const card = compose(fixtures.find((f) => f.name === 'silent-client-quarter-end')!.snapshot, { settings: ComposerSettingsSchema.parse({ maxQuestions: 2 }) });
  expect(card.questions).toHaveLength(2);
});

test('when the rep has a locale, then it wins over the portal, and the card is in that language', () => {
  const snapshot = fixtures.find((f) => f.name === 'german-portal-silent-deal')!.snapshot;
  expect(compose(snapshot).locale).toBe('de');
  const card = compose(snapshot, { locale: 'es-ES' });
  expect(card.locale).toBe('es');
  expect(card.headline.text).toMatch(/^Antes de/);
  expectWellFormed(card);
});

test('when a classification matched, then the card carries its rule id; when not, it does not', () => {
  const snapshot = fixtures[0]!.snapshot;
  expect(compose(snapshot, { classification: { ruleId: 'generic-follow-up', matched: true, reasons: ['phrase'] } }).ruleId).toBe('generic-follow-up');
  expect(compose(snapshot, { classification: { ruleId: 'x', matched: false } }).ruleId).toBeUndefined();
});

test('when the classification names its rule, then the card carries the name; when it does not, the card has none', () => {
  const snapshot = fixtures[0]!.snapshot;
  const named = compose(snapshot, { classification: { ruleId: 'generic-follow-up', ruleName: 'Generic follow-up', matched: true } });
  expect([named.ruleId, named.ruleName]).toEqual(['generic-follow-up', 'Generic follow-up']);
  expect(compose(snapshot, { classification: { ruleId: 'generic-follow-up', matched: true } }).ruleName).toBeUndefined();
  expect(compose(snapshot, { classification: { ruleId: 'x', ruleName: 'X', matched: false } }).ruleName).toBeUndefined();
});

test('when the wording is checked in every locale for every fixture, then no urgency word appears', () => {
  for (const { snapshot } of fixtures) {
    for (const locale of ['en', 'de', 'fr', 'es']) {
      const card = compose(snapshot, { locale });
      for (const question of card.questions) expect(checkText(question.text, [])).not.toContain('urgency');
      expect(URGENCY_WORDS.some((word) => card.headline.text.toLowerCase().includes(` ${word} `))).toBe(false);
    }
  }
});

/** Arbitrary Unicode, salted with the tokens a leak would show, so the property can actually fail. */
const TRAPS = ['{{', '}}', '{', '}', 'null', 'undefined', 'NaN', '[object Object]', '[object', ' ', '\n', '<script>', 'ASAP', 'now'];
const anyText = fc.option(
  fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...TRAPS)), { maxLength: 10 }).map((parts) => parts.join('')),
  { nil: undefined },
);

test('when every CRM text field holds arbitrary Unicode, then composing never throws and never leaks a placeholder', () => {
  fc.assert(
    fc.property(anyText, anyText, anyText, anyText, anyText, anyText, fc.constantFrom('en', 'de', 'fr', 'es'), (company, first, title, stage, ticket, owner, locale) => {
      const snapshot = buildSnapshot({
        company: { id: '2', name: company, industry: stage, numberOfEmployees: 40, ownerId: '600' },
        contacts: [{ id: '3', firstName: first, lastName: owner, jobTitle: title, lastRepliedAt: daysAgo(30), lastContactedAt: daysAgo(2) }],
        deals: [{ id: '4', name: company, stageId: 's', stageLabel: stage, stageEnteredAt: daysAgo(40), closeDate: daysAhead(5) }],
        tickets: [{ id: '5', subject: ticket, category: ticket, priority: 'HIGH', ownerId: '600', createdAt: daysAgo(3) }],
        engagements: [{ type: 'EMAIL', direction: 'OUTBOUND', timestamp: daysAgo(2), subject: ticket }],
        owners: [{ id: '600', firstName: owner, lastName: first, teamName: title }],
        peers: [{ companyId: '9', dealStageId: 's', daysInStage: 60, ticketThemes: [ticket ?? 'x'] }, { companyId: '8', dealStageId: 's', daysInStage: 60 }],
      });
      const card = compose(snapshot, { locale });
      expectWellFormed(card);
      for (const text of [card.headline.text, card.why.text, ...card.questions.map((q) => q.text)]) expect(text).not.toMatch(PLACEHOLDER);
    }),
    { numRuns: 300 },
  );
});
