/**
 * The evaluation corpus (`eval/corpus/*.jsonl`): labelled task prompts gathered from public
 * sources, split by group into a development part and a frozen test part that tuning never sees.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const KINDS = ['plain', 'pointer', 'filler', 'question', 'invitation', 'template', 'vague-work'] as const;

export const CorpusItemSchema = z.object({
  id: z.string().min(1),
  group: z.string().min(1),
  lang: z.enum(['en', 'de', 'fr', 'es', 'nl', 'pt', 'it']),
  subject: z.string(),
  body: z.string().default(''),
  type: z.string().default('TODO'),
  label: z.enum(['generic', 'specific', 'borderline']),
  kind: z.enum([...KINDS, 'specific']),
  why: z.string().min(1),
  source: z.string().min(1),
});
export type CorpusItem = z.infer<typeof CorpusItemSchema>;

export type Part = 'dev' | 'test';

/** Share of groups in the frozen test part. */
export const TEST_SHARE = 0.4;

/** A group's part, fixed by a hash of its name: the same group is always in the same part. */
export function partOf(group: string): Part {
  const hash = createHash('sha256').update(`unrobot-eval:${group}`).digest();
  return hash.readUInt32BE(0) / 2 ** 32 < TEST_SHARE ? 'test' : 'dev';
}

/**
 * The public source each group came from (a GitHub repository or a web site; written items by their
 * file), so cross-validation can hold out whole sources: how the classifier does on a CRM whose
 * wording it has never met. A group takes the source of its first item that names one (variants
 * and translations follow their original).
 */
export function sourcesOf(items: readonly CorpusItem[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of items) {
    const found = /^(github:[^:@ /]+\/[^:@ /]+|https?:\/\/[^/]+)/.exec(item.source)?.[1];
    if (found !== undefined && !out.has(item.group)) out.set(item.group, found.replace(/^https?:\/\/(www\.)?/, ''));
  }
  for (const item of items) if (!out.has(item.group)) out.set(item.group, `written:${item.id.replace(/-\d+$/, '')}`);
  return out;
}

/** Reads and checks every corpus file; a bad line names its file and line. */
export function loadCorpus(dir: string): CorpusItem[] {
  const items: CorpusItem[] = [];
  const problems: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        let raw: unknown;
        try {
          raw = JSON.parse(line);
        } catch (error) {
          problems.push(`${file}:${index + 1}: not JSON (${(error as Error).message})`);
          return;
        }
        const parsed = CorpusItemSchema.safeParse(raw);
        if (parsed.success) items.push(parsed.data);
        else problems.push(`${file}:${index + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
      });
  }
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) problems.push(`duplicate id ${item.id}`);
    seen.add(item.id);
  }
  if (problems.length > 0) throw new Error(`the corpus in ${dir} has ${problems.length} problem(s):\n${problems.slice(0, 20).join('\n')}`);
  return items;
}

/** One manifest line per test item: its id and a hash of what it says, sorted by id. */
export function testManifest(items: readonly CorpusItem[]): string {
  return (
    items
      .filter((item) => partOf(item.group) === 'test')
      .map((item) => `${item.id}\t${createHash('sha256').update(JSON.stringify([item.subject, item.body, item.type, item.label, item.kind])).digest('hex').slice(0, 16)}`)
      .sort()
      .join('\n') + '\n'
  );
}
