/** Jest global teardown: the secret scan of the captured logs, then the PGlite template removed. */
import { rmSync } from 'node:fs';
import logCaptureTeardown from './log-capture-teardown.ts';
import { TEMPLATE_ENV } from './pglite-template.ts';

export default function teardown(): void {
  const template = process.env[TEMPLATE_ENV];
  try {
    logCaptureTeardown();
  } finally {
    if (template !== undefined) rmSync(template, { recursive: true, force: true });
  }
}
