import { deriveSignals } from '../../../src/context/derive-signals.ts';
import { DEFAULT_COMPOSER_SETTINGS } from '../../../src/questions/composer-settings.ts';
import { BANKS, type QuestionBank } from '../../../src/questions/locale.ts';
import { CLIENT_DEPTH, CLIENT_REPEAT, formOrder, penalty, spread, variantId, type CardHistory } from '../../../src/questions/rotation.ts';
import { selectHeadline, selectQuestions } from '../../../src/questions/select-questions.ts';
import { buildSnapshot, daysAgo, NOW } from '../context/build-snapshot.ts';

const card = (questionIds: string[], variants?: string[], headlineId?: string) => ({ questionIds, ...(variants && { variants }), ...(headlineId && { headlineId }) });

describe('penalty', () => {
  test('when a template is on any of the client\'s last three cards, then it is held back; on the fourth, it is not', () => {
    const history: CardHistory = { recent: [card(['a']), card(['b']), card(['c'], undefined, 'h'), card(['d'])] };
    expect(['a', 'b', 'c', 'h'].map((id) => penalty(id, history))).toEqual([CLIENT_REPEAT, CLIENT_REPEAT, CLIENT_REPEAT, CLIENT_REPEAT]);
    expect(penalty('d', history)).toBe(0);
    expect(CLIENT_DEPTH).toBe(3);
  });

  test('when the rep saw a template on other clients\' cards, then it loses 0.4 per card, up to a cap of 1 (more than any signal is worth)', () => {
    const seen = (n: number): CardHistory => ({ recent: [], rep: Array.from({ length: n }, () => card(['a'])) });
    expect(penalty('a', seen(0))).toBe(0);
    expect(penalty('a', seen(1))).toBeCloseTo(0.4);
    expect(penalty('a', seen(2))).toBeCloseTo(0.8);
    expect(penalty('a', seen(19))).toBeCloseTo(1);
    expect(penalty('a', { recent: [] })).toBe(0);
  });

  test('when a task seeds the spread, then each template gets a stable share of at most 0.15; without a seed, none', () => {
    const ids = ['dark.silence', 'scenes.stage', 'calm.need', 'urgency.pushed', 'peers.industry'];
    const values = ids.map((id) => spread(id, { recent: [], seed: 'task-1' }));
    for (const value of values) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(0.15);
    }
    expect(new Set(values).size).toBe(ids.length);
    expect(ids.map((id) => spread(id, { recent: [], seed: 'task-1' }))).toEqual(values);
    expect(ids.map((id) => spread(id, { recent: [], seed: 'task-2' }))).not.toEqual(values);
    expect(spread('dark.silence', { recent: [] })).toBe(0);
  });
});

describe('formOrder', () => {
  test('when a template has one wording, then that is the only one', () => {
    expect(formOrder('a', 1, { recent: [] })).toEqual([0]);
  });

  test('when wordings were read before, then the client\'s recent ones go last, then the rep\'s most read, then the most recent', () => {
    const history: CardHistory = {
      recent: [card(['a'], [variantId('a', 0)])],
      rep: [card(['a'], [variantId('a', 1)]), card(['a'], [variantId('a', 2)]), card(['a'], [variantId('a', 1)]), card(['x'])],
    };
    // 3 unseen first; 2 seen once (longer ago than 1's last use); 1 seen twice; 0 on the client's last card.
    expect(formOrder('a', 4, history)).toEqual([3, 2, 1, 0]);
  });

  test('when wordings are equally fresh, then they go in the order of the FNV-1a hash of `seed|template#form`, ties in form order, for any number of forms', () => {
    const fnv = (text: string) => {
      let h = 2166136261;
      for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
      return h >>> 0;
    };
    const expected = (id: string, count: number, seed?: string) =>
      Array.from({ length: count }, (_, form) => form).sort((a, b) => fnv(`${seed ?? ''}|${variantId(id, a)}`) - fnv(`${seed ?? ''}|${variantId(id, b)}`));
    for (const count of [2, 3, 12, 40]) {
      expect(formOrder('calm.need', count, { recent: [], seed: 'task-7' })).toEqual(expected('calm.need', count, 'task-7'));
      expect(formOrder('dark.silence', count, { recent: [card(['x'])], rep: [card(['y'])] })).toEqual(expected('dark.silence', count));
    }
  });

  test('when wordings are equally fresh, then the task seed orders them, the same way every time', () => {
    const one = formOrder('calm.need', 3, { recent: [], seed: 'task-1' });
    expect(formOrder('calm.need', 3, { recent: [], seed: 'task-1' })).toEqual(one);
    expect([...one].sort()).toEqual([0, 1, 2]);
    const orders = new Set(Array.from({ length: 20 }, (_, i) => formOrder('calm.need', 3, { recent: [], seed: `task-${i}` }).join()));
    expect(orders.size).toBeGreaterThan(1);
    expect(formOrder('calm.need', 2, { recent: [] })).toHaveLength(2);
  });
});

describe('selection with rotation', () => {
  const snapshot = buildSnapshot({
    company: { id: '1', name: 'Acme' },
    contacts: [{ id: '2', firstName: 'Mei' }],
    engagements: [{ type: 'EMAIL', direction: 'OUTBOUND', timestamp: daysAgo(6), subject: 'Contract redlines' }],
  });
  const signals = deriveSignals(snapshot, NOW);

  test('when the client saw templates on its last three cards, then the next card asks none of them again', () => {
    const history: CardHistory = { recent: [] };
    for (let i = 0; i < 3; i += 1) {
      const headline = selectHeadline(signals, DEFAULT_COMPOSER_SETTINGS, BANKS.en, history);
      const questions = selectQuestions(signals, DEFAULT_COMPOSER_SETTINGS, BANKS.en, history, headline);
      const earlier = new Set(history.recent.flatMap((entry) => entry.questionIds));
      expect(questions.filter((q) => earlier.has(q.id))).toEqual([]);
      history.recent.unshift({ headlineId: headline.id, questionIds: questions.map((q) => q.id), variants: [headline, ...questions].map((c) => variantId(c.id, c.form)) });
    }
  });

  test('when a template\'s first wording breaks a guardrail, then its next wording is used', () => {
    const forms = BANKS.en.headlines['headline.dark.last-subject'];
    const bank: QuestionBank = { ...BANKS.en, headlines: { ...BANKS.en.headlines, 'headline.dark.last-subject': [() => 'Follow up ASAP.', forms[1] as (typeof forms)[0]] } };
    const history: CardHistory = { recent: [], rep: [card([], [variantId('headline.dark.last-subject', 1)])] };
    const headline = selectHeadline(signals, DEFAULT_COMPOSER_SETTINGS, bank, history);
    expect(headline).toMatchObject({ id: 'headline.dark.last-subject', form: 1 });
    expect(headline.text).toContain('“Contract redlines”');
  });
});

describe('a record with nothing but a name', () => {
  test('when it gets eight cards in a row, then none repeats a headline or question template from its previous three (eight always-available questions, four openings)', () => {
    const bare = deriveSignals(buildSnapshot({ contacts: [{ id: 'c1-p', lastName: 'Rivera' }] }), NOW);
    const history: CardHistory = { recent: [] };
    for (let i = 0; i < 8; i += 1) {
      const headline = selectHeadline(bare, DEFAULT_COMPOSER_SETTINGS, BANKS.en, history);
      const questions = selectQuestions(bare, DEFAULT_COMPOSER_SETTINGS, BANKS.en, history, headline);
      expect(questions).toHaveLength(2);
      const earlier = new Set(history.recent.slice(0, CLIENT_DEPTH).flatMap((entry) => [entry.headlineId, ...entry.questionIds]));
      expect([headline.id, ...questions.map((q) => q.id)].filter((id) => earlier.has(id))).toEqual([]);
      history.recent.unshift({ headlineId: headline.id, questionIds: questions.map((q) => q.id) });
    }
  });
});
