import { DEFAULT_POLICY_SETTINGS, PolicySettingsSchema } from '../../../src/policy/policy-settings.ts';
import { isValidTimeZone, localDay } from '../../../src/policy/zoned-time.ts';

describe('PolicySettingsSchema', () => {
  test('when parsed from an empty object, then the calm defaults apply', () => {
    expect(DEFAULT_POLICY_SETTINGS).toEqual({
      timeZone: 'UTC',
      dailyBudgetPerRep: 5,
      recordCooldownHours: 72,
      clientReplyWindowHours: 48,
      quietHours: null,
      snoozeDays: 14,
    });
  });

  test('when the time zone is not an IANA name, then parsing fails with a helpful message', () => {
    const result = PolicySettingsSchema.safeParse({ timeZone: 'Mars/Olympus' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/IANA time zone/);
  });

  test.each([
    [{ start: '7:00', end: '08:00' }],
    [{ start: '24:00', end: '08:00' }],
    [{ start: '19:60', end: '08:00' }],
    [{ start: '08:00', end: '08:00' }],
  ])('when quiet hours are %j, then parsing fails', (quietHours) => {
    expect(PolicySettingsSchema.safeParse({ quietHours }).success).toBe(false);
  });

  test('when quiet hours are null, then they are disabled', () => {
    expect(PolicySettingsSchema.parse({ quietHours: null }).quietHours).toBeNull();
  });

  test('when a budget is negative or fractional, then parsing fails', () => {
    expect(PolicySettingsSchema.safeParse({ dailyBudgetPerRep: -1 }).success).toBe(false);
    expect(PolicySettingsSchema.safeParse({ dailyBudgetPerRep: 1.5 }).success).toBe(false);
  });
});

describe('zoned time helpers', () => {
  test('when asked about zones, then known IANA names pass and others fail', () => {
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('Not/AZone')).toBe(false);
  });

  test('when an instant is near midnight, then the local day follows the zone, not UTC', () => {
    const instant = Date.parse('2024-06-11T22:30:00Z');
    expect(localDay(instant, 'Europe/Paris')).toBe('2024-06-12');
    expect(localDay(instant, 'UTC')).toBe('2024-06-11');
    expect(localDay(instant, 'America/Los_Angeles')).toBe('2024-06-11');
  });
});
