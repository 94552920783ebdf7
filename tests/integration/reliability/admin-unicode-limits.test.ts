/**
 * RELIABILITY.md rows 33–34 in the settings API: phrases with emoji, ZWJ sequences, the RTL
 * override and combining marks round-trip byte-exact (PATCH, then GET); NUL and unpaired
 * surrogates are refused with 400 naming the field, on every write route; a phrase or pattern at
 * its limit is accepted and one character more is refused with 400 `too_long`. Limits count
 * UTF-16 code units, as JavaScript and zod do (an emoji outside the BMP counts 2).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import request from 'supertest';
import { openHarness, seedPortal, type Harness } from '../settings/harness.ts';

let h: Harness;
let admin: { cookie: string; csrf: string };
beforeAll(async () => {
  h = await openHarness();
  await seedPortal(h.db, '111', 'a');
  admin = await h.signIn('111', '501', 'admin@example.com');
});
afterAll(async () => { await h.close(); });

const write = (method: 'put' | 'patch' | 'post', path: string) =>
  request(h.app)[method](path).set('cookie', admin.cookie).set('x-csrf-token', admin.csrf).set('origin', h.publicBaseUrl);
const rule = async (id: string) => ((await request(h.app).get('/api/v1/rules').set('cookie', admin.cookie).expect(200)).body.rules as { id: string; patterns: string[]; phrases: Record<string, { added: string[] }> }[])
  .find((candidate) => candidate.id === id);

const EXOTIC = [
  'follow up 🤝🏽 🇩🇪',
  'family 👨‍👩‍👧‍👦 🏳️‍🌈',
  'call \u202Eexe.evil\u202C \u2067مرحبا\u2069',
  'ze\u0301ro ame\u0301lie z̸̢͓a̴l̷g̶o̵',
];

describe('exotic Unicode in admin input (row 33)', () => {
  test('when phrases hold emoji, ZWJ sequences, an RTL override and combining marks, then they are stored and read back byte-exact', async () => {
    const saved = await write('patch', '/api/v1/rules/check-in').send({ phrases: { en: { add: EXOTIC } } }).expect(200);
    expect(saved.body.phrases.en.added).toEqual(EXOTIC);
    const added = (await rule('check-in'))?.phrases.en?.added ?? [];
    expect(added.map((phrase) => Buffer.from(phrase, 'utf8').toString('hex'))).toEqual(EXOTIC.map((phrase) => Buffer.from(phrase, 'utf8').toString('hex')));
  });

  test.each([
    ['NUL', 'call\u0000back'],
    ['a lone high surrogate', 'call \uD83E back'],
    ['a lone low surrogate', 'call \uDD1D back'],
  ])('when a phrase holds %s, then 400 invalid_format names the field and nothing changes', async (_name, phrase) => {
    const before = await rule('follow-up');
    const response = await write('patch', '/api/v1/rules/follow-up').send({ phrases: { de: { add: ['gut', phrase] } } }).expect(400);
    expect(response.body.error.problems).toEqual([{ path: 'phrases.de.add[1]', code: 'invalid_format', message: expect.stringContaining('unpaired surrogate') }]);
    expect(await rule('follow-up')).toEqual(before);
  });

  test('when NUL or a lone surrogate reaches other write routes (settings, preview, admins), then each answers 400, never 500', async () => {
    const current = (await request(h.app).get('/api/v1/settings').set('cookie', admin.cookie).expect(200)).body;
    const { portalId: _p, updatedAt: _u, updatedBy: _b, ...values } = current;
    const settings = await write('put', '/api/v1/settings').send({ ...values, timeZone: 'Europe/Berlin\u0000' }).expect(400);
    expect(settings.body.error.problems[0]).toMatchObject({ path: 'timeZone', code: 'invalid_format' });
    await write('post', '/api/v1/preview').send({ days: 7, rules: [{ ruleId: 'follow-up', name: '\uD800' }] }).expect(400);
    await write('put', '/api/v1/admins').send({ admins: [{ userId: '501', email: 'a\u0000@example.com' }] }).expect(400);
    // A key is text too.
    await write('patch', '/api/v1/rules/follow-up').send({ phrases: { 'e\uD800n': { add: ['x'] } } }).expect(400);
  });
});

describe('admin length limits (row 34)', () => {
  test('when a phrase has exactly 80 characters, then it is saved; with 81, then 400 too_long', async () => {
    const atLimit = `a${'b'.repeat(78)}c`;
    expect(atLimit).toHaveLength(80);
    await write('patch', '/api/v1/rules/check-in').send({ phrases: { fr: { add: [atLimit] } } }).expect(200);
    expect((await rule('check-in'))?.phrases.fr?.added).toContain(atLimit);
    const over = await write('patch', '/api/v1/rules/check-in').send({ phrases: { fr: { add: [`${atLimit}d`] } } }).expect(400);
    expect(over.body.error.problems.map((problem: { path: string; code: string }) => [problem.path, problem.code])).toEqual([['phrases.fr.add[0]', 'too_long']]);
  });

  test('when a pattern has exactly 256 characters, then it is saved; with 257, then 400 too_long naming it', async () => {
    const atLimit = `x${'y'.repeat(254)}z`;
    expect(atLimit).toHaveLength(256);
    const saved = await write('patch', '/api/v1/rules/check-in').send({ patterns: [atLimit] }).expect(200);
    expect(saved.body.patterns).toEqual([atLimit]);
    const over = await write('patch', '/api/v1/rules/check-in').send({ patterns: [`${atLimit}q`] }).expect(400);
    expect(over.body.error.problems.map((problem: { path: string; code: string }) => [problem.path, problem.code])).toEqual([['patterns[0]', 'too_long']]);
    expect((await rule('check-in'))?.patterns).toEqual([atLimit]);
  });

  test('when a phrase is 2 letters and 39 emoji (80 UTF-16 units), then it is saved; with 40 emoji (42 code points, 82 units), then 400: limits count UTF-16 units', async () => {
    await write('patch', '/api/v1/rules/check-in').send({ phrases: { es: { add: [`ab${'🤝'.repeat(39)}`] } } }).expect(200);
    const over = await write('patch', '/api/v1/rules/check-in').send({ phrases: { es: { add: [`cd${'🤝'.repeat(40)}`] } } }).expect(400);
    expect(over.body.error.problems[0]).toMatchObject({ path: 'phrases.es.add[0]', code: 'too_long' });
  });
});
