/**
 * Writes the two copies of the settings page model (src/settings/page-model.ts, the one source):
 * the browser's, with the types removed, served at /settings/assets/page-model.js; and the
 * HubSpot extension's, verbatim, because HubSpot's bundler sees only files inside the project.
 * `npm run page-model` after editing the model; tests/unit/settings/page-model-copies.test.ts
 * fails while a copy is out of step.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import ts from 'typescript';

const ROOT = new URL('..', import.meta.url);
export const PAGE_MODEL_SOURCE = 'src/settings/page-model.ts';

const header = (what: string) => `// GENERATED from ${PAGE_MODEL_SOURCE} by \`npm run page-model\` (${what}). Do not edit: change the source and run it again.\n`;

/** Each copy's path (from the repository root) and the text it must hold. */
export function pageModelCopies(): Array<{ path: string; text: string }> {
  const source = readFileSync(new URL(PAGE_MODEL_SOURCE, ROOT), 'utf8');
  const browser = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true, useDefineForClassFields: true },
  }).outputText;
  return [
    { path: 'src/settings/public/page-model.js', text: `${header('types removed, for the standalone page')}${browser}` },
    { path: 'extension-manifest/src/app/settings/page-model.ts', text: `${header('verbatim, for the HubSpot settings extension')}${source}` },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const copy of pageModelCopies()) {
    writeFileSync(new URL(copy.path, ROOT), copy.text);
    process.stdout.write(`wrote ${copy.path}\n`);
  }
}
