/** Precision, recall and F1 of the generic class, overall and by slice. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Scored {
  generic: boolean;
  said: boolean;
}

export function countOf(items: readonly Scored[]): Counts {
  const counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { generic, said } of items) {
    if (said && generic) counts.tp += 1;
    else if (said) counts.fp += 1;
    else if (generic) counts.fn += 1;
    else counts.tn += 1;
  }
  return counts;
}

export function precision(counts: Counts): number {
  return counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
}

export function recall(counts: Counts): number {
  return counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
}

export function f1(counts: Counts): number {
  const [p, r] = [precision(counts), recall(counts)];
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** "P 0.97 R 0.95 F1 0.96" for a table cell. */
export function summary(counts: Counts): string {
  return `P ${precision(counts).toFixed(2)} R ${recall(counts).toFixed(2)} F1 ${f1(counts).toFixed(2)}`;
}
