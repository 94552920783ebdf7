import { SKIP_REASONS } from '../../../src/policy/decide-delivery.ts';
import { DEFAULT_POLICY_SETTINGS } from '../../../src/policy/policy-settings.ts';
import { SAMPLES, settingsSample } from './api-samples.ts';
import { createSchemaValidator, openapi, resolvePointer, type JsonObject } from './openapi-document.ts';

const check = createSchemaValidator();

function settingsUpdate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { portalId: _portal, updatedAt: _at, updatedBy: _by, ...values } = settingsSample;
  return { ...values, ...overrides };
}

test.each(SAMPLES)('when the %s sample is checked, then the contract accepts it', (schema, sample) => {
  expect(check(schema, sample)).toEqual({ valid: true, errors: [] });
});

test('when every example in the document is checked against its schema, then each one is valid', () => {
  let checked = 0;
  for (const item of Object.values(openapi.paths as Record<string, JsonObject>)) {
    for (const op of Object.values(item)) {
      const content = ((op as JsonObject).requestBody as JsonObject | undefined)?.content as JsonObject | undefined;
      const media = content?.['application/json'] as JsonObject | undefined;
      if (!media?.examples) continue;
      const name = String((media.schema as JsonObject).$ref).replace('#/components/schemas/', '');
      for (const example of Object.values(media.examples as JsonObject)) {
        expect([name, check(name, (example as JsonObject).value)]).toEqual([name, { valid: true, errors: [] }]);
        checked += 1;
      }
    }
  }
  const errorExample = resolvePointer('#/components/responses/InvalidRequest/content/application~1json/examples/unsupportedRegex/value');
  expect(check('ErrorBody', errorExample).valid).toBe(true);
  expect(checked).toBeGreaterThanOrEqual(7);
});

describe('settings update', () => {
  test('when the full settings with their version are sent, then they are accepted', () => {
    expect(check('SettingsUpdate', settingsUpdate()).valid).toBe(true);
  });

  test('when the portal id is put in the body, then it is refused', () => {
    expect(check('SettingsUpdate', settingsUpdate({ portalId: 1 })).valid).toBe(false);
  });

  test('when the version is missing, then it is refused', () => {
    const { version: _version, ...rest } = settingsUpdate();
    expect(check('SettingsUpdate', rest).valid).toBe(false);
  });

  test.each([
    [{ channel: 'timeline-v3' }, false],
    [{ channel: 'timeline-v3', eventTemplateId: '1001298' }, true],
    [{ channel: 'app-event' }, false],
    [{ channel: 'app-event', eventTypeName: 'ae12345_unrobot_reflection_card' }, true],
    [{ channel: 'note', eventTemplateId: '1' }, false],
    [{ channel: 'task-body' }, true],
    [{ channel: 'sms' }, false],
  ])('when the delivery is %j, then valid is %s', (delivery, valid) => {
    expect(check('SettingsUpdate', settingsUpdate({ delivery })).valid).toBe(valid);
  });

  test.each([
    ['dailyBudgetPerRep', 101],
    ['dailyBudgetPerRep', 2.5],
    ['recordCooldownHours', -1],
    ['clientReplyWindowHours', 2161],
    ['snoozeDays', 0],
  ])('when %s is %s, then it is out of bounds', (field, value) => {
    const antiNoise = { ...settingsSample.antiNoise, [field]: value };
    expect(check('SettingsUpdate', settingsUpdate({ antiNoise })).valid).toBe(false);
  });

  test.each(['24:00', '7:00', '07:60', ''])('when quiet hours start at %j, then it is refused', (start) => {
    const antiNoise = { ...settingsSample.antiNoise, quietHours: { start, end: '08:00' } };
    expect(check('SettingsUpdate', settingsUpdate({ antiNoise })).valid).toBe(false);
  });

  test('when quiet hours are null, then they are off and accepted', () => {
    const antiNoise = { ...settingsSample.antiNoise, quietHours: null };
    expect(check('SettingsUpdate', settingsUpdate({ antiNoise })).valid).toBe(true);
  });

  test('when a lens is missing or unknown, then it is refused', () => {
    const { 'long-term': _missing, ...fewer } = settingsSample.lenses;
    expect(check('SettingsUpdate', settingsUpdate({ lenses: fewer })).valid).toBe(false);
    expect(check('SettingsUpdate', settingsUpdate({ lenses: { ...settingsSample.lenses, quota: true } })).valid).toBe(false);
  });

  test.each(['Europe/Amsterdam', 'America/Argentina/Buenos_Aires', 'UTC'])('when the time zone is %s, then it is accepted', (timeZone) => {
    expect(check('SettingsUpdate', settingsUpdate({ timeZone })).valid).toBe(true);
  });

  test.each(['', 'Europe/<script>', '../../etc/passwd'])('when the time zone is %j, then it is refused', (timeZone) => {
    expect(check('SettingsUpdate', settingsUpdate({ timeZone })).valid).toBe(false);
  });
});

describe('rule patch', () => {
  test.each([
    [{ enabled: false }, true],
    [{ phrases: { de: { add: ['kurz melden'] } } }, true],
    [{ patterns: [] }, true],
    [{ threshold: 0.5 }, true],
    [{}, false],
    [{ enabled: 'no' }, false],
    [{ phrases: { xx: { add: ['hi'] } } }, false],
    [{ phrases: { en: {} } }, false],
    [{ phrases: { en: { add: [''] } } }, false],
    [{ phrases: { en: { add: ['a', 'a'] } } }, false],
    [{ patterns: ['x'.repeat(257)] }, false],
    [{ threshold: 1.5 }, false],
    [{ enabled: true, portalId: 2 }, false],
  ])('when the patch is %j, then valid is %s', (patch, valid) => {
    expect(check('RulePatch', patch).valid).toBe(valid);
  });
});

describe('preview request', () => {
  test.each([
    [{}, true],
    [{ days: 30, settings: { antiNoise: { dailyBudgetPerRep: 2 } } }, true],
    [{ rules: [{ ruleId: 'check-in', enabled: false }] }, true],
    [{ days: 31 }, false],
    [{ days: 0 }, false],
    [{ rules: [{ ruleId: 'check-in' }] }, false],
    [{ rules: [{ ruleId: 'check-in', colour: 'red' }] }, false],
    [{ settings: {} }, false],
    [{ settings: { lenses: { quota: true } } }, false],
    [{ portalId: 3 }, false],
  ])('when the preview request is %j, then valid is %s', (request, valid) => {
    expect(check('PreviewRequest', request).valid).toBe(valid);
  });
});

describe('feedback', () => {
  test.each([
    [{ reaction: 'helpful' }, true],
    [{ reaction: 'snooze' }, true],
    [{ reaction: 'snooze', snoozeDays: 14 }, true],
    [{ reaction: 'helpful', snoozeDays: 14 }, false],
    [{ reaction: 'snooze', snoozeDays: 366 }, false],
    [{ reaction: 'love' }, false],
    [{}, false],
  ])('when the feedback is %j, then valid is %s', (input, valid) => {
    expect(check('FeedbackInput', input).valid).toBe(valid);
  });
});

test('when an error body carries an unknown code or extra field, then it is refused', () => {
  expect(check('ErrorBody', { error: { code: 'oops', message: 'x' } }).valid).toBe(false);
  expect(check('ErrorBody', { error: { code: 'internal', message: 'x', stack: 'at …' } }).valid).toBe(false);
});

describe('agreement with the anti-noise policy (src/policy)', () => {
  test('when the policy defaults are checked, then the contract accepts them as anti-noise settings', () => {
    const { timeZone: _zone, ...antiNoise } = DEFAULT_POLICY_SETTINGS;
    expect(check('AntiNoise', antiNoise)).toEqual({ valid: true, errors: [] });
  });

  test('when the policy records a skip reason, then the contract knows it', () => {
    const known = (resolvePointer('#/components/schemas/SkipReason/enum') ?? []) as string[];
    expect(known).toEqual(expect.arrayContaining([...SKIP_REASONS]));
  });
});
