import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const preview = (...args: string[]) => spawnSync(process.execPath, ['scripts/preview.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

test('when a fixture is previewed, then the card and its signals are printed as text', () => {
  const run = preview('tests/fixtures/snapshots/silent-client-quarter-end.json');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('Before you write to Acme Robotics: what do you know about their situation today that you did not know when they last replied 23 days ago?');
  expect(run.stdout).toContain('-- signals --');
  expect(run.stdout).toContain('stageAge: {"dealId":"8801"');
});

test('when a locale and a time are given, then the card follows them', () => {
  const run = preview('tests/fixtures/snapshots/silent-client-quarter-end.json', '--locale', 'de', '--now', '2026-03-25T09:00:00Z');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('locale de');
  expect(run.stdout).toContain('vor 24 Tagen');
});

test('when no file or a bad time is given, then it exits 2 with a usage line', () => {
  expect(preview().status).toBe(2);
  const bad = preview('tests/fixtures/snapshots/fresh-lead.json', '--now', 'soon');
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('--now is not a date');
});

test('when --demo-stats is asked, then it prints the variety over the demo portal and 500 snapshots, and every goal is met', () => {
  const run = preview('--demo-stats');
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/## demo portal \(\d+ tasks\), as seeded: \d+ cards/);
  expect(run.stdout).toContain('## 500 generated snapshots: 500 cards');
  expect(run.stdout).toContain('## Three demo cards, each beside its task');
  expect(run.stdout.match(/### Task: /g)).toHaveLength(3);
  expect(run.stdout).not.toContain('MISSED');
  expect(run.stdout.match(/goal ≥ 12 {2}ok/g)?.length).toBeGreaterThanOrEqual(2);
  expect(run.stdout.match(/cards repeating a headline or question template from the client's previous 3 cards: 0/g)).toHaveLength(3);
  // Counted by template id, as the goals are.
  expect(run.stdout.match(/most common headline template {2}headline\./g)).toHaveLength(3);
  expect(run.stdout.match(/most common question template {2}[a-z-]+\.[a-z-]+ /g)).toHaveLength(3);
});
