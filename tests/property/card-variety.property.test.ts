/**
 * Property (issue 17 item 3): whatever the CRM holds — markup, template syntax, links and quote
 * marks in email and ticket subjects included — composed cards keep the guardrails: every line a
 * calm question within its length, quoted CRM text plain and inert, the note body free of live
 * tags; and a client's card never repeats a template from its last three cards.
 */
import fc from 'fast-check';
import type { Card } from '../../src/cards/card.ts';
import { composeCard } from '../../src/cards/compose-card.ts';
import { renderNoteBody } from '../../src/cards/render-note.ts';
import { parseCrmSnapshot } from '../../src/context/crm-snapshot.ts';
import { deriveSignals } from '../../src/context/derive-signals.ts';
import { checkText, LENGTH } from '../../src/questions/guardrails.ts';
import { variantId, type CardHistory } from '../../src/questions/rotation.ts';
import { ARBITRARY_NOW, INJECTION_SUBJECTS, snapshotArbitrary } from '../helpers/snapshot-arbitrary.ts';

const RUNS = { numRuns: 300 };
const LINK = /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b(?:javascript|vbscript|data):/i;
/** Text between the card's own quote marks, in every locale's style. */
const QUOTED = /“([^”]*)”|„([^“]*)“|« ([^»]*) »|«([^»]*)»/g;

const compose = (input: ReturnType<typeof parseCrmSnapshot>, history?: CardHistory): Card =>
  composeCard({ snapshot: input, signals: deriveSignals(input, ARBITRARY_NOW), now: ARBITRARY_NOW, ...(history && { history }) });

test('when a snapshot holds anything, then every line of its card is a clean, bounded question and quoted CRM text is inert', () => {
  fc.assert(fc.property(snapshotArbitrary(), (input) => {
    const card = compose(parseCrmSnapshot(input));
    expect(card.questions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(card.questions.map((q) => q.lens)).size).toBe(card.questions.length);
    const lines = [{ text: card.headline.text, max: LENGTH.maxHeadline }, ...card.questions.map((q) => ({ text: q.text, max: LENGTH.maxQuestion }))];
    for (const { text, max } of lines) {
      expect(checkText(text, [], max).filter((v) => v !== 'urgency')).toEqual([]);
      expect(text).not.toMatch(LINK);
      expect(text).not.toMatch(/[\p{Cc}\u202E]/u);
      for (const match of text.matchAll(QUOTED)) expect(Array.from(match.slice(1).find((part) => part !== undefined) ?? '').length).toBeLessThanOrEqual(60);
    }
    expect(card.why.text).not.toMatch(LINK);
    expect(renderNoteBody(card).replace(/<\/?(?:p|strong|ul|li|em)>/g, '')).not.toMatch(/[<>"]/);
  }), RUNS);
});

test('when a subject is an injection fixture, then the card quotes it as plain text or not at all', () => {
  fc.assert(fc.property(snapshotArbitrary(), fc.constantFrom(...INJECTION_SUBJECTS), (input, subject) => {
    const engagements = [{ type: 'EMAIL' as const, direction: 'OUTBOUND' as const, timestamp: ARBITRARY_NOW - 86_400_000, subject }];
    const card = compose(parseCrmSnapshot({ ...input, engagements, tickets: [{ id: '9', subject, isOpen: true }] }));
    const texts = [card.headline.text, ...card.questions.map((q) => q.text), card.why.text].join('\n');
    expect(texts).not.toMatch(/\{\{|\}\}|\$\{|\bundefined\b/);
    expect(texts).not.toMatch(LINK);
  }), RUNS);
});

test('when one client gets card after card, then none repeats a headline or question template from its last three cards', () => {
  fc.assert(fc.property(fc.array(snapshotArbitrary(), { minLength: 4, maxLength: 8 }), (inputs) => {
    const history: CardHistory = { recent: [] };
    for (const input of inputs) {
      // The same client every time: what changes is what the CRM says about it.
      const snapshot = parseCrmSnapshot({ ...input, company: { id: 'c1', name: 'Client 1 GmbH' }, contacts: [{ id: 'c1-p', firstName: 'Mei' }] });
      const card = compose(snapshot, history);
      const earlier = new Set(history.recent.slice(0, 3).flatMap((entry) => [entry.headlineId, ...entry.questionIds]));
      expect([card.headline.templateId, ...card.questions.map((q) => q.templateId)].filter((id) => earlier.has(id))).toEqual([]);
      history.recent.unshift({
        headlineId: card.headline.templateId, questionIds: card.questions.map((q) => q.templateId),
        variants: [card.headline, ...card.questions].map((part) => variantId(part.templateId, part.form ?? 0)),
      });
    }
  }), { numRuns: 150 });
});
