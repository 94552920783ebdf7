/**
 * How varied the cards read to one rep: cards composed in order, with a simulated card ledger
 * feeding rotation exactly as the worker does (the client's last 3 cards, the rep's last 20),
 * then counted. A "headline form" and a "question template" are a template id plus its wording
 * (`since-touch#2`): what the rep actually reads.
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
  headline: { id: string; share: number };
  headlineTemplate: { id: string; share: number };
  /** Share of cards carrying the most common question template (wording). */
  question: { id: string; share: number };
  questionTemplate: { id: string; share: number };
  /** The rep with the most cards, and the fewest distinct question templates in any 20 of their consecutive cards. */
  rep: { ownerId: string; cards: number; minDistinct: number | undefined; minDistinctIds: number | undefined };
  /** The fewest over every rep with at least 20 cards. */
  minDistinctAnyRep: number | undefined;
  /** Cards that repeat a question template (id) from one of the client's previous 3 cards. */
  clientRepeats: number;
}

function minDistinct(cards: Card[], ids: (card: Card) => string[] = questionForms): number | undefined {
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
    const seen = new Set(earlier.flatMap((c) => c.card.questions.map((q) => q.templateId)));
    if (card.questions.some((q) => seen.has(q.templateId))) clientRepeats += 1;
  });
  return {
    cards: cards.length, skipped,
    headline: top(count(cards.map((c) => [headlineForm(c)])), cards.length),
    headlineTemplate: top(count(cards.map((c) => [c.headline.templateId])), cards.length),
    question: top(count(cards.map(questionForms)), cards.length),
    questionTemplate: top(count(cards.map((c) => c.questions.map((q) => q.templateId))), cards.length),
    rep: { ownerId, cards: repCards.length, minDistinct: minDistinct(repCards), minDistinctIds: minDistinct(repCards, (card) => card.questions.map((q) => q.templateId)) },
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
    `most common headline form      ${stats.headline.id.padEnd(28)} ${pct(stats.headline.share).padStart(7)}  goal ≤ 25 %  ${mark(stats.headline.share <= GOALS.headlineShare)}`,
    `most common question template  ${stats.question.id.padEnd(28)} ${pct(stats.question.share).padStart(7)}  goal ≤ 15 %  ${mark(stats.question.share <= GOALS.questionShare)}`,
    `distinct question templates in any 20 consecutive cards of rep ${stats.rep.ownerId} (${stats.rep.cards} cards): min ${distinct ?? 'n/a (< 20 cards)'}  goal ≥ 12  ${distinct === undefined ? '' : mark(distinct >= GOALS.distinctInWindow)}`,
    `  same, fewest over every rep with ≥ 20 cards: ${stats.minDistinctAnyRep ?? 'n/a'}`,
    `  (by template id alone, wording aside: headline ${stats.headlineTemplate.id} ${pct(stats.headlineTemplate.share)}, question ${stats.questionTemplate.id} ${pct(stats.questionTemplate.share)} of cards, min distinct per 20 cards ${stats.rep.minDistinctIds ?? 'n/a'})`,
    `cards repeating a question template from the client's previous 3 cards: ${stats.clientRepeats}`,
  ];
}
