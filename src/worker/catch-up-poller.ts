/**
 * The catch-up poller: for portals whose webhooks were missed (downtime, no webhook delivery),
 * search each active portal's tasks modified since its stored cursor and feed them through the
 * same inbox as webhooks. Event keys derive from (task, modification time), and the card step
 * keys do the rest, so a task gets one card whichever way it arrived.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import type { ModifiedTaskSource } from '../hubspot/task-search.ts';
import type { TokenProvider } from '../hubspot/token-provider.ts';
import type { PollCursorStore, PortalPauseStore } from '../store/card-store.ts';
import type { InboxEvent, InboxStore } from '../store/ports.ts';
import { createPortalSession, PortalPausedError } from './portal-session.ts';

export interface CatchUpPollerDeps {
  tasks: ModifiedTaskSource;
  tokens: TokenProvider;
  inbox: InboxStore;
  cursors: PollCursorStore & Pick<PortalPauseStore, 'isPaused' | 'pausePortal'>;
  clock: Clock;
  log: Logger;
  /** How far back a portal without a cursor is searched the first time. */
  initialLookbackMs?: number;
  /** Pages of 100 per portal and round, so one busy portal cannot hold the others up. */
  maxPages?: number;
}

export interface CatchUpPoller {
  /** One round over every active portal; returns how many new events were enqueued. */
  pollOnce(): Promise<number>;
  /** Polls every `intervalMs` until stopped (rounds never overlap). */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export const POLL_SUBSCRIPTION_ID = 'catch-up-poller';

export function createCatchUpPoller(deps: CatchUpPollerDeps): CatchUpPoller {
  const lookbackMs = deps.initialLookbackMs ?? 3_600_000;
  const maxPages = deps.maxPages ?? 10;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let round: Promise<number> | undefined;
  let stopped = false;

  async function pollPortal(portalId: string): Promise<number> {
    if (await deps.cursors.isPaused(portalId)) return 0;
    const now = deps.clock.now();
    const since = (await deps.cursors.getPollCursor(portalId)) ?? now - lookbackMs;
    const session = createPortalSession(deps.tokens, portalId);
    let cursor = since;
    let after: string | undefined;
    let enqueued = 0;
    for (let page = 0; page < maxPages; page += 1) {
      const result = await session.run((token) => deps.tasks.listModifiedTasks(portalId, token, since, after));
      if (result.tasks.length > 0) enqueued += await enqueue(portalId, result.tasks, now);
      cursor = Math.max(cursor, ...result.tasks.map((task) => task.modifiedAt));
      after = result.after;
      if (after === undefined) break;
    }
    // GTE on the next round: tasks sharing the last millisecond are seen again and deduplicated.
    await deps.cursors.setPollCursor(portalId, cursor, now);
    return enqueued;
  }

  async function enqueue(portalId: string, tasks: readonly { id: string; modifiedAt: number }[], now: number): Promise<number> {
    const events: InboxEvent[] = tasks.map((task) => {
      const eventKey = createHash('sha256').update(JSON.stringify(['catch-up', portalId, task.id, task.modifiedAt])).digest('hex');
      const base = { portalId, eventKey, subscriptionType: 'object.propertyChange' as const, objectId: task.id, eventId: `poll:${task.modifiedAt}`,
        subscriptionId: POLL_SUBSCRIPTION_ID, occurredAt: task.modifiedAt };
      return { ...base, status: 'queued', objectTypeId: '0-27', propertyName: undefined, propertyValue: undefined, changeSource: 'CATCH_UP_POLLER',
        job: { ...base, changeSource: 'CATCH_UP_POLLER' } };
    });
    const body = Buffer.from(JSON.stringify(tasks.map((task) => ({ objectId: task.id, modifiedAt: task.modifiedAt }))));
    const result = await deps.inbox.recordDelivery({ id: randomUUID(), receivedAt: now, body, status: 'accepted', reason: undefined, events, quarantined: [] });
    return result.enqueued;
  }

  async function pollAll(): Promise<number> {
    let total = 0;
    for (const portalId of await deps.tokens.activePortals()) {
      try {
        total += await pollPortal(portalId);
      } catch (error) {
        if (error instanceof PortalPausedError) await deps.cursors.pausePortal(portalId, error.reason, deps.clock.now());
        deps.log.warn({ err: error, portalId }, 'catch-up poll failed for this portal');
      }
    }
    if (total > 0) deps.log.info({ enqueued: total }, 'catch-up poll enqueued missed task events');
    return total;
  }

  const schedule = (intervalMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = pollAll().finally(() => schedule(intervalMs));
    }, intervalMs);
    timer.unref();
  };

  return {
    pollOnce: () => pollAll(),
    start(intervalMs) {
      stopped = false;
      schedule(intervalMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round?.catch(() => undefined);
    },
  };
}
