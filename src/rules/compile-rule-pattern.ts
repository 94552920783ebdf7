import { RE2JS } from 're2js';

/** Longest admin pattern accepted (RELIABILITY.md T11). */
export const MAX_PATTERN_LENGTH = 256;

/** The outcome of checking an admin pattern when it is saved. */
export type PatternCheck = { ok: true } | { ok: false; message: string };

/**
 * Compiles an admin-supplied pattern with re2js (linear time, no backtracking) and explains a
 * refusal in words an admin can act on. Patterns are matched case-insensitively against the
 * prompt with accents removed and punctuation collapsed to single spaces.
 */
export function compileRulePattern(pattern: string): PatternCheck {
  if (pattern.trim() === '') return { ok: false, message: 'The pattern is empty.' };
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { ok: false, message: `The pattern is ${pattern.length} characters long; the limit is ${MAX_PATTERN_LENGTH}.` };
  }
  const unsupported = explainUnsupported(pattern);
  if (unsupported !== undefined) return { ok: false, message: unsupported };
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    // re2js reports syntax errors as RE2JSSyntaxException, an Error subclass.
    const detail = (error as Error).message.replace(/^error parsing regexp:\s*/, '');
    return { ok: false, message: `The pattern is not valid: ${detail}.` };
  }
  if (compiled.matches('')) {
    return { ok: false, message: 'The pattern also matches empty text, so it would match every task; make it require at least one word.' };
  }
  return { ok: true };
}

/** Compiles a pattern already accepted by {@link compileRulePattern}. */
export function compileAcceptedPattern(pattern: string): RE2JS {
  return RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
}

function explainUnsupported(pattern: string): string | undefined {
  if (/\\[1-9]/.test(pattern) || /\\k</.test(pattern)) {
    return 'Backreferences such as \\1 are not supported: patterns must run in linear time. Repeat the words instead.';
  }
  if (/\(\?<?[=!]/.test(pattern)) {
    return 'Lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported: patterns must run in linear time. Use an exclusion phrase instead.';
  }
  return undefined;
}
