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
  const recent = history.recent;
  for (let i = 0; i < recent.length && i < CLIENT_DEPTH; i += 1) if (mentions(recent[i] as HistoryEntry, id)) return CLIENT_REPEAT;
  const rep = history.rep;
  if (rep === undefined) return 0;
  let uses = 0;
  for (let i = 0; i < rep.length && i < REP_DEPTH; i += 1) if (mentions(rep[i] as HistoryEntry, id)) uses += 1;
  return Math.min(REP_MAX, uses * REP_STEP);
}

const FNV_OFFSET = 2166136261;

/** FNV-1a over `text`, continuing from `h`: hash(a + b) === continueHash(continueHash(FNV_OFFSET, a), b). */
function continueHash(h: number, text: string): number {
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

interface FormKey {
  form: number;
  onClient: number;
  uses: number;
  recency: number;
  tie: number;
}

const compareKeys = (a: FormKey, b: FormKey): number => a.onClient - b.onClient || a.uses - b.uses || a.recency - b.recency || a.tie - b.tie;

/**
 * The hash state after `${seed}|`, which every per-task tie-break starts with. One task's card asks
 * it for every template and wording, so the last seed's state is kept (a pure cache: same seed,
 * same state) instead of building and hashing the same prefix string each time.
 */
let lastSeed: string | undefined;
let lastSeedState = 0;
function seedState(seed: string): number {
  if (seed !== lastSeed) {
    lastSeedState = Math.imul(continueHash(FNV_OFFSET, seed) ^ 0x7c, 16777619); // then '|'
    lastSeed = seed;
  }
  return lastSeedState;
}

/**
 * A small stable per-task spread (from the seed, the task id) between question templates: signals
 * of about the same strength take turns across a team's first cards too, where no rep has a history
 * yet. Same task, same spread, same card; 0 without a seed.
 */
export function spread(id: string, history: CardHistory): number {
  // FNV-1a of `${seed}|${id}`, continued from the seed's state rather than over a new string.
  return history.seed === undefined ? 0 : (SPREAD * (continueHash(seedState(history.seed), id) >>> 0)) / 0xffffffff;
}

/** Whether any card rotation looks at recorded its wordings: if none did, only the tie-break orders forms. */
function anyVariants(cards: readonly HistoryEntry[], depth: number): boolean {
  for (let i = 0; i < depth; i += 1) if ((cards[i] as HistoryEntry).variants !== undefined) return true;
  return false;
}

/** FNV-1a of `${prefix}${form}` from the state after `prefix`, without building the string. */
function continueDigits(h: number, form: number): number {
  return form < 10 ? Math.imul(h ^ (0x30 + form), 16777619) : continueHash(h, String(form));
}

/**
 * The order in which to try a template's `count` forms: forms on the client's recent cards last,
 * then fewest uses on the rep's recent cards, then longest ago, then a stable per-task shuffle
 * (a hash of `seed|template#form`). Equal keys keep form order.
 */
export function formOrder(id: string, count: number, history: CardHistory): number[] {
  if (count === 1) return [0];
  const recent = history.recent;
  const rep = history.rep ?? [];
  const repDepth = Math.min(rep.length, REP_DEPTH);
  const clientDepth = Math.min(recent.length, CLIENT_DEPTH);
  // The state after `${seed}|${id}#`: each form's tie-break only adds its digits.
  const prefix = Math.imul(continueHash(seedState(history.seed ?? ''), id) ^ 0x23, 16777619); // '#'
  const order = new Array<number>(count);
  for (let form = 0; form < count; form += 1) order[form] = form;
  if (!anyVariants(recent, clientDepth) && !anyVariants(rep, repDepth)) {
    // Nothing read before: every form's other keys are equal (0, 0, -REP_DEPTH), so the tie-break alone orders them.
    const ties = count <= TIES.length ? TIES : new Float64Array(count);
    for (let form = 0; form < count; form += 1) ties[form] = continueDigits(prefix, form) >>> 0;
    insertionSort(order, (a, b) => (ties[a] as number) - (ties[b] as number));
    return order;
  }
  const keys: FormKey[] = [];
  for (let form = 0; form < count; form += 1) {
    const variant = variantId(id, form);
    let onClient = 0;
    for (let i = 0; i < clientDepth && onClient === 0; i += 1) if ((recent[i] as HistoryEntry).variants?.includes(variant) === true) onClient = 1;
    let uses = 0;
    let last = -1;
    for (let i = 0; i < repDepth; i += 1) {
      if ((rep[i] as HistoryEntry).variants?.includes(variant) !== true) continue;
      uses += 1;
      if (last === -1) last = i;
    }
    keys.push({ form, onClient, uses, recency: last === -1 ? -REP_DEPTH : -last, tie: continueDigits(prefix, form) >>> 0 });
  }
  insertionSort(order, (a, b) => compareKeys(keys[a] as FormKey, keys[b] as FormKey));
  return order;
}

/** Scratch space for the tie-breaks of one formOrder call (templates have a handful of forms). */
const TIES = new Float64Array(16);

/** A stable sort for the few forms a template has: the same order as Array#sort with `compare`, without its allocations. */
function insertionSort(items: number[], compare: (a: number, b: number) => number): void {
  for (let i = 1; i < items.length; i += 1) {
    const item = items[i] as number;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as number, item) > 0) {
      items[j + 1] = items[j] as number;
      j -= 1;
    }
    items[j + 1] = item;
  }
}
