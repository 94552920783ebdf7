/**
 * The trained scorer's weights (`generic-scorer-weights.json`, written by `npm run train-scorer`):
 * one string of "feature<TAB>weight" lines, parsed once at import. A JSON module, not generated
 * TypeScript: Node's type stripping of a 650 KB source grew its WASM memory by ≈ 20 MB of RSS for
 * the life of the process; the JSON costs under 1 MB.
 */
import type { ScorerModel } from './generic-scorer.ts';
import { weightTable } from './generic-scorer.ts';
import trained from './generic-scorer-weights.json' with { type: 'json' };

export const GENERIC_SCORER_MODEL: ScorerModel = { bias: trained.bias, threshold: trained.threshold, weights: weightTable(trained.table) };
