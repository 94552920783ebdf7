#!/usr/bin/env node
/**
 * The npm registry mirror on our machines does not carry every platform build of packages
 * such as @swc/core and unrs-resolver (macOS, Windows, …), so `npm install` leaves those
 * optional dependencies out of package-lock.json, and `npm ci` then refuses the lockfile
 * ("Missing: … from lock file"). This adds the missing optional platform packages to the lock
 * as entries carrying only their os/cpu, which every npm skips on other platforms without a
 * download. Run it after `npm install` changes the lockfile: `node scripts/complete-lockfile.mjs`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((part) => OS.includes(part));
  const cpu = parts.find((part) => CPU.includes(part));
  return { os, cpu };
}

let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [dependency, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = location === '' ? 'node_modules' : `${location}/node_modules`;
    const candidates = [`${base}/${dependency}`, `node_modules/${dependency}`];
    if (candidates.some((candidate) => lock.packages[candidate] !== undefined)) continue;
    const { os, cpu } = platformOf(dependency);
    if (cpu === undefined) continue; // not a platform build: leave it to npm
    const stub = { version: version.replace(/^[\^~]/, ''), optional: true, cpu: [cpu] };
    if (os !== undefined) stub.os = [os];
    lock.packages[`node_modules/${dependency}`] = stub;
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`complete-lockfile: added ${added} optional platform entries\n`);
