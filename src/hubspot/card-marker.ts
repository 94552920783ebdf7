/**
 * The idempotency marker a card leaves in what HubSpot stores (note body, task body), so a
 * retry after a crash can find the card instead of posting a second one. The marker is one
 * search token: letters and digits only (HubSpot's `CONTAINS_TOKEN` splits on punctuation),
 * derived from the card id by hashing, so any card id shape works and none leaks into the CRM.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../cards/escape.ts';
import { renderTaskBodyAppendix } from '../cards/render-task-body.ts';
import type { Card } from '../cards/card.ts';

export function cardMarker(cardId: string): string {
  return `unrobot${createHash('sha256').update(cardId, 'utf8').digest('hex').slice(0, 32)}`;
}

/**
 * The marker as hidden HTML. Whether HubSpot keeps `style` on note and task bodies is
 * UNCONFIRMED; if it strips it, the reader sees one short reference token, which is harmless.
 */
export function markerHtml(cardId: string): string {
  return `<p style="display:none" data-unrobot-card="${cardMarker(cardId)}">${cardMarker(cardId)}</p>`;
}

/** The task-body appendix as rich text (`hs_task_body` is HTML): escaped, line breaks kept, marker last. */
export function renderTaskBodyHtml(card: Card, cardId: string): string {
  const lines = escapeHtml(renderTaskBodyAppendix(card)).split('\n');
  return `<p>${lines.join('<br>')}</p>${markerHtml(cardId)}`;
}
