/**
 * How varied the cards read to one rep: cards composed in order, with a simulated card ledger
 * feeding rotation exactly as the worker does (the client's last 3 cards, the rep's last 20),
 * then counted by template id (`headline.dark.since-reply`, `scenes.stage`), which is what the goals
 * of issue 17 are about; the same figures by wording (`scenes.stage#2`) are printed beside them.
 */
import type { Card } from '../../src/cards/card.ts';
import type { CrmSnapshot } from '../../src/context/crm-snapshot.ts';
import type { RecordRef } from '../../src/hubspot/ports.ts';
import type { LoadedSettings } from '../../src/settings/portal-settings.ts';
import { CLIENT_DEPTH, REP_DEPTH, variantId } from '../../src/questions/rotation.ts';
import { decideCard } from '../../src/worker/decide-card.ts';

export interface Task { snapshot: CrmSnapshot; records: RecordRef[]; taskSubject: string }
export interface Carded { task: Task; card: Card; ownerId: string | null }

/** The goals of issue 17. */
export const GOALS = { headlineShare: 0.25, questionShare: 0.15, window: 20, distinctInWindow: 12 } as const;

const keyOf = (record: RecordRef) => `${record.objectType}:${record.id}`;

/** Composes every task in order through the worker's own decideCard, remembering cards as the ledger would. */
export function composeInOrder(tasks: readonly Task[], loaded: LoadedSettings, now: number): { carded: Carded[]; skipped: number } {
  const ledger: Array<Carded & { keys: Set<string> }> = [];
  let skipped = 0;
  for (const task of tasks) {
    const ownerId = task.snapshot.task.ownerId ?? null;
    const keys = new Set(task.records.filter((record) => record.objectType !== 'ticket').map(keyOf));
    const newest = [...ledger].reverse();
    const recentCards = newest.filter((entry) => [...keys].some((key) => entry.keys.has(key))).slice(0, CLIENT_DEPTH).map((entry) => entry.card);
    const repCards = ownerId === null ? [] : newest.filter((entry) => entry.ownerId === ownerId).slice(0, REP_DEPTH).map((entry) => entry.card);
    const decision = decideCard(task.snapshot, task.records, loaded, { delivered: [], snoozes: [], recentCards, repCards }, now);
    if (decision.action !== 'deliver') { skipped += 1; continue; }
    ledger.push({ task, card: decision.card, ownerId, keys });
  }
  return { carded: ledger.map(({ task, card, ownerId }) => ({ task, card, ownerId })), skipped };
}

const templateIds = (card: Card) => [card.headline.templateId, ...card.questions.map((q) => q.templateId)];
const questionIds = (card: Card) => card.questions.map((q) => q.templateId);
const headlineForm = (card: Card) => variantId(card.headline.templateId, card.headline.form ?? 0);
const questionForms = (card: Card) => card.questions.map((q) => variantId(q.templateId, q.form ?? 0));

function top(counts: Map<string, number>, total: number): { id: string; share: number } {
  const [id, count] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['-', 0];
  return { id, share: total === 0 ? 0 : count / total };
}

function count(values: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) for (const id of new Set(value)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export interface VarietyStats {
  cards: number;
  skipped: number;
  /** Share of cards opening with the most common headline template (by id). */
  headlineTemplate: { id: string; share: number };
  /** Share of cards carrying the most common question template (by id). */
  questionTemplate: { id: string; share: number };
  /** The same by wording (template id and form): what a rep reads word for word. */
  headline: { id: string; share: number };
  question: { id: string; share: number };
  /** How many headline and question templates (by id) appear at all. */
  distinct: { headlines: number; questions: number };
  /** The rep with the most cards, and the fewest distinct question templates (by id; by wording) in any 20 of their consecutive cards. */
  rep: { ownerId: string; cards: number; minDistinct: number | undefined; minDistinctForms: number | undefined };
  /** The fewest (by id) over every rep with at least 20 cards. */
  minDistinctAnyRep: number | undefined;
  /** Cards that repeat a headline or question template (id) from one of the client's previous 3 cards. */
  clientRepeats: number;
}

function minDistinct(cards: Card[], ids: (card: Card) => string[] = questionIds): number | undefined {
  if (cards.length < GOALS.window) return undefined;
  let min = Infinity;
  for (let start = 0; start + GOALS.window <= cards.length; start += 1) {
    min = Math.min(min, new Set(cards.slice(start, start + GOALS.window).flatMap(ids)).size);
  }
  return min;
}

export function varietyStats(carded: readonly Carded[], skipped: number): VarietyStats {
  const cards = carded.map((c) => c.card);
  const byRep = new Map<string, Card[]>();
  for (const { card, ownerId } of carded) byRep.set(ownerId ?? '(none)', [...(byRep.get(ownerId ?? '(none)') ?? []), card]);
  const [ownerId, repCards] = [...byRep.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? ['-', []];
  const mins = [...byRep.values()].map((cards) => minDistinct(cards)).filter((n): n is number => n !== undefined);
  let clientRepeats = 0;
  carded.forEach(({ task, card }, i) => {
    const keys = new Set(task.records.filter((r) => r.objectType !== 'ticket').map(keyOf));
    const earlier = carded.slice(0, i).filter((c) => c.task.records.some((r) => keys.has(keyOf(r)))).slice(-CLIENT_DEPTH);
    const seen = new Set(earlier.flatMap((c) => templateIds(c.card)));
    if (templateIds(card).some((id) => seen.has(id))) clientRepeats += 1;
  });
  return {
    cards: cards.length, skipped,
    headlineTemplate: top(count(cards.map((c) => [c.headline.templateId])), cards.length),
    questionTemplate: top(count(cards.map(questionIds)), cards.length),
    headline: top(count(cards.map((c) => [headlineForm(c)])), cards.length),
    question: top(count(cards.map(questionForms)), cards.length),
    distinct: { headlines: new Set(cards.map((c) => c.headline.templateId)).size, questions: new Set(cards.flatMap(questionIds)).size },
    rep: { ownerId, cards: repCards.length, minDistinct: minDistinct(repCards), minDistinctForms: minDistinct(repCards, questionForms) },
    minDistinctAnyRep: mins.length === 0 ? undefined : Math.min(...mins),
    clientRepeats,
  };
}

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

/** The stats as the lines `npm run preview -- --demo-stats` prints. */
export function formatStats(label: string, stats: VarietyStats): string[] {
  const distinct = stats.rep.minDistinct;
  return [
    `## ${label}: ${stats.cards} cards (${stats.skipped} tasks got none)`,
    `most common headline template  ${stats.headlineTemplate.id.padEnd(34)} ${pct(stats.headlineTemplate.share).padStart(7)}  goal ≤ 25 %  ${mark(stats.headlineTemplate.share <= GOALS.headlineShare)}`,
    `most common question template  ${stats.questionTemplate.id.padEnd(34)} ${pct(stats.questionTemplate.share).padStart(7)}  goal ≤ 15 %  ${mark(stats.questionTemplate.share <= GOALS.questionShare)}`,
    `distinct question templates in any 20 consecutive cards of rep ${stats.rep.ownerId} (${stats.rep.cards} cards): min ${distinct ?? 'n/a (< 20 cards)'}  goal ≥ 12  ${distinct === undefined ? '' : mark(distinct >= GOALS.distinctInWindow)}`,
    `  same, fewest over every rep with ≥ 20 cards: ${stats.minDistinctAnyRep ?? 'n/a'}`,
    `  templates seen: ${stats.distinct.headlines} headline, ${stats.distinct.questions} question`,
    `  (by wording, template and form: headline ${stats.headline.id} ${pct(stats.headline.share)}, question ${stats.question.id} ${pct(stats.question.share)} of cards, min distinct per 20 cards ${stats.rep.minDistinctForms ?? 'n/a'})`,
    `cards repeating a headline or question template from the client's previous 3 cards: ${stats.clientRepeats}`,
  ];
}
