/**
 * Keeps the dependency direction of STYLE.md: a pure core with adapters at the edges.
 * Reads every source file's imports and fails on a violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const SRC = join(ROOT, 'src');
const PURE = ['rules', 'context', 'policy', 'questions', 'cards'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  // Type-only imports load nothing at run time, so they do not count as depending on a library.
  const found = [...text.matchAll(/(?:^|\n)\s*(?:import|export)(?!\s+type\s)[^'"`;]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
  const dynamic = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? '');
  return [...found, ...dynamic];
}

const files = sourceFiles(SRC).map((path) => ({
  path,
  area: relative(SRC, path).split(sep)[0] ?? '',
  text: readFileSync(path, 'utf8'),
  imports: importsOf(path),
}));

/** Which top-level areas may import a package (or a node: builtin), by package name. */
const OWNERS: Record<string, string[]> = {
  '@hubspot/api-client': ['hubspot'],
  '@electric-sql/pglite': ['store'],
  pg: ['store'],
  'pg-boss': ['store'],
  express: ['http', 'webhooks', 'settings', 'sandbox', 'feedback', 'oauth'],
  // The demo pages draw HubSpot's timeline: only the sandbox renders CRM rich text and templates.
  'sanitize-html': ['sandbox'],
  handlebars: ['sandbox'],
  'markdown-it': ['sandbox'],
};

function packageName(specifier: string): string {
  if (specifier.startsWith('@')) return specifier.split('/').slice(0, 2).join('/');
  return specifier.split('/')[0] ?? specifier;
}

test('when a file imports an adapter library, then it lives in the area that owns it', () => {
  const violations = files.flatMap((file) =>
    file.imports
      .filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:'))
      .filter((spec) => {
        const owners = OWNERS[packageName(spec)];
        return owners !== undefined && !owners.includes(file.area);
      })
      .map((spec) => `${relative(ROOT, file.path)} imports ${spec}`),
  );
  expect(violations).toEqual([]);
});

test('when a file is in the pure core, then it does no I/O, reads no env and no clock', () => {
  const pure = files.filter((file) => PURE.includes(file.area));
  const violations = pure.flatMap((file) => {
    const problems: string[] = [];
    for (const spec of file.imports) {
      const local = spec.startsWith('.');
      if (spec.startsWith('node:') && !['node:crypto'].includes(spec)) problems.push(`imports ${spec}`);
      // Pure packages only: schemas, a regex engine, and word lists (stopword is data, no I/O).
      if (!local && !spec.startsWith('node:') && !['zod', 're2js', 'stopword'].includes(packageName(spec))) problems.push(`imports ${spec}`);
      if (local) {
        const target = join(file.path, '..', spec);
        const area = relative(SRC, target).split(sep)[0] ?? '';
        const allowed = [...PURE, 'errors.ts', 'clock.ts'];
        if (!allowed.includes(area)) problems.push(`imports ${spec}`);
      }
    }
    if (/process\.env/.test(file.text)) problems.push('reads process.env');
    if (/Date\.now\(\)|new Date\(\)/.test(file.text)) problems.push('reads the clock');
    if (/console\./.test(file.text)) problems.push('uses console');
    return problems.map((problem) => `${relative(ROOT, file.path)} ${problem}`);
  });
  expect(violations).toEqual([]);
});

test('when code outside config.ts reads the environment, then the test fails', () => {
  const readers = files.filter((file) => /process\.env/.test(file.text) && !file.path.endsWith(`${sep}config.ts`));
  expect(readers.map((file) => relative(ROOT, file.path))).toEqual([]);
});

test('when source code logs, then it goes through pino, never console', () => {
  const users = files.filter((file) => /\bconsole\.(log|error|warn|info|debug)\(/.test(file.text));
  expect(users.map((file) => relative(ROOT, file.path))).toEqual([]);
});

test('when the settings area needs what the worker also uses, then both import it from below, never settings from worker', () => {
  const upward = files
    .filter((file) => file.area === 'settings')
    .flatMap((file) => file.imports.filter((spec) => spec.startsWith('.') && (relative(SRC, join(file.path, '..', spec)).split(sep)[0] ?? '') === 'worker').map((spec) => `${relative(ROOT, file.path)} imports ${spec}`));
  expect(upward).toEqual([]);
});

/** Every local import, type-only ones included: an arrow is an arrow even when it carries only a type. */
function localImportsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

/**
 * STYLE.md's floors, lowest first: the pure core, then the adapters behind the ports (hubspot,
 * store), then the edges. A file may import its own floor or a lower one, never a higher one.
 * Root files (config, errors, logger, clock) are below everything; the wiring files and main are above.
 */
const FLOORS: Record<string, number> = {
  'errors.ts': 0, 'clock.ts': 0, 'logger.ts': 0, 'config.ts': 0,
  rules: 1, context: 1, policy: 1, questions: 1, cards: 1,
  hubspot: 2, store: 2,
  http: 3, webhooks: 3, settings: 3, worker: 3, sandbox: 3, oauth: 3, feedback: 3,
};

test('when a file imports another area (types included), then that area is on the same floor or a lower one', () => {
  const violations = files.flatMap((file) => {
    const floor = FLOORS[file.area];
    if (floor === undefined) return []; // main.ts and the wiring files sit above every floor
    return localImportsOf(file.text).flatMap((spec) => {
      const area = relative(SRC, join(file.path, '..', spec)).split(sep)[0] ?? '';
      const target = FLOORS[area];
      return area !== file.area && (target === undefined || target > floor) ? [`${relative(ROOT, file.path)} imports ${spec}`] : [];
    });
  });
  expect(violations).toEqual([]);
});

