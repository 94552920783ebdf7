/**
 * `GET /feedback/:token`: the one-click reaction links on a card (helpful, not helpful, snooze
 * this client). No login: the signed token is the authority, bound to portal, card, action and
 * expiry. A reaction is recorded once per (portal, card, action); replays answer the same page.
 * Anything invalid answers the same 404 page, so a probe learns nothing.
 */
import { Router, type Response } from 'express';
import { escapeHtml } from '../cards/escape.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { snoozeUntil } from '../policy/decide-delivery.ts';
import type { SettingsSource } from '../settings/portal-settings.ts';
import type { CardStore } from '../store/card-store.ts';
import { verifyFeedbackToken, type FeedbackAction } from './feedback-link.ts';

export interface FeedbackRouteDeps {
  cards: Pick<CardStore, 'getCard' | 'recordFeedback' | 'snoozeRecords'>;
  settings: SettingsSource;
  /** Accepted signing secrets, newest first (rotation). */
  secrets: readonly string[];
  clock: Clock;
  log: Logger;
  /** Told of every reaction on a known card (`outcome`: recorded, or already recorded), for metrics. */
  onRecorded?: (action: FeedbackAction, outcome: string) => void;
}

const THANKS: Record<FeedbackAction, string> = {
  helpful: 'Thanks: we will keep cards like this one coming.',
  'not-helpful': 'Thanks: we will show fewer cards like this one.',
  snooze: 'Done: no cards about this client for a while.',
};

function page(res: Response, status: number, title: string, text: string): void {
  res.status(status).type('html').set('cache-control', 'no-store').set('referrer-policy', 'no-referrer').send(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>`,
  );
}

export function createFeedbackRouter(deps: FeedbackRouteDeps): Router {
  const router = Router();
  const notFound = (res: Response) => page(res, 404, 'Link not valid', 'This feedback link is not valid or has expired.');
  router.get('/feedback/:token', async (req, res, next) => {
    try {
      if (deps.secrets.length === 0) return notFound(res);
      const now = deps.clock.now();
      const verified = verifyFeedbackToken(String(req.params.token), deps.secrets, now);
      if (!verified.ok) {
        deps.log.info({ reason: verified.reason }, 'feedback link refused');
        return notFound(res);
      }
      const { portalId, cardId, action } = verified.claims;
      const outcome = await deps.cards.recordFeedback(portalId, cardId, action, now);
      if (outcome === 'unknown-card') return notFound(res);
      deps.onRecorded?.(action, outcome);
      if (action === 'snooze' && outcome === 'recorded') {
        const card = await deps.cards.getCard(portalId, cardId);
        const { settings } = await deps.settings.load(portalId);
        await deps.cards.snoozeRecords(portalId, card?.records ?? [], snoozeUntil(now, settings.policy), now);
      }
      deps.log.info({ portalId, cardId, action, outcome }, 'feedback recorded');
      page(res, 200, 'Thank you', THANKS[action]);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
