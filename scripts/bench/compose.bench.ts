/**
 * Card composition throughput over the snapshot fixtures: deriveSignals + composeCard per second
 * (target ≥ 10,000/s), each step alone, and the note renderer. Baseline measured in the same run:
 * zod-parsing the same snapshot, the work the adapter does anyway before composing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeCard } from '../../src/cards/compose-card.ts';
import { renderNoteBody } from '../../src/cards/render-note.ts';
import { CrmSnapshotSchema, type CrmSnapshot } from '../../src/context/crm-snapshot.ts';
import { deriveSignals } from '../../src/context/derive-signals.ts';
import type { Signals } from '../../src/context/signals.ts';
import { opsPerSecond, type BenchRow } from './bench-row.ts';

const dir = fileURLToPath(new URL('../../tests/fixtures/snapshots', import.meta.url));
const NOW = Date.parse('2026-03-24T09:00:00Z');

export default async function bench(options: { quick: boolean }): Promise<BenchRow[]> {
  const raw = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
  const snapshots: CrmSnapshot[] = raw.map((input) => CrmSnapshotSchema.parse(input));
  const signals: Signals[] = snapshots.map((snapshot) => deriveSignals(snapshot, NOW));
  const ms = options.quick ? 300 : 2_000;
  const n = snapshots.length;
  let i = 0;
  const pick = <T>(list: T[]): T => list[i++ % n] as T;

  const full = opsPerSecond(() => {
    const snapshot = pick(snapshots);
    composeCard({ snapshot, signals: deriveSignals(snapshot, NOW), now: NOW });
  }, ms);
  i = 0;
  const derive = opsPerSecond(() => void deriveSignals(pick(snapshots), NOW), ms);
  i = 0;
  const compose = opsPerSecond(() => {
    const k = i++ % n;
    composeCard({ snapshot: snapshots[k] as CrmSnapshot, signals: signals[k] as Signals, now: NOW });
  }, ms);
  i = 0;
  const cards = snapshots.map((snapshot, k) => composeCard({ snapshot, signals: signals[k] as Signals, now: NOW }));
  const note = opsPerSecond(() => void renderNoteBody(pick(cards)), ms);
  i = 0;
  const parse = opsPerSecond(() => void CrmSnapshotSchema.parse(pick(raw)), ms);

  const setup = `${n} fixtures, round-robin; baseline = zod-parsing the same snapshot`;
  return [
    { name: 'compose', metric: 'signals+compose', value: full.perSecond, unit: 'cards/s', baseline: parse.perSecond, ratio: full.perSecond / parse.perSecond, note: `${setup}; target ≥ 10,000/s` },
    { name: 'compose', metric: 'deriveSignals', value: derive.perSecond, unit: 'ops/s' },
    { name: 'compose', metric: 'composeCard', value: compose.perSecond, unit: 'ops/s' },
    { name: 'compose', metric: 'renderNoteBody', value: note.perSecond, unit: 'ops/s' },
    { name: 'compose', metric: 'CrmSnapshotSchema.parse (baseline)', value: parse.perSecond, unit: 'ops/s' },
  ];
}
