/**
 * Service logs in tests go to a capture file, not to silence: a silent logger proves nothing
 * about leaks. Jest's global setup (log-capture-setup.ts) makes the directory; its teardown
 * (log-capture-teardown.ts) scans every captured line for the fixture secrets, the signatures the
 * helpers produced and anything registered with {@link registerSecret}, and fails the run on a hit
 * (RELIABILITY.md row 54, T10).
 */
import { appendFileSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, type Logger } from '../../src/logger.ts';

export const LOG_DIR_ENV = 'UNROBOT_TEST_LOG_DIR';

/** The capture directory of this run (made by the global setup; a per-process fallback otherwise). */
export function captureDir(): string {
  const dir = process.env[LOG_DIR_ENV] ?? join(tmpdir(), `unrobot-test-logs-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

let fd: number | undefined;
function captureFd(): number {
  fd ??= openSync(join(captureDir(), `service-${process.pid}.jsonl`), 'a');
  return fd;
}

/** A real logger (debug by default, redaction on) whose lines all land in the capture file. */
export function createTestLogger(level = 'debug'): Logger {
  return createLogger({ level, destination: { write: (line: string) => { writeSync(captureFd(), line); } } });
}

/** Appends output a child service process wrote (its log lines) to the capture. */
export function captureChildOutput(name: string, chunk: Buffer | string): void {
  appendFileSync(join(captureDir(), `child-${process.pid}-${name}.log`), chunk);
}

const registered = new Set<string>();
/** Adds a value the logs must never contain (a signature made at test time, a token the sandbox issued). */
export function registerSecret(value: string): void {
  if (value.length < 8 || registered.has(value)) return;
  registered.add(value);
  appendFileSync(join(captureDir(), `secrets-${process.pid}.txt`), `${value}\n`);
}
