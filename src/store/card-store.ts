/**
 * The card ledger's port: cards and their idempotency step keys, skips with their reasons,
 * feedback and snoozes, paused portals with their parked jobs, and the catch-up poller's
 * cursors. The pipeline (`src/worker/`) and the feedback route see only this interface.
 */
import type { TaskEventJob } from './ports.ts';

/**
 * `content.redacted` of a card whose texts were removed after a contact's privacy deletion
 * (src/store/privacy-purge.ts), and the skip reason of such a card if it was still pending.
 */
export const PRIVACY_DELETION = 'privacy-deletion';

/** True for card content the privacy purge redacted: it must never be published. */
export function isRedactedCard(content: unknown): boolean {
  return content !== null && typeof content === 'object' && (content as { redacted?: unknown }).redacted === PRIVACY_DELETION;
}

/** A CRM record a card is about, as stored in `cards.records`. */
export interface StoredRecordRef {
  objectType: 'contact' | 'company' | 'deal' | 'ticket';
  id: string;
}

export interface NewCard {
  portalId: string;
  cardId: string;
  /** (portal, task, effective rule version, channel): unique per portal. */
  stepKey: string;
  taskId: string;
  ruleId: string | null;
  ruleVersion: string;
  channel: string;
  /** Where on the channel: the timeline-v3 event template id or the app-event type name; absent otherwise. */
  channelTarget?: string | null;
  locale: string;
  lensIds: string[];
  ownerId: string | null;
  records: StoredRecordRef[];
  /** The rendered card (JSON), without feedback links. */
  content: unknown;
  createdAt: number;
}

/**
 * One run of one queue job: who holds a card's publishing lease. The queue starts a job's next
 * attempt only after the previous one settled or its job lease expired, so a later attempt of the
 * holder's job may take the card's lease over at once; any other job waits for it to lapse.
 */
export interface LeaseHolder {
  jobId: string;
  attempt: number;
}

/** A run asking for a card's lease; `takesOver: false` when its job's previous attempt may still be running. */
export interface LeaseClaimant extends LeaseHolder {
  takesOver?: boolean;
}

export interface StoredCard {
  portalId: string;
  cardId: string;
  stepKey: string;
  taskId: string;
  channel: string;
  /** Where on the channel it was recorded to go (template id / event type name); null for note, task-body and older rows. */
  channelTarget: string | null;
  ownerId: string | null;
  records: StoredRecordRef[];
  content: unknown;
  /** `skipped`: ended unpublished (its content was redacted for a privacy deletion first). */
  status: 'pending' | 'delivered' | 'skipped';
  hubspotObjectId: string | null;
  /** How many attempts started publishing this card (before the current claim). */
  publishAttempts: number;
  /** Until when an attempt holds the publishing lease (epoch ms), if one does. */
  leaseUntil: number | null;
  /** The run holding that lease (null when free, or taken before holders were recorded). */
  leaseHolder: LeaseHolder | null;
  createdAt: number;
  deliveredAt: number | null;
}

/** What `claimForPublishing` found: the card is ours to publish now, or someone else holds it. */
export type PublishClaim =
  | { claimed: true; card: StoredCard }
  | { claimed: false; reason: 'delivered' | 'skipped' | 'leased' | 'missing'; card: StoredCard | undefined };

export interface CardSkip {
  portalId: string;
  taskId: string;
  eventKey: string | undefined;
  reason: string;
  detail: string | undefined;
  ruleId: string | undefined;
  at: number;
}

export interface DeliveredCardRow {
  taskId: string;
  ownerId: string | null;
  records: StoredRecordRef[];
  deliveredAt: number;
}

export interface SnoozeRow {
  record: StoredRecordRef;
  until: number;
}

export type FeedbackOutcome = 'recorded' | 'duplicate' | 'unknown-card';

export interface CardStore {
  /** The cards already recorded for these tasks (any rule version, any channel). */
  findCardsForTasks(portalId: string, taskIds: readonly string[]): Promise<StoredCard[]>;
  /** Records a pending card; when its step key exists already, returns the existing row instead. */
  insertPendingCard(card: NewCard): Promise<{ card: StoredCard; created: boolean }>;
  /**
   * Takes a lease of `leaseMs` on a pending card so only one attempt publishes it: when the lease
   * is free, lapsed, or held by an earlier attempt of one of the `claimants`' jobs. The first
   * claimant is recorded as the holder.
   */
  claimForPublishing(portalId: string, cardId: string, now: number, leaseMs: number, claimants: readonly LeaseClaimant[]): Promise<PublishClaim>;
  /** Marks the card delivered and frees its lease. */
  markDelivered(portalId: string, cardId: string, hubspotObjectId: string, at: number): Promise<void>;
  /** Ends a pending card unpublished (status `skipped`) and frees its lease. */
  markSkipped(portalId: string, cardId: string): Promise<void>;
  /** Gives `holder`'s lease back after a failed publish, so the retry need not wait for it to expire; a lease taken over since stays. */
  releaseLease(portalId: string, cardId: string, holder: LeaseHolder | null): Promise<void>;
  /** Whether `holder` still holds the card's lease (not taken over, not lapsed and taken): checked right before the HubSpot write. */
  holdsLease(portalId: string, cardId: string, holder: LeaseHolder): Promise<boolean>;
  getCard(portalId: string, cardId: string): Promise<StoredCard | undefined>;
  recordSkip(skip: CardSkip): Promise<void>;
  /** Delivered cards of the portal since `since` (policy history: cooldown, budget). */
  loadDeliveredSince(portalId: string, since: number): Promise<DeliveredCardRow[]>;
  /** The newest cards about any of `records`, by any rep, newest first (rotation per client). */
  loadRecentCardContents(portalId: string, records: readonly StoredRecordRef[], limit: number): Promise<unknown[]>;
  /** The owner's newest cards about any client, newest first (rotation per rep); none for an unowned task. */
  loadRepCardContents(portalId: string, ownerId: string | null, limit: number): Promise<unknown[]>;
  loadSnoozes(portalId: string, records: readonly StoredRecordRef[], now: number): Promise<SnoozeRow[]>;
  /** One reaction per (portal, card, action); a replay is `duplicate`. */
  recordFeedback(portalId: string, cardId: string, action: 'helpful' | 'not-helpful' | 'snooze', at: number): Promise<FeedbackOutcome>;
  snoozeRecords(portalId: string, records: readonly StoredRecordRef[], until: number, at: number): Promise<void>;
}

export interface PortalPauseStore {
  pausePortal(portalId: string, reason: string, at: number): Promise<void>;
  isPaused(portalId: string): Promise<boolean>;
  /** Keeps a job of a paused portal until the portal is resumed (idempotent per event). */
  parkJob(job: TaskEventJob, at: number): Promise<void>;
  /** Unpauses the portal and enqueues its parked jobs again; returns how many. Call on reinstall. */
  resumePortal(portalId: string): Promise<number>;
  parkedCount(portalId: string): Promise<number>;
}

export interface PollCursorStore {
  getPollCursor(portalId: string): Promise<number | undefined>;
  setPollCursor(portalId: string, cursorMs: number, at: number): Promise<void>;
}

/** Puts a job back on the queue to run no earlier than `at` (quiet hours). */
export interface JobScheduler {
  scheduleJob(job: TaskEventJob, at: number): Promise<void>;
}

export type CardLedger = CardStore & PortalPauseStore & PollCursorStore & JobScheduler;
