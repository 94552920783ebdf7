/**
 * Hot paths of issue 6's building blocks, each against a baseline from the same run:
 * the anti-noise decision over a realistic history, the token cipher against bare AES-GCM,
 * feedback-link verification against a bare HMAC, and a limiter slot against a resolved promise.
 */
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { createFeedbackToken, verifyFeedbackToken } from '../../src/feedback/feedback-link.ts';
import { createRateLimiter } from '../../src/hubspot/rate-limiter.ts';
import { createTokenCipher } from '../../src/hubspot/token-cipher.ts';
import { decideDelivery, type DeliveredCard } from '../../src/policy/decide-delivery.ts';
import { PolicySettingsSchema } from '../../src/policy/policy-settings.ts';
import { opsPerSecond, type BenchRow } from './bench-row.ts';

export default async function bench(options: { quick: boolean }): Promise<BenchRow[]> {
  const ms = options.quick ? 200 : 1_000;
  const rows: BenchRow[] = [];
  const now = Date.parse('2024-06-12T10:00:00Z');

  const settings = PolicySettingsSchema.parse({ timeZone: 'Europe/Paris', dailyBudgetPerRep: 100, quietHours: null });
  const history: DeliveredCard[] = Array.from({ length: 200 }, (_, i) => ({
    taskId: `t${i}`,
    ownerId: `o${i % 20}`,
    records: [{ type: 'contact', id: `c${i}` }, { type: 'company', id: `co${i % 50}` }],
    deliveredAt: now - (i % 72) * 3_600_000,
  }));
  const input = { now, settings, taskId: 'new', ownerId: 'o1', records: [{ type: 'contact' as const, id: 'fresh' }], history, snoozes: [] };
  const minimal = { ...input, history: [] };
  const full = opsPerSecond(() => decideDelivery(input), ms).perSecond;
  const empty = opsPerSecond(() => decideDelivery(minimal), ms).perSecond;
  rows.push({ name: 'policy: decideDelivery, 200-card history', metric: 'throughput', value: full, unit: 'ops/s', baseline: empty, ratio: full / empty, note: 'baseline: empty history' });

  const key = randomBytes(32);
  const cipher = createTokenCipher([{ id: 'k1', key }]);
  const context = { portalId: '62515', purpose: 'access-token' as const };
  const token = 'CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4';
  const roundTrip = opsPerSecond(() => cipher.decrypt(cipher.encrypt(token, context), context), ms).perSecond;
  const bare = opsPerSecond(() => {
    const c = createCipheriv('aes-256-gcm', key, randomBytes(12));
    Buffer.concat([c.update(token, 'utf8'), c.final()]);
    c.getAuthTag();
  }, ms).perSecond;
  rows.push({ name: 'token cipher: encrypt + decrypt', metric: 'throughput', value: roundTrip, unit: 'ops/s', baseline: bare, ratio: roundTrip / bare, note: 'baseline: bare AES-GCM encrypt only' });

  const secret = randomBytes(32).toString('base64url');
  const link = createFeedbackToken({ portalId: '62515', cardId: 'card_1', action: 'helpful', expiresAt: now + 86_400_000 }, secret);
  const verify = opsPerSecond(() => verifyFeedbackToken(link, secret, now), ms).perSecond;
  const hmac = opsPerSecond(() => createHmac('sha256', secret).update(link).digest(), ms).perSecond;
  rows.push({ name: 'feedback link: verify', metric: 'throughput', value: verify, unit: 'ops/s', baseline: hmac, ratio: verify / hmac, note: 'baseline: one bare HMAC-SHA256' });

  // Limiter time moves 150 ms per request over 100 portals, so every slot is free: this is the
  // bookkeeping cost per call, not a wait.
  let limiterTime = now;
  const limiter = createRateLimiter({ clock: { now: () => limiterTime } });
  const count = options.quick ? 20_000 : 100_000;
  let started = performance.now();
  for (let i = 0; i < count; i += 1) {
    limiterTime += 150;
    await limiter.acquire(`p${i % 100}`);
  }
  const acquirePerSecond = count / ((performance.now() - started) / 1000);
  started = performance.now();
  for (let i = 0; i < count; i += 1) await Promise.resolve();
  const promisePerSecond = count / ((performance.now() - started) / 1000);
  rows.push({ name: 'rate limiter: free slot', metric: 'throughput', value: acquirePerSecond, unit: 'ops/s', baseline: promisePerSecond, ratio: acquirePerSecond / promisePerSecond, note: 'baseline: await Promise.resolve(); 100 portals' });
  return rows;
}
