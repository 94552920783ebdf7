/**
 * A card's "Manage rules" link (`/settings#rule-<id>`) survives sign-in: the fragment never
 * reaches the server, so the sign-in page's script carries it into `returnTo`, and the login
 * hook sends the admin back to it.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import { SETTINGS_CSP } from '../../../src/settings/settings-page.ts';
import { openHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => { h = await openHarness(); });
afterAll(async () => { await h?.close(); });

test('when nobody is signed in, then the page loads the sign-in script that keeps a #rule-<id> target, under the strict CSP', async () => {
  const page = await request(h.app).get('/settings').expect(200);
  expect(page.text).toContain('<script type="module" src="/settings/assets/signin.js"></script>');
  expect(page.text).toContain('id="signin-link" href="/oauth/login?returnTo=/settings"');
  const script = await request(h.app).get('/settings/assets/signin.js').expect(200);
  expect(script.headers['content-type']).toMatch(/^text\/javascript/);
  expect(script.headers['content-security-policy']).toBe(SETTINGS_CSP);
  // Only a well-formed rule fragment is carried, and only into a same-origin /settings path.
  expect(script.text).toContain('/^#rule-[a-z0-9][a-z0-9-]{0,63}$/');
  expect(script.text).toContain('`/oauth/login?returnTo=${encodeURIComponent(`/settings${hash}`)}`');
});

test('when the signed-in page is served, then it loads the settings script, not the sign-in one', async () => {
  const { cookie } = await h.signIn('31', '7');
  const page = await request(h.app).get('/settings').set('cookie', cookie).expect(200);
  expect(page.text).toContain('src="/settings/assets/settings.js"');
  expect(page.text).not.toContain('signin.js');
});

test('when sign-in completes with returnTo /settings#rule-<id>, then the admin lands on that rule; other targets fall back to /settings', async () => {
  const app = express();
  app.get('/login', async (req, res) => {
    await h.service.onLogin(req, res, { portalId: '32', userId: '8', returnTo: String(req.query.returnTo) });
  });
  const landed = await request(app).get('/login').query({ returnTo: '/settings#rule-follow-up' }).expect(303);
  expect(landed.headers.location).toBe('/settings#rule-follow-up');
  const elsewhere = await request(app).get('/login').query({ returnTo: '/api/v1/rules#rule-x' }).expect(303);
  expect(elsewhere.headers.location).toBe('/settings');
});
