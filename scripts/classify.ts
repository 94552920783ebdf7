/**
 * `npm run classify -- [--overrides overrides.json] [file.jsonl]` (or JSONL on stdin).
 *
 * Each input line is a JSON object `{"subject": "...", "body"?: "...", "type"?: "CALL", "origin"?:
 * "sequence", "locale"?: "de", "names"?: ["Maria Weber"]}`; other fields are kept. Each output
 * line on stdout is that object plus `robotic`, `confidence`, `ruleId` and `reasons`, in input
 * order. Nothing else is written to stdout. A line that is not a JSON object with a string
 * `subject` produces `{"line": n, "error": "..."}` on stderr and is skipped; blank lines are
 * ignored. Exit status: 0 when every line was classified, 1 when some lines were skipped, 2 when
 * the input or the overrides file cannot be read or the overrides are invalid.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { classifyTask, DEFAULT_RULE_PACK, resolveRules, RuleOverridesSchema, TaskOriginSchema } from '../src/rules/index.ts';
import type { EffectiveRules, TaskPrompt } from '../src/rules/index.ts';

function fail(message: string): never {
  process.stderr.write(`${JSON.stringify({ error: message })}\n`);
  process.exit(2);
}

function loadRules(path: string | undefined): EffectiveRules {
  if (path === undefined) return resolveRules(DEFAULT_RULE_PACK);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    fail(`cannot read overrides ${path}: ${(error as Error).message}`);
  }
  const parsed = RuleOverridesSchema.safeParse(raw);
  if (!parsed.success) fail(`invalid overrides ${path}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return resolveRules(DEFAULT_RULE_PACK, parsed.data);
}

function toPrompt(record: Record<string, unknown>): TaskPrompt {
  const origin = TaskOriginSchema.safeParse(record['origin']);
  const names = Array.isArray(record['names']) ? record['names'].filter((name): name is string => typeof name === 'string') : undefined;
  const optional = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  return {
    subject: record['subject'] as string,
    body: optional(record['body']),
    type: optional(record['type']),
    origin: origin.success ? origin.data : undefined,
    locale: optional(record['locale']),
    names,
  };
}

function parseLine(line: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  if (typeof record['subject'] !== 'string') return '"subject" must be a string';
  return record;
}

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

async function main(): Promise<void> {
  // A closed pipe (`| head`) ends the run quietly, as other Unix filters do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 2));
  const args = process.argv.slice(2);
  const at = args.indexOf('--overrides');
  const overridesPath = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && overridesPath === undefined) fail('--overrides needs a file');
  const files = args.filter((_arg, index) => at < 0 || (index !== at && index !== at + 1));
  const rules = loadRules(overridesPath);
  const input: Readable = files[0] !== undefined && files[0] !== '-' ? createReadStream(files[0]) : process.stdin;
  input.on('error', (error) => fail(`cannot read ${files[0]}: ${error.message}`));
  let lineNumber = 0;
  let skipped = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const record = parseLine(line);
    if (typeof record === 'string') {
      skipped += 1;
      process.stderr.write(`${JSON.stringify({ line: lineNumber, error: record })}\n`);
      continue;
    }
    const { robotic, confidence, ruleId, reasons } = classifyTask(toPrompt(record), rules);
    await write(`${JSON.stringify({ ...record, robotic, confidence, ruleId, reasons })}\n`);
  }
  process.exitCode = skipped > 0 ? 1 : 0;
}

await main();
