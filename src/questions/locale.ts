/** Picks the question bank: the rep's language if we have it, then the portal's, then English. */
import { de } from './banks/de.ts';
import { en } from './banks/en.ts';
import { es } from './banks/es.ts';
import { fr } from './banks/fr.ts';
import { LOCALES, type Locale, type QuestionBank } from './banks/bank.ts';

export { LOCALES, type Locale, type QuestionBank };

export const BANKS: Record<Locale, QuestionBank> = { en, de, fr, es };

/** "de-DE", "de_AT" or "DE" → "de"; anything we have no bank for is skipped. */
export function resolveLocale(...candidates: Array<string | undefined>): Locale {
  for (const candidate of candidates) {
    const language = candidate?.slice(0, 2).toLowerCase();
    const found = LOCALES.find((locale) => locale === language);
    if (found !== undefined) return found;
  }
  return 'en';
}
