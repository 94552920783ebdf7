/**
 * Prints the card Unrobot would post for a CRM snapshot file, as text, with its signals.
 *   npm run preview -- tests/fixtures/snapshots/silent-client-quarter-end.json [--now 2026-03-24T09:00:00Z] [--locale de]
 * Without --now it uses the snapshot's capturedAt, so fixtures preview the same way every time.
 *   npm run preview -- --demo-stats
 * prints how varied the cards read (issue 17) over the demo portal and 500 generated snapshots.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCrmSnapshot } from '../src/context/crm-snapshot.ts';
import { deriveSignals } from '../src/context/derive-signals.ts';
import { composeCard } from '../src/cards/compose-card.ts';
import { renderTaskBodyAppendix } from '../src/cards/render-task-body.ts';
import { runDemoStats } from './preview/demo-stats.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { now: { type: 'string' }, locale: { type: 'string' }, json: { type: 'boolean' }, 'demo-stats': { type: 'boolean' } },
});
if (values['demo-stats'] === true) {
  process.stdout.write(`${await runDemoStats()}\n`);
  process.exit(0);
}
const file = positionals[0] ?? fail('usage: npm run preview -- <snapshot.json> [--now ISO] [--locale de|fr|es|en] [--json] | --demo-stats');
const snapshot = parseCrmSnapshot(JSON.parse(readFileSync(file, 'utf8')));
const now = values.now === undefined ? (snapshot.capturedAt ?? Date.now()) : Date.parse(values.now);
if (Number.isNaN(now)) fail(`--now is not a date: ${values.now}`);

const signals = deriveSignals(snapshot, now);
const card = composeCard({ snapshot, signals, now, ...(values.locale === undefined ? {} : { locale: values.locale }) });

if (values.json === true) {
  process.stdout.write(`${JSON.stringify({ signals, card }, null, 2)}\n`);
} else {
  const { client, completeness, ...rest } = signals;
  const lines = [
    `# ${file}  (now ${new Date(now).toISOString()}, locale ${card.locale})`,
    '',
    renderTaskBodyAppendix(card),
    '',
    '-- signals --',
    `client: ${JSON.stringify(client)}`,
    ...Object.entries(rest).map(([key, value]) => `${key}: ${JSON.stringify(value, (k, v) => (k === 'evidence' ? undefined : v))}`),
    `completeness: ${JSON.stringify(completeness)}`,
    `-- templates: ${card.headline.templateId} | ${card.questions.map((q) => `${q.templateId} (${q.lens})`).join(' | ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
