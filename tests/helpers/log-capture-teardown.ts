/**
 * Jest global teardown: the grep gate (RELIABILITY.md row 54). Scans every captured log line for
 * the fixture secrets, the signatures the helpers made and the registered tokens; any hit fails
 * the run. The capture directory is kept when something leaked, removed otherwise.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_SECRETS, findLeaks } from './log-secrets.ts';

export default function teardown(): void {
  const dir = process.env.UNROBOT_TEST_LOG_DIR;
  if (dir === undefined) return;
  const files = readdirSync(dir);
  const registered = files.filter((name) => name.startsWith('secrets-'))
    .flatMap((name) => readFileSync(join(dir, name), 'utf8').split('\n').filter((line) => line.length >= 8));
  const secrets = [...new Set([...FIXTURE_SECRETS, ...registered])];
  let lines = 0;
  const hits = files.filter((name) => !name.startsWith('secrets-')).flatMap((name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    lines += text.split('\n').length - 1;
    return findLeaks(name, text, secrets);
  });
  if (hits.length > 0) {
    const sample = hits.slice(0, 20).map((hit) => `  ${hit.file}:${hit.line} ${hit.what}`).join('\n');
    throw new Error(`secret scan: ${hits.length} hit(s) in the captured test logs (kept in ${dir}):\n${sample}`);
  }
  process.stdout.write(`\nsecret scan: ${lines} captured log lines, ${secrets.length} secrets checked, 0 hits\n`);
  rmSync(dir, { recursive: true, force: true });
}
