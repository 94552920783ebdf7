/**
 * `npm run bench [-- --quick] [-- name …]`: runs every `scripts/bench/<name>.bench.ts` (or the
 * named ones), each in its own child process so that one bench's heap and timers never colour
 * another's, prints one table, and writes `bench/results.json`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './bench/bench-row.ts';

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = join(here, 'bench');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const childName = args[args.indexOf('--child') + 1];

async function runChild(name: string): Promise<void> {
  const module = (await import(pathToFileURL(join(benchDir, `${name}.bench.ts`)).href)) as {
    default: (options: { quick: boolean }) => Promise<BenchRow[]>;
  };
  const rows = await module.default({ quick });
  process.stdout.write(`\n@@rows ${JSON.stringify(rows)}\n`);
  process.exit(0);
}

function available(): string[] {
  return readdirSync(benchDir).filter((file) => file.endsWith('.bench.ts')).map((file) => file.replace(/\.bench\.ts$/, '')).sort();
}

function format(value: number | undefined, digits = 2): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits);
}

function main(): void {
  const names = args.filter((arg) => !arg.startsWith('--'));
  const all = available();
  const unknown = names.filter((name) => !all.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; available: ${all.join(', ')}\n`);
    process.exit(2);
  }
  const selected = names.length > 0 ? names : all;
  const results: { name: string; rows: BenchRow[]; error?: string; seconds: number }[] = [];
  for (const name of selected) {
    process.stderr.write(`bench ${name}${quick ? ' (quick)' : ''} …\n`);
    const started = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, ...(quick ? ['--quick'] : [])], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const line = child.stdout.split('\n').find((text) => text.startsWith('@@rows '));
    if (child.status !== 0 || line === undefined) {
      results.push({ name, rows: [], error: `exit ${child.status ?? child.signal}`, seconds });
      continue;
    }
    results.push({ name, rows: JSON.parse(line.slice('@@rows '.length)) as BenchRow[], seconds });
  }

  const table = results.flatMap((result) =>
    result.error !== undefined
      ? [[result.name, 'FAILED', result.error, '', '', '', '']]
      : result.rows.map((row) => [row.name, row.metric, format(row.value), row.unit, format(row.baseline), row.ratio === undefined ? '' : `${format(row.ratio)}×`, row.note ?? '']),
  );
  const header = ['bench', 'metric', 'value', 'unit', 'baseline', 'ratio', 'note'];
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => (row[column] ?? '').length)));
  const print = (row: string[]) => process.stdout.write(`${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()}\n`);
  print(header);
  print(widths.map((width) => '-'.repeat(width)));
  table.forEach(print);

  const out = join(here, '..', 'bench', 'results.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ quick, node: process.version, at: new Date().toISOString(), results }, null, 2)}\n`);
  process.stdout.write(`\nwrote ${out}\n`);
  if (results.some((result) => result.error !== undefined)) process.exit(1);
}

if (childName !== undefined && args.includes('--child')) await runChild(childName);
else main();
