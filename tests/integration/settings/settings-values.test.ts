/**
 * The API boundary between the contract's `SettingsValues` and the stored `PortalSettings`:
 * defaults fit the contract, values survive a round trip, and the renamed lens maps both ways.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_PORTAL_SETTINGS } from '../../../src/settings/portal-settings.ts';
import { describeChanges } from '../../../src/settings/audit-changes.ts';
import { readCookie } from '../../../src/settings/sessions.ts';
import { applySettingsValues, mergeSettingsPatch, SettingsValuesSchema, toApiLens, toComposerLens, toSettingsValues } from '../../../src/settings/settings-values.ts';
import { createSchemaValidator } from '../../unit/settings-contract/openapi-document.ts';

const validate = createSchemaValidator();

describe('settings values', () => {
  test('when a portal runs on defaults, then its API view satisfies the contract and the zod schema', () => {
    const values = toSettingsValues(DEFAULT_PORTAL_SETTINGS);
    expect(validate('SettingsValues', values).errors).toEqual([]);
    expect(SettingsValuesSchema.safeParse(values).success).toBe(true);
    expect(values.lenses['calm-attention']).toBe(true);
  });

  test('when any valid values are applied and read back, then they are unchanged (property)', () => {
    const arbitraryValues = fc.record({
      locale: fc.constantFrom('en', 'de', 'fr', 'es', 'nl', 'pt'),
      timeZone: fc.constantFrom('UTC', 'Europe/Amsterdam', 'America/New_York'),
      delivery: fc.oneof(fc.constant({ channel: 'note' as const }), fc.constant({ channel: 'task-body' as const }),
        fc.stringMatching(/^[1-9][0-9]{0,8}$/).map((id) => ({ channel: 'timeline-v3' as const, eventTemplateId: id }))),
      thresholds: fc.record({ silenceDays: fc.integer({ min: 1, max: 365 }), stageAgeMultiple: fc.integer({ min: 10, max: 100 }).map((n) => n / 10) }),
      lenses: fc.record({ 'whose-urgency': fc.boolean(), 'going-dark': fc.boolean(), 'behind-the-scenes': fc.boolean(), 'common-denominators': fc.boolean(),
        'internal-experts': fc.boolean(), 'long-term': fc.boolean(), 'service-experience': fc.boolean(), 'calm-attention': fc.constant(true) }),
      antiNoise: fc.record({ dailyBudgetPerRep: fc.integer({ min: 0, max: 100 }), recordCooldownHours: fc.integer({ min: 0, max: 2160 }), clientReplyWindowHours: fc.integer({ min: 0, max: 2160 }),
        quietHours: fc.constantFrom(null, { start: '19:00', end: '08:00' }, { start: '12:00', end: '13:30' }), snoozeDays: fc.integer({ min: 1, max: 365 }) }),
    });
    fc.assert(fc.property(arbitraryValues, (values) => {
      expect(toSettingsValues(applySettingsValues(DEFAULT_PORTAL_SETTINGS, values))).toEqual(values);
    }), { numRuns: 100 });
  });

  test('when the calm-attention lens is switched off, then the composer sees calm-attentiveness off', () => {
    const values = toSettingsValues(DEFAULT_PORTAL_SETTINGS);
    const saved = applySettingsValues(DEFAULT_PORTAL_SETTINGS, { ...values, lenses: { ...values.lenses, 'calm-attention': false } });
    expect(saved.composer.lenses['calm-attentiveness']).toBe(false);
    expect(toComposerLens('calm-attention')).toBe('calm-attentiveness');
    expect(toApiLens('calm-attentiveness')).toBe('calm-attention');
    expect(toApiLens('no-such-lens')).toBeUndefined();
  });

  test('when every lens is switched off, then the values are refused', () => {
    const values = toSettingsValues(DEFAULT_PORTAL_SETTINGS);
    const off = Object.fromEntries(Object.keys(values.lenses).map((lens) => [lens, false]));
    expect(SettingsValuesSchema.safeParse({ ...values, lenses: off }).success).toBe(false);
  });

  test('when a preview patch names some fields, then only those change', () => {
    const values = toSettingsValues(DEFAULT_PORTAL_SETTINGS);
    const merged = mergeSettingsPatch(values, { antiNoise: { dailyBudgetPerRep: 1 } });
    expect(merged).toEqual({ ...values, antiNoise: { ...values.antiNoise, dailyBudgetPerRep: 1 } });
  });
});

describe('audit changes and cookies', () => {
  test('when nested values change, then each changed leaf is one entry with before and after', () => {
    expect(describeChanges({ a: { b: 1, c: [1] }, d: 'x' }, { a: { b: 2, c: [1] }, e: true })).toEqual([
      { path: 'a.b', before: 1, after: 2 }, { path: 'd', before: 'x', after: null }, { path: 'e', before: null, after: true }]);
  });

  test('when a cookie header holds several cookies, then only the named one is read', () => {
    expect(readCookie('a=1; __Host-unrobot_session=abc; b=2', '__Host-unrobot_session')).toBe('abc');
    expect(readCookie('x__Host-unrobot_session=no', '__Host-unrobot_session')).toBeUndefined();
    expect(readCookie(undefined, 'a')).toBeUndefined();
  });
});
