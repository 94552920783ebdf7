/**
 * Rotation: what keeps a rep's tenth card of the day from reading like the first. Two histories
 * from the card ledger: the client's last cards (any rep) and the rep's last cards (any client).
 * A template asked on the client's last {@link CLIENT_DEPTH} cards is held back unless nothing else
 * fits; a template the rep saw often lately loses a little strength per use; and among a template's
 * wordings (its forms) the one the rep saw least, and longest ago, is tried first.
 */

/** One earlier card as the ledger stored it: template ids and, for newer cards, the wording ids. */
export interface HistoryEntry {
  headlineId?: string;
  questionIds: string[];
  /** Wording ids (`template#form`, see {@link variantId}) of the card's headline and questions. */
  variants?: string[];
}

export interface CardHistory {
  /** Earlier cards on the same client, by any rep, newest first. */
  recent: HistoryEntry[];
  /** The same rep's earlier cards on any client, newest first. */
  rep?: HistoryEntry[];
  /** Breaks ties between equally fresh wordings (the task id), so the same inputs give the same card. */
  seed?: string;
}

/** How many of the client's cards a template may not repeat within. */
export const CLIENT_DEPTH = 3;
/** How many of the rep's cards rotation looks at. */
export const REP_DEPTH = 20;
/** What a template on one of the client's recent cards loses: more than any signal is worth. */
export const CLIENT_REPEAT = 10;
/** What a template loses per appearance on the rep's recent cards, and the most it can lose. */
const REP_STEP = 0.4;
const REP_MAX = 1;
/** The widest per-task spread between question templates (see {@link spread}). */
const SPREAD = 0.15;

/** `calm.need#2`: the wording a rep actually read. */
export const variantId = (id: string, form: number): string => `${id}#${form}`;

const mentions = (card: HistoryEntry, id: string): boolean => card.headlineId === id || card.questionIds.includes(id);

/** How much a template is held back by the client's and the rep's recent cards. */
export function penalty(id: string, history: CardHistory): number {
  if (history.recent.slice(0, CLIENT_DEPTH).some((card) => mentions(card, id))) return CLIENT_REPEAT;
  const uses = (history.rep ?? []).slice(0, REP_DEPTH).filter((card) => mentions(card, id)).length;
  return Math.min(REP_MAX, uses * REP_STEP);
}

/**
 * A small stable per-task spread (from the seed, the task id) between question templates: signals
 * of about the same strength take turns across a team's first cards too, where no rep has a history
 * yet. Same task, same spread, same card; 0 without a seed.
 */
export function spread(id: string, history: CardHistory): number {
  return history.seed === undefined ? 0 : (SPREAD * hash(`${history.seed}|${id}`)) / 0xffffffff;
}

/** A small stable hash, for tie-breaks only. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The order in which to try a template's `count` forms: forms on the client's recent cards last,
 * then fewest uses on the rep's recent cards, then longest ago, then a stable per-task shuffle.
 */
export function formOrder(id: string, count: number, history: CardHistory): number[] {
  const client = new Set(history.recent.slice(0, CLIENT_DEPTH).flatMap((card) => card.variants ?? []));
  const rep = (history.rep ?? []).slice(0, REP_DEPTH);
  const key = (form: number): number[] => {
    const variant = variantId(id, form);
    const seen = rep.map((card) => (card.variants ?? []).includes(variant));
    const last = seen.indexOf(true);
    return [client.has(variant) ? 1 : 0, seen.filter(Boolean).length, last === -1 ? -REP_DEPTH : -last, hash(`${history.seed ?? ''}|${variant}`)];
  };
  const keys = Array.from({ length: count }, (_, form) => ({ form, key: key(form) }));
  return keys.sort((a, b) => a.key.reduce((order, value, i) => order || value - (b.key[i] as number), 0)).map(({ form }) => form);
}
