import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../..', import.meta.url).pathname;
const NODE = join(ROOT, 'node_modules/.bin/node');

function run(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const child = spawnSync(NODE, [join(ROOT, 'scripts/classify.ts'), ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const lines = (text: string): unknown[] => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as unknown);

test('when JSONL arrives on stdin, then each line comes out with the verdict added and other fields kept', () => {
  const result = run([], '{"subject":"Follow up","id":"t1","type":"CALL"}\n\n{"subject":"Call re: the SSO clause in the 2027 renewal","body":"","names":["Acme"]}\n');
  expect(result.status).toBe(0);
  expect(result.stderr).toBe('');
  const [first, second] = lines(result.stdout) as Record<string, unknown>[];
  expect(first).toMatchObject({ subject: 'Follow up', id: 't1', type: 'CALL', robotic: true, confidence: 0.9, ruleId: 'follow-up' });
  expect(first?.['reasons']).toEqual(expect.arrayContaining(['Matched "follow up" (Generic follow-up).']));
  expect(second).toMatchObject({ robotic: false, ruleId: null, names: ['Acme'] });
  expect(Object.keys(first ?? {})).toEqual(['subject', 'id', 'type', 'robotic', 'confidence', 'ruleId', 'reasons']);
});

test('when a line is bad, then an error line goes to stderr, the rest is classified and the exit status is 1', () => {
  const result = run([], 'nope\n{"subject":3}\n[1]\n{"subject":"Check in","origin":"bogus"}\n');
  expect(result.status).toBe(1);
  expect(lines(result.stdout)).toHaveLength(1);
  expect(lines(result.stderr)).toEqual([
    { line: 1, error: expect.stringMatching(/^not JSON/) },
    { line: 2, error: '"subject" must be a string' },
    { line: 3, error: 'not a JSON object' },
  ]);
});

test('when a file and portal overrides are given, then the file is read and the overrides apply', () => {
  const dir = mkdtempSync(join(tmpdir(), 'classify-'));
  writeFileSync(join(dir, 'in.jsonl'), '{"subject":"Follow up"}\n');
  writeFileSync(join(dir, 'overrides.json'), JSON.stringify({ rules: { 'follow-up': { enabled: false } } }));
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ rules: { 'follow-up': { enabled: 'no' } } }));
  expect(lines(run([join(dir, 'in.jsonl')]).stdout)).toMatchObject([{ robotic: true }]);
  expect(lines(run(['--overrides', join(dir, 'overrides.json'), join(dir, 'in.jsonl')]).stdout)).toMatchObject([{ robotic: false }]);
  const invalid = run(['--overrides', join(dir, 'bad.json'), join(dir, 'in.jsonl')]);
  expect(invalid.status).toBe(2);
  expect(invalid.stderr).toMatch(/invalid overrides .*rules\.follow-up\.enabled/);
  expect(invalid.stdout).toBe('');
});

test('when the input file is missing, then the exit status is 2 and stdout stays empty', () => {
  const result = run(['/nonexistent/prompts.jsonl']);
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(JSON.parse(result.stderr)).toEqual({ error: expect.stringMatching(/cannot read/) });
});
