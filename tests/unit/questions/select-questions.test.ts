import { deriveSignals } from '../../../src/context/derive-signals.ts';
import { ComposerSettingsSchema, DEFAULT_COMPOSER_SETTINGS } from '../../../src/questions/composer-settings.ts';
import { LENS_IDS } from '../../../src/questions/lenses.ts';
import { BANKS, type QuestionBank } from '../../../src/questions/locale.ts';
import { selectHeadline, selectQuestions } from '../../../src/questions/select-questions.ts';
import { HEADLINES, QUESTIONS } from '../../../src/questions/templates.ts';
import { buildSnapshot, daysAhead, loadFixtures, NOW } from '../context/build-snapshot.ts';

const silent = loadFixtures().find((f) => f.name === 'silent-client-quarter-end')!.snapshot;
const signals = deriveSignals(silent, NOW);
const none = { recent: [] };

test('when the headline of the last card is the strongest, then the next strongest is used instead', () => {
  const first = selectHeadline(signals, DEFAULT_COMPOSER_SETTINGS, BANKS.en, none);
  expect(first.id).toBe('headline.dark.since-reply');
  const second = selectHeadline(signals, DEFAULT_COMPOSER_SETTINGS, BANKS.en, { recent: [{ headlineId: first.id, questionIds: [] }] });
  // The next strongest is another lens's opening (the close date just before quarter end), not a rewording of the same one.
  expect(second.id).toBe('headline.urgency.close-date');
});

test('when a question was asked two cards ago, then it is demoted and a sibling from the same lens takes its place', () => {
  const headline = selectHeadline(signals, DEFAULT_COMPOSER_SETTINGS, BANKS.en, none);
  const fresh = selectQuestions(signals, DEFAULT_COMPOSER_SETTINGS, BANKS.en, none, headline).map((q) => q.id);
  const older = { recent: [{ questionIds: ['calm.need'] }, { questionIds: ['urgency.quarter-end'] }] };
  const demoted = selectQuestions(signals, DEFAULT_COMPOSER_SETTINGS, BANKS.en, older, headline).map((q) => q.id);
  expect(fresh[0]).toBe('urgency.quarter-end');
  expect(demoted[0]).toBe('urgency.stage-pace');
  expect(demoted).not.toContain('urgency.quarter-end');
});

test('when a bank words everything badly, then guardrails drop it and the honest default headline remains', () => {
  const broken: QuestionBank = {
    ...BANKS.en,
    headlines: Object.fromEntries(Object.keys(BANKS.en.headlines).map((id) => [id, [() => 'Follow up ASAP.']])) as unknown as QuestionBank['headlines'],
    questions: Object.fromEntries(Object.keys(BANKS.en.questions).map((id) => [id, [() => 'Close this now!']])) as unknown as QuestionBank['questions'],
  };
  const headline = selectHeadline(signals, DEFAULT_COMPOSER_SETTINGS, broken, none);
  expect(headline).toMatchObject({ id: 'headline.default', facts: [], strength: 0 });
  expect(selectQuestions(signals, DEFAULT_COMPOSER_SETTINGS, broken, none, headline)).toEqual([]);
});

test('when a close date is near but not in the last two weeks of the quarter, then whose-urgency is asked more gently', () => {
  const s = deriveSignals(buildSnapshot({ company: { id: '1', name: 'Acme' }, deals: [{ id: '2', closeDate: daysAhead(20) }] }), Date.parse('2026-03-12T09:00:00Z'));
  expect(s.closeDate).toMatchObject({ daysToQuarterEnd: 20, atQuarterEnd: false });
  const headline = selectHeadline(s, DEFAULT_COMPOSER_SETTINGS, BANKS.en, none);
  const chosen = selectQuestions(s, DEFAULT_COMPOSER_SETTINGS, BANKS.en, none, headline);
  expect(chosen.find((q) => q.id === 'urgency.quarter-end')?.strength).toBe(0.65);
});

describe('every template against every fixture', () => {
  const fixtures = loadFixtures().map(({ name, snapshot }) => ({ name, signals: deriveSignals(snapshot, NOW) }));

  test('when every matcher sees every fixture, then each matching template is asked somewhere and strengths stay in 0–1', () => {
    const matched = new Set<string>();
    for (const { signals: s } of fixtures) {
      for (const [id, template] of Object.entries(HEADLINES)) {
        const strength = (template.match as (x: typeof s, t: typeof DEFAULT_COMPOSER_SETTINGS.thresholds) => number | undefined)(s, DEFAULT_COMPOSER_SETTINGS.thresholds);
        if (strength === undefined) continue;
        matched.add(id);
        // What a match accepted, its build can word: parameters and facts, new for each call.
        const built = (template.build as (x: typeof s) => { params: object; facts: unknown[] })(s);
        expect(built.facts).not.toBe((template.build as (x: typeof s) => { facts: unknown[] })(s).facts);
      }
      for (const [id, template] of Object.entries(QUESTIONS)) {
        const strength = (template.match as (x: typeof s, t: typeof DEFAULT_COMPOSER_SETTINGS.thresholds) => number | undefined)(s, DEFAULT_COMPOSER_SETTINGS.thresholds);
        if (strength === undefined) continue;
        matched.add(id);
        expect(strength).toBeGreaterThan(0);
        expect(strength).toBeLessThanOrEqual(1);
        const built = (template.build as (x: typeof s) => { params: object; facts: unknown[] })(s);
        expect(built.facts).not.toBe((template.build as (x: typeof s) => { facts: unknown[] })(s).facts);
      }
    }
    expect([...matched].sort()).toEqual([...Object.keys(HEADLINES), ...Object.keys(QUESTIONS)].sort());
  });

  test.each(fixtures.map((f) => [f.name, f.signals] as const))('when %s is selected in every locale, then there are 2–3 questions from different lenses', (_name, s) => {
    for (const bank of Object.values(BANKS)) {
      const headline = selectHeadline(s, DEFAULT_COMPOSER_SETTINGS, bank, none);
      const chosen = selectQuestions(s, DEFAULT_COMPOSER_SETTINGS, bank, none, headline);
      expect(chosen.length).toBeGreaterThanOrEqual(2);
      expect(new Set(chosen.map((q) => q.lens)).size).toBe(chosen.length);
    }
  });
});

test('when lenses are switched off, then their questions are skipped, and with all off the fallbacks still give two', () => {
  const headline = selectHeadline(signals, DEFAULT_COMPOSER_SETTINGS, BANKS.en, none);
  const some = ComposerSettingsSchema.parse({ lenses: { 'whose-urgency': false } });
  expect(selectQuestions(signals, some, BANKS.en, none, headline).map((q) => q.lens)).not.toContain('whose-urgency');
  const all = ComposerSettingsSchema.parse({ lenses: Object.fromEntries(LENS_IDS.map((lens) => [lens, false])) });
  const chosen = selectQuestions(signals, all, BANKS.en, none, headline);
  expect(chosen.map((q) => q.id)).toEqual(['calm.need', 'scenes.unknown']);
});

test('when a lens is switched off, then no headline of that lens opens the card; with all off, the default does', () => {
  const first = selectHeadline(signals, DEFAULT_COMPOSER_SETTINGS, BANKS.en, none);
  expect(first.lens).toBe('going-dark');
  const noDark = ComposerSettingsSchema.parse({ lenses: { 'going-dark': false } });
  const other = selectHeadline(signals, noDark, BANKS.en, none);
  expect(other.lens).toBeDefined();
  expect(other.lens).not.toBe('going-dark');
  const all = ComposerSettingsSchema.parse({ lenses: Object.fromEntries(LENS_IDS.map((lens) => [lens, false])) });
  expect(selectHeadline(signals, all, BANKS.en, none)).toMatchObject({ id: 'headline.default', strength: 0 });
  expect(selectHeadline(signals, all, BANKS.en, none).lens).toBeUndefined();
});

test('every headline template but the default belongs to a lens, named in its id, and every lens has at least two', () => {
  const short: Record<string, string> = { 'whose-urgency': 'urgency', 'going-dark': 'dark', 'behind-the-scenes': 'scenes', 'common-denominators': 'peers', 'internal-experts': 'experts', 'long-term': 'long-term', 'service-experience': 'service', 'calm-attentiveness': 'calm' };
  const perLens = new Map<string, number>();
  for (const [id, template] of Object.entries(HEADLINES)) {
    if (id === 'headline.default') { expect(template.lens).toBeUndefined(); continue; }
    expect(template.lens).toBeDefined();
    expect(id.startsWith(`headline.${short[template.lens as string]}.`)).toBe(true);
    perLens.set(template.lens as string, (perLens.get(template.lens as string) ?? 0) + 1);
  }
  for (const lens of LENS_IDS) expect(perLens.get(lens) ?? 0).toBeGreaterThanOrEqual(2);
});

test('when the card already shows the deal\'s stage, then the questions that join silence or the role to the stage are left out', () => {
  const plain = { id: 'headline.default', form: 0, text: 'What would help them?', facts: [], strength: 0 };
  const staged = { ...plain, facts: [{ id: 'stage-age' as const, days: 40, stage: 'Contract sent' }] };
  // The client's last card asked the single-signal ones, so the joined ones are next in their lenses.
  const held = { recent: [{ questionIds: ['dark.attempts', 'dark.silence', 'dark.last-subject', 'dark.never-replied', 'dark.last-touch', 'scenes.stage', 'scenes.role', 'scenes.size'] }] };
  expect(signals.stageAge).toBeDefined();
  const fresh = selectQuestions(signals, DEFAULT_COMPOSER_SETTINGS, BANKS.en, held, plain).map((q) => q.id);
  expect(fresh).toEqual(expect.arrayContaining(['dark.stage-silence']));
  const withStage = selectQuestions(signals, DEFAULT_COMPOSER_SETTINGS, BANKS.en, held, staged).map((q) => q.id);
  expect(withStage).not.toContain('dark.stage-silence');
  expect(withStage).not.toContain('scenes.role-stage');
  // Once one joined question shows the stage, the other does not ask about it again.
  expect(fresh.filter((id) => id === 'dark.stage-silence' || id === 'scenes.role-stage')).toHaveLength(1);
});
