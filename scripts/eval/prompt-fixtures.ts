/** The project's own labelled prompts (tests/fixtures/prompts/*.jsonl): a TaskPrompt plus the verdict expected. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TaskPrompt } from '../../src/rules/index.ts';

export interface PromptFixture extends TaskPrompt {
  expected: 'robotic' | 'specific';
}

const DIR = fileURLToPath(new URL('../../tests/fixtures/prompts', import.meta.url));

export function loadPromptFixtures(): PromptFixture[] {
  return readdirSync(DIR)
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap((file) => readFileSync(join(DIR, file), 'utf8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as PromptFixture));
}
