/**
 * The settings API's dry-run preview over a full window (2,000 stored task subjects, the most one
 * preview reads) on PGlite, end to end through `runPreview`, against a baseline measured in the
 * same run: classifying the same subjects in memory (the unavoidable part of the work).
 */
import { readFileSync } from 'node:fs';
import { classifyTask, DEFAULT_RULE_PACK, resolveRules } from '../../src/rules/index.ts';
import { DEFAULT_PORTAL_SETTINGS } from '../../src/settings/portal-settings.ts';
import { PREVIEW_TASK_LIMIT, runPreview } from '../../src/settings/preview.ts';
import { applyMigrations } from '../../src/store/migrations.ts';
import { createPgliteDatabase } from '../../src/store/pglite-database.ts';
import type { BenchRow } from './bench-row.ts';

const PORTAL = '24681357';
const NOW = Date.parse('2026-11-20T12:00:00Z');

function subjects(): string[] {
  const text = readFileSync(new URL('../../tests/fixtures/prompts/en.jsonl', import.meta.url), 'utf8');
  const prompts = text.split('\n').filter((line) => line.trim() !== '').map((line) => (JSON.parse(line) as { subject: string }).subject);
  return Array.from({ length: PREVIEW_TASK_LIMIT }, (_, index) => prompts[index % prompts.length] ?? 'Follow up');
}

async function timed(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN;
}

export default async function bench(options: { quick: boolean }): Promise<BenchRow[]> {
  const db = await createPgliteDatabase('memory://');
  try {
    await applyMigrations(db);
    await db.query(`insert into webhook_deliveries (id, received_at, status, event_count, body) values ('00000000-0000-4000-8000-000000000001', now(), 'accepted', 0, '\\x5b5d')`);
    const list = subjects();
    await db.query(
      `insert into webhook_events (portal_id, event_key, delivery_id, status, subscription_type, object_type_id, object_id, event_id, subscription_id, property_name, property_value, occurred_at, received_at)
       select $1, 'k' || i, '00000000-0000-4000-8000-000000000001', 'queued', 'object.propertyChange', '0-27', (1000 + i)::text, i::text, '1', 'hs_task_subject', s, $2::bigint - i * 1000, now()
       from unnest($3::text[]) with ordinality as t(s, i)`, [PORTAL, NOW, list]);
    const runs = options.quick ? 3 : 10;
    const preview = await timed(runs, () => runPreview(db, { portalId: PORTAL, settings: DEFAULT_PORTAL_SETTINGS, days: 7, now: NOW }));
    const rules = resolveRules(DEFAULT_RULE_PACK);
    const classifyOnly = await timed(runs, () => { for (const subject of list) classifyTask({ subject, locale: 'en' }, rules); });
    return [{
      name: 'settings preview (2,000 stored tasks, PGlite)', metric: 'median latency', value: Math.round(preview), unit: 'ms',
      baseline: Math.round(classifyOnly), ratio: Math.round((preview / classifyOnly) * 100) / 100,
      note: `baseline: classifying the same ${list.length} subjects in memory; ${runs} runs each`,
    }];
  } finally {
    await db.close();
  }
}
