/**
 * The standalone settings page at `/settings`: a server-rendered shell, one external JS module
 * and one stylesheet, under a strict Content-Security-Policy (no inline script or style). Also
 * the sign-in hook the OAuth login callback calls.
 */
import { readFileSync } from 'node:fs';
import express, { type Request, type Response } from 'express';
import type { Clock } from '../clock.ts';
import { clearedSessionCookie, csrfTokenMatches, readCookie, SESSION_COOKIE, sessionCookie, type Sessions } from './sessions.ts';
import { UNINSTALL_DELETES } from './page-model.ts';
import type { SettingsStore } from './settings-store.ts';

export const SETTINGS_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const asset = (name: string): string => readFileSync(new URL(`./public/${name}`, import.meta.url), 'utf8');

/** What the OAuth login callback knows (`LoginIdentity` of src/oauth/complete-authorization.ts). */
export interface LoginIdentity {
  portalId: string | number;
  userId: string | number | undefined;
  email?: string | undefined;
  scopes?: readonly string[];
  /** A same-origin path, already checked by the OAuth flow; only `/settings…` is honoured here. */
  returnTo?: string;
}

/**
 * What the OAuth login callback calls once HubSpot said who the user is: a new session (the old
 * one, if any, is destroyed: the id is regenerated at every sign-in), the portal's first user
 * made its admin (the installer signs in first), and a redirect to the page.
 */
export function createLoginHook(deps: { sessions: Sessions; store: SettingsStore; clock: Clock }) {
  return async (req: Request, res: Response, identity: LoginIdentity): Promise<void> => {
    if (identity.userId === undefined) {
      res.status(403).type('text/plain').send('HubSpot did not say which user signed in, so no session was created. Sign in again from HubSpot.');
      return;
    }
    const portalId = String(identity.portalId);
    const userId = String(identity.userId);
    const previous = readCookie(req.headers.cookie, SESSION_COOKIE);
    const id = await deps.sessions.create({ portalId, userId, email: identity.email }, previous);
    if (await deps.store.countAdmins(portalId) === 0) await deps.store.addAdmin(portalId, userId, null, deps.clock.now());
    res.setHeader('Set-Cookie', sessionCookie(id));
    res.setHeader('Cache-Control', 'no-store');
    const returnTo = identity.returnTo !== undefined && /^\/settings(?:[/?#]|$)/.test(identity.returnTo) ? identity.returnTo : '/settings';
    res.redirect(303, returnTo);
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function shell(signedIn: boolean): string {
  const head = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Unrobot settings</title>
<link rel="stylesheet" href="/settings/assets/settings.css">
<script type="module" src="/settings/assets/${signedIn ? 'settings' : 'signin'}.js"></script>
</head>`;
  if (!signedIn) {
    return `${head}
<body>
<main id="signin" class="signin">
<h1>Unrobot settings</h1>
<p>Unrobot turns robotic CRM task prompts into questions about the client. Sign in with the HubSpot account Unrobot is installed in to see and change what it does.</p>
<p><a class="button" id="signin-link" href="/oauth/login?returnTo=/settings">Sign in with HubSpot</a></p>
</main>
</body>
</html>`;
  }
  return `${head}
<body>
<a class="skip" href="#main">Skip to the settings</a>
<header class="top">
<h1>Unrobot settings</h1>
<p id="who" class="who" dir="auto"></p>
<form id="signout" method="post" action="/settings/sign-out"><input type="hidden" name="csrf" id="signout-csrf"><button type="submit" class="link">Sign out</button></form>
</header>
<nav aria-label="Sections"><ul>
<li><a href="#rules">Rules</a></li><li><a href="#settings">Thresholds, lenses, anti-noise and delivery</a></li>
<li><a href="#preview">Preview</a></li><li><a href="#analytics">Analytics</a></li><li><a href="#audit">Audit log</a></li>
<li><a href="#editors">Editors</a></li><li><a href="#uninstall">Uninstall</a></li>
</ul></nav>
<p id="status" class="status" role="status" aria-live="polite"></p>
<p id="read-only" class="read-only" hidden></p>
<main id="main">
<section id="rules" aria-labelledby="rules-title">
<h2 id="rules-title">Rules</h2>
<p>Each rule recognises one kind of robotic task prompt. A card's "why" line names the rule that produced it: find it here and switch it off, then run a preview to see the effect before you save.</p>
<label for="rule-filter">Find a rule by name, description or phrase</label>
<input id="rule-filter" type="search" autocomplete="off">
<div id="rule-list"></div>
</section>
<section id="settings" aria-labelledby="settings-title">
<h2 id="settings-title">Thresholds, lenses, anti-noise and delivery</h2>
<form id="settings-form" novalidate></form>
</section>
<section id="preview" aria-labelledby="preview-title">
<h2 id="preview-title">Preview</h2>
<p>Runs your saved settings, plus any changes you have not saved yet, over recent tasks. Nothing is posted.</p>
<form id="preview-form"><label for="preview-days">Days of tasks</label>
<select id="preview-days"><option value="7">7</option><option value="14">14</option><option value="30">30</option></select>
<button type="submit">Run preview</button></form>
<div id="preview-result" aria-live="polite"></div>
</section>
<section id="analytics" aria-labelledby="analytics-title">
<h2 id="analytics-title">Analytics</h2>
<label for="analytics-days">Window</label>
<select id="analytics-days"><option value="7">Last 7 days</option><option value="30">Last 30 days</option></select>
<div id="analytics-result"></div>
</section>
<section id="audit" aria-labelledby="audit-title">
<h2 id="audit-title">Audit log</h2>
<ol id="audit-list" class="audit"></ol>
</section>
<section id="editors" aria-labelledby="editors-title">
<h2 id="editors-title">Editors</h2>
<p>Who may change these settings. Anyone else in the portal who signs in can read them. Name a person by HubSpot user id, by the email they sign in to HubSpot with, or both. You cannot remove yourself; ask another editor.</p>
<table id="editor-table"><caption>Editors of this portal</caption>
<thead><tr><th scope="col">User id</th><th scope="col">Email</th><th scope="col">Added by</th><th scope="col">Added</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody id="editor-list"></tbody></table>
<form id="editor-form" class="editor-form" novalidate>
<div class="field"><label for="editor-user-id">HubSpot user id</label><input id="editor-user-id" type="text" inputmode="numeric" autocomplete="off"></div>
<div class="field"><label for="editor-email">Email</label><input id="editor-email" type="email" autocomplete="off"></div>
<button type="submit">Add editor</button>
</form>
<ul class="errors" id="editor-errors"></ul>
</section>
<section id="uninstall" class="danger" aria-labelledby="uninstall-title">
<h2 id="uninstall-title">Uninstall Unrobot from this portal</h2>
<p>This removes the app from your HubSpot portal and deletes, here, everything Unrobot keeps about it:</p>
<ul>
${UNINSTALL_DELETES.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}
</ul>
<p>Notes already posted to HubSpot records stay in HubSpot. Only a record that the install existed and was removed, without any personal data, is kept. This cannot be undone; installing again starts from the defaults.</p>
<form id="uninstall-form" novalidate>
<div class="field"><label for="uninstall-confirm">Type this portal's id, <span id="uninstall-portal"></span>, to confirm</label>
<input id="uninstall-confirm" type="text" inputmode="numeric" autocomplete="off" aria-describedby="uninstall-errors"></div>
<ul class="errors" id="uninstall-errors"></ul>
<button type="submit" class="danger-button">Uninstall Unrobot and delete its data</button>
</form>
</section>
</main>
</body>
</html>`;
}

export function createSettingsPageRouter(deps: { sessions: Sessions; publicBaseUrl: string }): express.Router {
  const router = express.Router();
  const script = asset('settings.js');
  // The page's behaviour (src/settings/page-model.ts, types removed by `npm run page-model`), imported by settings.js.
  const model = asset('page-model.js');
  const signin = asset('signin.js');
  const style = asset('settings.css');
  const strict = (res: Response) => {
    res.setHeader('Content-Security-Policy', SETTINGS_CSP);
    res.setHeader('Cache-Control', 'no-store');
  };
  router.get('/settings', async (req, res) => {
    const id = readCookie(req.headers.cookie, SESSION_COOKIE);
    const session = id === undefined ? undefined : await deps.sessions.load(id);
    strict(res);
    res.type('html').send(shell(session !== undefined));
  });
  router.get('/settings/assets/settings.js', (_req, res) => { strict(res); res.type('text/javascript').send(script); });
  router.get('/settings/assets/page-model.js', (_req, res) => { strict(res); res.type('text/javascript').send(model); });
  router.get('/settings/assets/signin.js', (_req, res) => { strict(res); res.type('text/javascript').send(signin); });
  router.get('/settings/assets/settings.css', (_req, res) => { strict(res); res.type('text/css').send(style); });
  router.post('/settings/sign-out', express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
    const id = readCookie(req.headers.cookie, SESSION_COOKIE);
    const session = id === undefined ? undefined : await deps.sessions.load(id);
    const origin = req.headers.origin;
    const token = (req.body as { csrf?: unknown } | undefined)?.csrf;
    if (id !== undefined && session && (origin === undefined || origin === new URL(deps.publicBaseUrl).origin) && csrfTokenMatches(session, typeof token === 'string' ? token : undefined)) {
      await deps.sessions.destroy(id);
    }
    res.setHeader('Set-Cookie', clearedSessionCookie());
    res.redirect(303, '/settings');
  });
  return router;
}
