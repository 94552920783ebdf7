import { readFileSync } from 'node:fs';
import { pageModelCopies } from '../../../scripts/page-model.ts';

const ROOT = new URL('../../../', import.meta.url);

test.each(pageModelCopies().map((copy) => [copy.path, copy.text]))('when src/settings/page-model.ts changes, then %s is regenerated (npm run page-model)', (path, text) => {
  expect(readFileSync(new URL(path, ROOT), 'utf8')).toBe(text);
});

test('when the standalone page and the extension load their behaviour, then both import the generated copy, not a hand-written one', () => {
  const standalone = readFileSync(new URL('src/settings/public/settings.js', ROOT), 'utf8');
  expect(standalone).toMatch(/from '\.\/page-model\.js';/);
  for (const file of ['SettingsPage.tsx', 'RulesSection.tsx', 'InsightSections.tsx', 'EditorsSection.tsx', 'SettingsForm.tsx', 'UninstallSection.tsx', 'api.ts']) {
    expect([file, /from '\.\/page-model\.ts';/.test(readFileSync(new URL(`extension-manifest/src/app/settings/${file}`, ROOT), 'utf8'))]).toEqual([file, true]);
  }
});
