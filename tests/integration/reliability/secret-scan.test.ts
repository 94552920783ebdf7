/**
 * The grep gate itself (RELIABILITY.md row 54): test loggers really write to the capture file,
 * with the service's redaction, and the scan finds a planted secret or a leak-shaped line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_SECRETS, findLeaks } from '../../helpers/log-secrets.ts';
import { captureDir, createTestLogger } from '../../helpers/test-logger.ts';

test('when a service logs through the test logger, then the line lands in the capture file with secrets redacted', () => {
  const log = createTestLogger();
  log.info({ portalId: '42', nested: { deeper: { accessToken: 'pat-na1-11111111-2222-3333-4444-555555555555' } } }, 'capture probe 7f3a');
  const files = readdirSync(captureDir()).filter((name) => name.startsWith(`service-${process.pid}`));
  const text = files.map((name) => readFileSync(join(captureDir(), name), 'utf8')).join('');
  expect(text).toContain('capture probe 7f3a');
  expect(findLeaks('capture', text, FIXTURE_SECRETS)).toEqual([]);
});

test('when a captured line holds a fixture secret or a leak-shaped value, then the scan reports it', () => {
  const lines = [
    '{"msg":"ok","portalId":"1"}',
    '{"msg":"oops","secret":"test-client-secret-0f6b1c2d"}',
    '{"req":{"headers":{"x-hubspot-signature-v3":"rQEKkaNUiu+1qGF//O/pw4BCzstSqO1PyUnGICmf+7o="}}}',
    '{"req":{"headers":{"x-hubspot-signature-v3":"[redacted]"}}}',
    '{"refresh_token":"abc-def-ghi"}',
    '{"msg":"GET /oauth/callback?code=na1-abcdef12"}',
  ].join('\n');
  const hits = findLeaks('probe', lines, FIXTURE_SECRETS);
  expect(hits.map((hit) => hit.line)).toEqual([2, 3, 5, 6]);
});
