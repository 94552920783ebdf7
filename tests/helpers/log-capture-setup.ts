/** Jest global setup: one capture directory per run for every service log line the suite emits. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): void {
  process.env.UNROBOT_TEST_LOG_DIR ??= mkdtempSync(join(tmpdir(), 'unrobot-test-logs-'));
}
