/**
 * `npm run eval -- [--part test|dev] [--errors N] [--show-test-errors] [--freeze] [--corpus DIR]`
 *
 * Scores the default rules on the labelled corpus in `eval/corpus/` (see its README: where the
 * items come from and the labelling rules), side by side with a naive keyword match and a naive
 * Bayes scorer trained on the development part: precision, recall and F1 of the generic class,
 * overall, per language and per kind, and the confusion with examples.
 *
 * The corpus is split by group (sha256 of the group name): 40 % of the groups form the frozen
 * test part. Tuning looks at the development part only: error examples are printed for it, and
 * for the test part only with `--show-test-errors`. `eval/corpus/FROZEN-TEST.txt` lists the test
 * items with a hash of each; the run stops (exit 2) when the test part differs from it, so a
 * changed or added test item cannot go unnoticed. `--freeze` writes it (once, when the corpus is
 * gathered) and stops without a report, so freezing is not a look at the test part. Exit status:
 * 0 after a report, 2 when the corpus or the manifest is wrong.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyTask, DEFAULT_RULE_PACK, resolveRules } from '../src/rules/index.ts';
import type { Classification } from '../src/rules/index.ts';
import { KINDS, loadCorpus, partOf, testManifest } from './eval/corpus.ts';
import type { CorpusItem, Part } from './eval/corpus.ts';
import { keywordSaysGeneric } from './eval/keyword-baseline.ts';
import { countOf, f1, precision, recall, summary } from './eval/metrics.ts';
import type { Scored } from './eval/metrics.ts';
import { bayesScore, trainBayes } from './eval/naive-bayes.ts';

const ROOT = new URL('..', import.meta.url).pathname;

interface Judged {
  item: CorpusItem;
  verdict: Classification;
  keyword: boolean;
  bayes: boolean;
}

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function stop(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const asExample = (item: CorpusItem) => ({ subject: item.subject, body: item.body, generic: item.label === 'generic' });

/** Naive Bayes verdicts: trained on dev for the test part; 5-fold by group within dev. */
function bayesVerdicts(items: readonly CorpusItem[], dev: readonly CorpusItem[], part: Part): Map<string, boolean> {
  const scored = new Map<string, boolean>();
  const labelled = (list: readonly CorpusItem[]) => list.filter((item) => item.label !== 'borderline').map(asExample);
  if (part === 'test') {
    const model = trainBayes(labelled(dev), 1);
    for (const item of items) scored.set(item.id, bayesScore(model, item.subject, item.body) > 0);
    return scored;
  }
  const fold = (item: CorpusItem) => createHash('sha256').update(`fold:${item.group}`).digest().readUInt32BE(0) % 5;
  for (let k = 0; k < 5; k += 1) {
    const model = trainBayes(labelled(items.filter((item) => fold(item) !== k)), 1);
    for (const item of items.filter((candidate) => fold(candidate) === k)) scored.set(item.id, bayesScore(model, item.subject, item.body) > 0);
  }
  return scored;
}

function row(label: string, judged: readonly Judged[]): string {
  const scored = judged.filter((entry) => entry.item.label !== 'borderline');
  const as = (pick: (entry: Judged) => boolean): Scored[] => scored.map((entry) => ({ generic: entry.item.label === 'generic', said: pick(entry) }));
  const cells = [as((entry) => entry.verdict.robotic), as((entry) => entry.keyword), as((entry) => entry.bayes)].map((list) => summary(countOf(list)).padEnd(24));
  return `${label.padEnd(16)}${String(scored.length).padStart(5)}  ${cells.join('')}`;
}

function kindRow(kind: string, judged: readonly Judged[]): string {
  const of = judged.filter((entry) => entry.item.kind === kind && entry.item.label === 'generic');
  const share = (pick: (entry: Judged) => boolean) => `found ${of.filter(pick).length}/${of.length}`.padEnd(24);
  return `${`  ${kind}`.padEnd(16)}${String(of.length).padStart(5)}  ${share((entry) => entry.verdict.robotic)}${share((entry) => entry.keyword)}${share((entry) => entry.bayes)}`;
}

function example(entry: Judged): string {
  const { item, verdict } = entry;
  const body = item.body === '' ? '' : ` | body ${JSON.stringify(Array.from(item.body).slice(0, 80).join(''))}`;
  return `  [${item.id}] ${JSON.stringify(item.subject)}${body} (${item.lang}, ${item.kind}) — labelled because: ${item.why}\n      said: ${verdict.robotic ? `robotic (${verdict.ruleId})` : 'specific'}: ${verdict.reasons[0] ?? ''}`;
}

function main(): void {
  const args = process.argv.slice(2);
  const part = (option(args, '--part') ?? 'test') as Part;
  if (part !== 'test' && part !== 'dev') stop('--part must be "test" or "dev"');
  const errors = Number(option(args, '--errors') ?? '15');
  const CORPUS_DIR = option(args, '--corpus') ?? join(ROOT, 'eval/corpus');
  const MANIFEST = join(CORPUS_DIR, 'FROZEN-TEST.txt');
  if (!existsSync(CORPUS_DIR)) stop(`no corpus at ${CORPUS_DIR}`);
  let corpus: CorpusItem[];
  try {
    corpus = loadCorpus(CORPUS_DIR);
  } catch (error) {
    stop((error as Error).message);
  }
  const manifest = testManifest(corpus);
  if (args.includes('--freeze')) {
    writeFileSync(MANIFEST, manifest);
    process.stdout.write(`froze ${manifest.trim().split('\n').length} test items in ${MANIFEST}\n`);
    // Freezing is not a look at the test part: no report.
    process.exit(0);
  }
  if (!existsSync(MANIFEST)) stop(`no ${MANIFEST}: run once with --freeze when the corpus is complete`);
  if (readFileSync(MANIFEST, 'utf8') !== manifest) stop(`the test part differs from ${MANIFEST}: a test item was changed, added or removed. Restore it, or re-freeze only with a new, unseen test part.`);

  const rules = resolveRules(DEFAULT_RULE_PACK);
  const dev = corpus.filter((item) => partOf(item.group) === 'dev');
  const items = corpus.filter((item) => partOf(item.group) === part);
  const bayes = bayesVerdicts(items, dev, part);
  const judged: Judged[] = items.map((item) => ({
    item,
    verdict: classifyTask({ subject: item.subject, body: item.body, type: item.type }, rules),
    keyword: keywordSaysGeneric(item.subject, item.body),
    bayes: bayes.get(item.id) ?? false,
  }));
  const scored = judged.filter((entry) => entry.item.label !== 'borderline');
  const out: string[] = [];
  const generic = scored.filter((entry) => entry.item.label === 'generic').length;
  out.push(`corpus: ${corpus.length} items; ${part} part: ${items.length} items (${generic} generic, ${scored.length - generic} specific, ${items.length - scored.length} borderline, not scored)`);
  out.push(`bayes: ${part === 'test' ? 'trained on the dev part' : '5-fold cross-validation by group within the dev part'}`);
  out.push('');
  out.push(`${'slice'.padEnd(16)}${'items'.padStart(5)}  ${'Unrobot rules'.padEnd(24)}${'keyword baseline'.padEnd(24)}${'naive Bayes'.padEnd(24)}`);
  out.push(row('all', judged));
  for (const lang of [...new Set(items.map((item) => item.lang))].sort()) out.push(row(lang, judged.filter((entry) => entry.item.lang === lang)));
  // Rounds of gathering: v2-* and v3-* files came after the lexicon was tuned on the first.
  const roundOf = (entry: Judged): string => /^v(\d+)-/.exec(entry.item.id)?.[1] ?? '1';
  for (const round of [...new Set(judged.map(roundOf))].sort()) out.push(row(`round ${round}`, judged.filter((entry) => roundOf(entry) === round)));
  out.push('generic, by kind');
  for (const kind of KINDS) out.push(kindRow(kind, judged));
  const specific = judged.filter((entry) => entry.item.label === 'specific');
  const wrong = (pick: (entry: Judged) => boolean) => `called generic ${specific.filter(pick).length}/${specific.length}`.padEnd(24);
  out.push(`${'specific'.padEnd(16)}${String(specific.length).padStart(5)}  ${wrong((entry) => entry.verdict.robotic)}${wrong((entry) => entry.keyword)}${wrong((entry) => entry.bayes)}`);
  const borderline = judged.filter((entry) => entry.item.label === 'borderline');
  out.push(`${'borderline'.padEnd(16)}${String(borderline.length).padStart(5)}  called generic ${borderline.filter((entry) => entry.verdict.robotic).length}/${borderline.length} (not scored)`);
  const counts = countOf(scored.map((entry) => ({ generic: entry.item.label === 'generic', said: entry.verdict.robotic })));
  out.push('');
  out.push(`confusion (Unrobot rules): generic→robotic ${counts.tp}, generic→specific ${counts.fn}, specific→robotic ${counts.fp}, specific→specific ${counts.tn}`);
  out.push(`precision ${precision(counts).toFixed(3)}  recall ${recall(counts).toFixed(3)}  F1 ${f1(counts).toFixed(3)}`);
  const byRule = new Map<string, number>();
  for (const entry of judged) if (entry.verdict.ruleId !== null) byRule.set(entry.verdict.ruleId, (byRule.get(entry.verdict.ruleId) ?? 0) + 1);
  out.push(`rules credited: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([id, count]) => `${id} ${count}`).join(', ')}`);
  const missed = scored.filter((entry) => entry.item.label === 'generic' && !entry.verdict.robotic);
  const noise = scored.filter((entry) => entry.item.label === 'specific' && entry.verdict.robotic);
  if (part === 'dev' || args.includes('--show-test-errors')) {
    out.push('', `missed (generic called specific), first ${Math.min(errors, missed.length)} of ${missed.length}:`, ...missed.slice(0, errors).map(example));
    out.push('', `noise (specific called robotic), first ${Math.min(errors, noise.length)} of ${noise.length}:`, ...noise.slice(0, errors).map(example));
  } else {
    out.push('', `errors on the frozen test part are not shown (${missed.length} missed, ${noise.length} noise); tune on --part dev.`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
