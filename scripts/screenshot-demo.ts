/**
 * `npm run screenshot -- [--out docs/demo-timeline.png]`
 * Takes the README's picture of the demo as a newcomer sees it: starts `npm start`'s demo mode
 * (in a temporary folder, so ./data is untouched), opens the sandbox root URL from the banner in
 * headless Chromium, follows the contact with the newest card, and saves the record page with
 * the card on its timeline. Chromium from CHROMIUM_PATH or /usr/bin/chromium (playwright-core
 * drives it; nothing is downloaded).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const MAIN = new URL('../src/main.ts', import.meta.url).pathname;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Starts the demo and resolves the sandbox root URL, the first URL its banner prints. */
function startDemo(cwd: string): { root: Promise<string>; stop(): Promise<void> } {
  const child = spawn(process.execPath, [MAIN], { cwd, env: { PATH: process.env.PATH ?? '', PORT: '0' }, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((done) => child.once('exit', done));
  const root = new Promise<string>((resolveRoot, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no demo banner within 60 s:\n${err}`)), 60_000);
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const url = /UNROBOT DEMO MODE[^\n]*\n[^\n]*?(http:\/\/127\.0\.0\.1:\d+\/)/.exec(err)?.[1];
      if (url !== undefined) { clearTimeout(timer); resolveRoot(url); }
    });
    child.once('exit', (code) => reject(new Error(`the demo exited (${String(code)}) before its banner:\n${err}`)));
  });
  return { root, stop: async () => { child.kill('SIGTERM'); await exited; } };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/demo-timeline.png' } } });
  const out = resolve(values.out);
  const cwd = mkdtempSync(join(tmpdir(), 'unrobot-screenshot-'));
  const demo = startDemo(cwd);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: FLAGS });
  try {
    const root = await demo.root;
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
    // The index lists the newest card first; wait for the seeded tasks' first cards.
    const carded = page.locator('table.contacts tr.has-cards a').first();
    for (let tries = 0; tries < 60 && (await carded.count()) === 0; tries += 1) {
      await new Promise((done) => setTimeout(done, 1_000));
      await page.goto(root);
    }
    await carded.click();
    await page.locator('#timeline article[data-card="true"]').first().waitFor({ timeout: 30_000 });
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    process.stdout.write(`saved ${out} (${page.url()})\n`);
  } finally {
    await browser.close();
    await demo.stop();
    rmSync(cwd, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`screenshot: ${(error as Error).message}\n`);
  process.exit(1);
}
