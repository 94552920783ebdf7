/** Jest global setup: the log capture directory, and the directory the workers build their PGlite template in. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import logCaptureSetup from './log-capture-setup.ts';
import { TEMPLATE_ENV } from './pglite-template.ts';

export default function setup(): void {
  logCaptureSetup();
  process.env[TEMPLATE_ENV] = mkdtempSync(join(tmpdir(), 'unrobot-pglite-template-'));
}
