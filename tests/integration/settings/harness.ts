/**
 * A settings service on PGlite with a fixed clock, for the settings integration and browser
 * tests: sign-in through the real `onLogin` hook, HubSpot-signed requests, and seeded pipeline rows.
 */
import express from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { createFixedClock } from '../../../src/clock.ts';
import { createLogger } from '../../../src/logger.ts';
import { createSettingsService, type SettingsService } from '../../../src/settings/create-settings-service.ts';
import { applyMigrations } from '../../../src/store/migrations.ts';
import { openPgliteMemory } from '../../helpers/pglite-template.ts';
import type { SqlDatabase } from '../../../src/store/sql-database.ts';
import type { PortalUninstaller } from '../../../src/settings/uninstall.ts';
import type { PreviewHubSpot } from '../../../src/settings/preview.ts';
import { signV3 } from '../../../src/webhooks/signature.ts';

export const CLIENT_SECRET = 'settings-test-client-secret-0123456789';
export const NOW = Date.parse('2026-11-20T12:00:00Z');
const DAY = 86_400_000;

export interface Harness {
  app: express.Express;
  db: SqlDatabase;
  clock: ReturnType<typeof createFixedClock>;
  service: SettingsService;
  publicBaseUrl: string;
  /** Signs in through `onLogin`; returns the cookie header and the CSRF token. */
  signIn(portalId: string, userId: string, email?: string): Promise<{ cookie: string; csrf: string }>;
  /** A `hubspot.fetch`-style request: portal and user appended to the query, then signed. */
  signed(method: string, path: string, identity: { portalId: string; userId: string }, body?: unknown): request.Test;
  close(): Promise<void>;
}

export interface HarnessOptions {
  publicBaseUrl?: string;
  /** Wires `DELETE /api/v1/install`; built once the harness's database and clock exist. */
  uninstaller?: (db: SqlDatabase, clock: ReturnType<typeof createFixedClock>) => PortalUninstaller;
  /** HubSpot for the preview; stored events when absent. */
  preview?: () => PreviewHubSpot | undefined;
}

export async function openHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db = await openPgliteMemory();
  await applyMigrations(db);
  const clock = createFixedClock(NOW);
  const publicBaseUrl = options.publicBaseUrl ?? 'https://unrobot.test';
  const log = createLogger({ level: 'silent' });
  const uninstaller = options.uninstaller?.(db, clock);
  const service = createSettingsService({ db, clock, log, config: { publicBaseUrl, demo: true, hubspot: { clientSecrets: [CLIENT_SECRET] } }, ...(uninstaller && { uninstaller }), ...(options.preview && { preview: options.preview }) });
  const app = express();
  app.use(helmet());
  // Stands in for the OAuth login callback (src/oauth), which calls the same hook.
  app.get('/test/login', async (req, res) => {
    await service.onLogin(req, res, { portalId: String(req.query.portalId), userId: String(req.query.userId), email: typeof req.query.email === 'string' ? req.query.email : undefined, scopes: [] });
  });
  app.use(service.router);

  return {
    app, db, clock, service, publicBaseUrl,
    async signIn(portalId, userId, email) {
      const login = await request(app).get('/test/login').query({ portalId, userId, ...(email && { email }) }).expect(303);
      const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
      const me = await request(app).get('/api/v1/me').set('cookie', cookie).expect(200);
      return { cookie, csrf: (me.body as { csrfToken: string }).csrfToken };
    },
    signed(method, path, identity, body) {
      const separator = path.includes('?') ? '&' : '?';
      const url = `${path}${separator}portalId=${identity.portalId}&userId=${identity.userId}`;
      const text = body === undefined ? '' : JSON.stringify(body);
      const timestamp = String(clock.now());
      const signature = signV3({ secret: CLIENT_SECRET, method, uri: `${publicBaseUrl}${url}`, body: text, timestamp });
      const agent = request(app);
      const test = method === 'GET' ? agent.get(url) : method === 'PUT' ? agent.put(url) : method === 'PATCH' ? agent.patch(url) : method === 'DELETE' ? agent.delete(url) : agent.post(url);
      test.set('x-hubspot-signature-v3', signature).set('x-hubspot-request-timestamp', timestamp);
      if (body !== undefined) test.set('content-type', 'application/json').send(text);
      return test;
    },
    close: () => db.close(),
  };
}

/** One more task subject stored from a webhook for `portalId`, an hour before NOW unless told. */
export async function storeTaskSubject(db: SqlDatabase, portalId: string, objectId: string, subject: string, occurredAt = NOW - 3_600_000): Promise<void> {
  const deliveryId = `00000000-0000-4000-8000-${portalId.padStart(12, '0')}`;
  await db.query(
    `insert into webhook_events (portal_id, event_key, delivery_id, status, subscription_type, object_type_id, object_id, event_id, subscription_id, property_name, property_value, occurred_at, received_at)
     values ($1, $2, $3, 'queued', 'object.propertyChange', '0-27', $4, $4, '1', 'hs_task_subject', $5, $6, $7)`,
    [portalId, `extra-${objectId}`, deliveryId, objectId, subject, occurredAt, new Date(NOW)]);
}

/** Robotic and specific task subjects, a delivered card with feedback, and skips, for one portal. */
export async function seedPortal(db: SqlDatabase, portalId: string, prefix: string): Promise<{ cardId: string; recordId: string }> {
  const deliveryId = `00000000-0000-4000-8000-${portalId.padStart(12, '0')}`;
  await db.query(`insert into webhook_deliveries (id, received_at, status, event_count, portal_ids, body) values ($1, $2, 'accepted', 4, $3, $4)`,
    [deliveryId, new Date(NOW - DAY), [portalId], Buffer.from('[]')]);
  const subjects = ['Follow up', 'Check in with Jane', 'Touch base', 'Ask Acme legal whether the MSA redlines from Tuesday are final'];
  for (const [index, subject] of subjects.entries()) {
    await db.query(
      `insert into webhook_events (portal_id, event_key, delivery_id, status, subscription_type, object_type_id, object_id, event_id, subscription_id, property_name, property_value, occurred_at, received_at)
       values ($1, $2, $3, 'queued', 'object.propertyChange', '0-27', $4, $5, '1', 'hs_task_subject', $6, $7, $8)`,
      [portalId, `${prefix}-e${index}`, deliveryId, `${portalId}${index + 1}`, `${index + 1}`, subject, NOW - (index + 1) * 3_600_000, new Date(NOW)]);
  }
  const cardId = `${prefix}card0001`;
  const recordId = `${portalId}77`;
  await db.query(
    `insert into cards (portal_id, card_id, step_key, task_id, rule_id, rule_version, channel, locale, lens_ids, records, content, status, created_at, delivered_at)
     values ($1, $2, $3, $4, 'follow-up', 'v1', 'note', 'en', '{going-dark,calm-attentiveness}', $5, $6, 'delivered', $7, $7)`,
    [portalId, cardId, `${prefix}-step`, `${portalId}1`, JSON.stringify([{ objectType: 'contact', id: recordId }]),
      JSON.stringify({ taskSubject: 'Follow up', headline: { text: 'What has changed for them?' }, questions: [{ text: 'What might their silence tell you?' }], why: { text: 'Why this card: last reply 23 days ago' } }),
      new Date(NOW - 2 * DAY)]);
  await db.query(`insert into card_feedback (portal_id, card_id, action, user_id, created_at) values ($1, $2, 'helpful', '9', $3)`, [portalId, cardId, new Date(NOW - DAY)]);
  await db.query(`insert into card_skips (portal_id, task_id, reason, created_at) values ($1, '5', 'rep-daily-budget', $2), ($1, '6', 'not-robotic', $2)`, [portalId, new Date(NOW - DAY)]);
  return { cardId, recordId };
}
