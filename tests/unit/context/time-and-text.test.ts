import fc from 'fast-check';
import { cleanText, humanizeEnum } from '../../../src/context/clean-text.ts';
import { parseCrmSnapshot } from '../../../src/context/crm-snapshot.ts';
import { daysSince, daysToQuarterEnd, daysUntil, median } from '../../../src/context/time.ts';
import { PLACEHOLDER } from '../../../src/questions/guardrails.ts';

const at = (iso: string) => Date.parse(iso);

test('when days are counted, then the past is whole days ago, never negative, and the future rounds', () => {
  expect(daysSince(at('2026-03-01T00:00:00Z'), at('2026-03-24T09:00:00Z'))).toBe(23);
  expect(daysSince(at('2026-03-25T00:00:00Z'), at('2026-03-24T09:00:00Z'))).toBe(0);
  expect(daysUntil(at('2026-03-30T17:00:00Z'), at('2026-03-24T09:00:00Z'))).toBe(6);
  expect(daysUntil(at('2026-03-21T09:00:00Z'), at('2026-03-24T09:00:00Z'))).toBe(-3);
});

test('when the quarter end is computed, then the portal offset and fiscal year start are respected', () => {
  const now = at('2026-03-24T09:00:00Z');
  expect(daysToQuarterEnd(now, 0, 1)).toBe(8);
  expect(daysToQuarterEnd(at('2026-03-31T23:30:00Z'), 3_600_000, 1)).toBe(91); // already April 1st in Berlin: Q2 ends July 1st
  expect(daysToQuarterEnd(at('2026-03-31T23:30:00Z'), 0, 1)).toBe(1);
  expect(daysToQuarterEnd(now, 0, 2)).toBe(38); // fiscal quarters Feb–Apr: ends May 1st
  expect(daysToQuarterEnd(at('2026-12-15T00:00:00Z'), 0, 1)).toBe(17);
  expect(daysToQuarterEnd(at('2026-01-10T00:00:00Z'), 0, 11)).toBe(22); // Nov–Jan quarter
});

test('when a median is taken, then odd and even lists both work', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([40, 10, 30, 20])).toBe(25);
});

test('when CRM text is cleaned, then it is plain, single-line and bounded', () => {
  expect(cleanText(undefined)).toBeUndefined();
  expect(cleanText('  \u0000 {{ }} ')).toBeUndefined();
  expect(cleanText('null')).toBeUndefined();
  expect(cleanText('Acme\n\tRobotics\u202e {{name}}')).toBe('Acme Robotics name');
  expect(cleanText('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
  expect(cleanText('😀'.repeat(20), 5)).toBe('😀😀😀😀…');
  expect(cleanText('Nullah Undefinedson')).toBe('Nullah Undefinedson');
  expect(cleanText('nullxyz and more', 5)).toBeUndefined();
  expect(cleanText('[objectX and more', 8)).toBeUndefined();
  expect(humanizeEnum('LOGISTICS_AND_SUPPLY_CHAIN')).toBe('logistics and supply chain');
  expect(humanizeEnum('Retail')).toBe('Retail');
  expect(humanizeEnum(undefined)).toBeUndefined();
});

test('when arbitrary Unicode is cleaned, then it never throws and never reads as a placeholder', () => {
  const salted = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('{{', '}', 'null', 'undefined', 'NaN', '[object', ' ')), { maxLength: 12 }).map((parts) => parts.join(''));
  fc.assert(fc.property(salted, fc.integer({ min: 2, max: 100 }), (text, max) => {
    const clean = cleanText(text, max);
    if (clean === undefined) return;
    expect(clean).not.toMatch(PLACEHOLDER);
    expect(Array.from(clean).length).toBeLessThanOrEqual(max);
    expect(clean.isWellFormed()).toBe(true);
  }), { numRuns: 500 });
});

test('when the adapter sends nulls and numeric ids, then the snapshot parses with ids as strings and nulls absent', () => {
  const snapshot = parseCrmSnapshot({
    portal: { id: 24681357, locale: null },
    task: { id: 546500061938, subject: null, ownerId: 71001 },
    contacts: [{ id: 901, lastRepliedAt: null, firstName: 'Jane' }],
    company: null,
  });
  expect(snapshot.portal).toEqual({ id: '24681357', locale: undefined, timeZone: undefined, utcOffsetMilliseconds: undefined, fiscalYearStartMonth: undefined });
  expect(snapshot.task.id).toBe('546500061938');
  expect(snapshot.task.ownerId).toBe('71001');
  expect(snapshot.company).toBeUndefined();
  expect(snapshot.deals).toEqual([]);
  expect(() => parseCrmSnapshot({ portal: { id: '' }, task: {} })).toThrow();
});
