import { redactLine } from '../../src/logger.ts';

test('when a line holds no secret key, then it is written unchanged', () => {
  const line = '{"level":30,"deliveryId":"d-1","inserted":1,"msg":"webhook delivery stored"}\n';
  expect(redactLine(line)).toBe(line);
});

test('when secret keys sit at any depth, in any case, or hold arrays and objects, then their values are censored', () => {
  const line = `${JSON.stringify({ a: { b: { c: { d: { e: { f: { Token: 'tok-1' } } } } } }, headers: { Authorization: 'Bearer x', 'x-hubspot-signature-v3': 'sig' },
    secrets: ['s1', 's2'], list: [{ refresh_token: 'r1' }], keep: 'visible' })}\n`;
  const out = redactLine(line);
  expect(out.endsWith('\n')).toBe(true);
  expect(JSON.parse(out)).toEqual({ a: { b: { c: { d: { e: { f: { Token: '[redacted]' } } } } } },
    headers: { Authorization: '[redacted]', 'x-hubspot-signature-v3': '[redacted]' }, secrets: '[redacted]', list: [{ refresh_token: '[redacted]' }], keep: 'visible' });
});

test('when a line that names a secret key is not JSON, then it is dropped rather than written', () => {
  expect(redactLine('"token": tok-1 oops\n')).not.toContain('tok-1');
});
