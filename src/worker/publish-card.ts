/**
 * Publishes a recorded card exactly once: take the card's lease, add its signed feedback links,
 * look for what an earlier, interrupted attempt may have created, create it otherwise, and
 * mark the card delivered. A card the privacy purge redacted is never published: it ends skipped.
 */
import type { Card, FeedbackLinks } from '../cards/card.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import { createFeedbackToken, type FeedbackAction } from '../feedback/feedback-link.ts';
import type { CardPublisher, DeliveryTarget } from '../hubspot/ports.ts';
import { CHANNELS, type Channel, type DeliverySettings } from '../cards/delivery-settings.ts';
import type { SettingsSource } from '../settings/portal-settings.ts';
import { isRedactedCard, PRIVACY_DELETION, type CardLedger, type LeaseClaimant, type StoredCard } from '../store/card-store.ts';
import type { HandlerOutcome } from './create-worker.ts';
import type { PortalSession } from './portal-session.ts';

/** Longer than one publish call with its timeout; a crashed attempt's lease lapses after it. */
const PUBLISH_LEASE_MS = 30_000;

export interface FeedbackLinkOptions {
  /** The service's public URL; links point at `<baseUrl>/feedback/<token>`. */
  baseUrl: string;
  /** At least 32 bytes (SESSION_SECRET). */
  secret: string;
  /** How long a link works, counted from the card's creation. */
  ttlMs: number;
}

export interface PublishDeps {
  ledger: CardLedger;
  publisher: CardPublisher;
  settings: SettingsSource;
  clock: Clock;
  feedback?: FeedbackLinkOptions;
}

/** Signed links for a card; stable across attempts (expiry counted from the card's creation). */
export function feedbackLinksFor(card: Pick<StoredCard, 'portalId' | 'cardId' | 'createdAt'>, options: FeedbackLinkOptions): FeedbackLinks {
  const link = (action: FeedbackAction) =>
    `${options.baseUrl}/feedback/${createFeedbackToken({ portalId: card.portalId, cardId: card.cardId, action, expiresAt: card.createdAt + options.ttlMs }, options.secret)}`;
  return { helpful: link('helpful'), notHelpful: link('not-helpful'), snooze: link('snooze') };
}

/**
 * `claimants` are the queue runs (job id, attempt) asking for the card, the first recorded as the
 * lease's holder: a later attempt of the holder's job takes the lease over at once (a crashed
 * attempt's rerun), and then finds what the crashed attempt may have created.
 */
export async function publishCard(deps: PublishDeps, session: PortalSession, stored: StoredCard, now: number,
  claimants: readonly LeaseClaimant[]): Promise<HandlerOutcome> {
  const claim = await deps.ledger.claimForPublishing(stored.portalId, stored.cardId, now, PUBLISH_LEASE_MS, claimants);
  if (!claim.claimed) {
    if (claim.reason === 'delivered') return { status: 'skipped', reason: 'task-already-carded' };
    if (claim.reason === 'skipped') return { status: 'skipped', reason: PRIVACY_DELETION };
    // Another job's attempt holds the lease: retry when it lapses (that attempt may have crashed mid-publish).
    const retryAfterMs = Math.max(1_000, (claim.card?.leaseUntil ?? now) - now);
    throw new AppError('card.busy', 'another attempt is publishing this card', { retryable: true, retryAfterMs, details: { cardId: stored.cardId } });
  }
  const card = claim.card;
  // A contact of the card asked to be forgotten before it went out. The purge never redacts a card
  // whose lease is held, and the claim above waits for a running purge, so this read is current.
  if (isRedactedCard(card.content)) {
    await deps.ledger.markSkipped(card.portalId, card.cardId);
    return { status: 'skipped', reason: PRIVACY_DELETION };
  }
  const content = card.content as Card;
  const withLinks: Card = deps.feedback === undefined ? content : { ...content, feedbackLinks: feedbackLinksFor(card, deps.feedback) };
  const loaded = await deps.settings.load(card.portalId);
  try {
    const delivery = deliveryFor(card, loaded.settings.delivery);
    const created = await session.run(async (accessToken) => {
      const target: DeliveryTarget = {
        portalId: card.portalId, accessToken, taskId: card.taskId, cardId: card.cardId, records: card.records, delivery, now: card.createdAt,
      };
      // An earlier attempt got as far as publishing: HubSpot may already hold the card.
      const found = card.publishAttempts > 0 ? await deps.publisher.findExisting(target) : undefined;
      if (found !== undefined) return found;
      // This attempt may have outlived its job lease (a slow read, a long rate-limit wait) and the
      // job's next attempt taken the card over: then that one writes it, not this one.
      if (card.leaseHolder !== null && !(await deps.ledger.holdsLease(card.portalId, card.cardId, card.leaseHolder))) {
        throw new AppError('card.busy', 'this attempt lost the card\'s lease before writing it; the attempt holding it publishes', { retryable: true, retryAfterMs: PUBLISH_LEASE_MS, details: { cardId: card.cardId } });
      }
      return deps.publisher.publish(withLinks, target);
    });
    await deps.ledger.markDelivered(card.portalId, card.cardId, created.hubspotObjectId, deps.clock.now());
    return { status: 'done', reason: 'card delivered' };
  } catch (error) {
    await deps.ledger.releaseLease(card.portalId, card.cardId, card.leaseHolder).catch(() => undefined);
    throw error;
  }
}

/**
 * The card goes out on the channel it was recorded for (part of its step key) and, on timeline-v3
 * or app-event, under the template id / event type name recorded with it: a channel or template
 * switched since applies to new cards. An earlier attempt may already have written this one there,
 * and a search elsewhere would not find it, so the task would get a second card. Rows from before
 * the target was recorded use the current setting of their channel.
 */
function deliveryFor(card: StoredCard, current: DeliverySettings): DeliverySettings {
  const recorded = CHANNELS.find((channel): channel is Channel => channel === card.channel);
  if (recorded === undefined) return current;
  const needed = CHANNEL_SETTING[recorded];
  if (needed !== undefined && card.channelTarget !== null) return { ...current, channel: recorded, [needed.key]: card.channelTarget };
  if (recorded === current.channel) return current;
  if (needed !== undefined && current[needed.key] === undefined) throw channelGone(card, recorded, current.channel, needed.label);
  return { ...current, channel: recorded };
}

/** The setting a channel cannot deliver without (the settings API keeps only the current channel's). */
const CHANNEL_SETTING: Partial<Record<Channel, { key: 'eventTemplateId' | 'eventTypeName'; label: string }>> = {
  'timeline-v3': { key: 'eventTemplateId', label: 'event template id' },
  'app-event': { key: 'eventTypeName', label: 'event type name' },
};

/** Where on its channel a card recorded under `delivery` goes (recorded with it): that channel's setting, or null. */
export function channelTargetOf(delivery: DeliverySettings): string | null {
  const needed = CHANNEL_SETTING[delivery.channel];
  return needed === undefined ? null : delivery[needed.key] ?? null;
}

/**
 * The card's channel lost its setting when the admin switched channels: it cannot go out until
 * that setting is back. Permanent (a retry would fail the same way); the message says what to do.
 */
function channelGone(card: StoredCard, recorded: Channel, now: Channel, setting: string): AppError {
  return new AppError('delivery.misconfigured',
    `card ${card.cardId} was recorded for the ${recorded} channel, whose ${setting} is no longer configured (the portal now delivers through ${now}); `
    + `re-add the ${recorded} channel with its ${setting} in the delivery settings, then redrive this job (npm run dlq -- list, npm run dlq -- redrive <id>); redriven before that, it fails the same way`,
    { status: 422, retryable: false, details: { cardId: card.cardId, channel: recorded, currentChannel: now, missing: setting } });
}
