/** Jest global setup: the log capture directory and the PGlite template, once per run. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import logCaptureSetup from './log-capture-setup.ts';
import { buildPgliteTemplate, TEMPLATE_ENV } from './pglite-template.ts';

export default async function setup(): Promise<void> {
  logCaptureSetup();
  const root = mkdtempSync(join(tmpdir(), 'unrobot-pglite-template-'));
  await buildPgliteTemplate(root);
  process.env[TEMPLATE_ENV] = root;
}
