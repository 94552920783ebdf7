/**
 * The card ledger on either engine (tables of migrations 20, 21, 24 and 25). Every write is keyed so a
 * retried, duplicated or crashed attempt finds what the earlier one wrote.
 */
import type { BossQueue } from './boss-queue.ts';
import type { CardLedger, StoredCard, StoredRecordRef } from './card-store.ts';
import type { TaskEventJob } from './ports.ts';
import type { SqlDatabase } from './sql-database.ts';

const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;
const ts = (param: string) => `to_timestamp(${param}::double precision / 1000)`;

const CARD_COLUMNS = `portal_id, card_id, step_key, task_id, channel, channel_target, owner_id, records, content, status, hubspot_object_id,
  publish_attempts, ${ms('created_at')} as created_ms, ${ms('delivered_at')} as delivered_ms, ${ms('lease_until')} as lease_ms,
  lease_job_id, lease_attempt`;

interface CardRow {
  portal_id: string; card_id: string; step_key: string; task_id: string; channel: string; channel_target: string | null; owner_id: string | null;
  records: unknown; content: unknown; status: StoredCard['status']; hubspot_object_id: string | null;
  publish_attempts: number; created_ms: number; delivered_ms: number | null; lease_ms: number | null;
  lease_job_id: string | null; lease_attempt: number | null;
}

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function toCard(row: CardRow): StoredCard {
  return {
    portalId: row.portal_id, cardId: row.card_id, stepKey: row.step_key, taskId: row.task_id, channel: row.channel, channelTarget: row.channel_target,
    ownerId: row.owner_id, records: json(row.records) as StoredRecordRef[], content: json(row.content), status: row.status,
    hubspotObjectId: row.hubspot_object_id, publishAttempts: row.publish_attempts, createdAt: Number(row.created_ms),
    deliveredAt: row.delivered_ms === null ? null : Number(row.delivered_ms),
    leaseUntil: row.lease_ms === null ? null : Number(row.lease_ms),
    leaseHolder: row.lease_job_id === null || row.lease_attempt === null ? null : { jobId: row.lease_job_id, attempt: row.lease_attempt },
  };
}

/** Records as a jsonb containment filter: any card whose records hold one of these. */
const recordFilter = (records: readonly StoredRecordRef[]) => records.map((record) => JSON.stringify([{ objectType: record.objectType, id: record.id }]));

export function createSqlCardStore(db: SqlDatabase, queue: Pick<BossQueue, 'enqueue'>): CardLedger {
  const getCard = async (portalId: string, cardId: string) =>
    (await db.query<CardRow>(`select ${CARD_COLUMNS} from cards where portal_id = $1 and card_id = $2`, [portalId, cardId])).map(toCard)[0];
  const cardByStep = async (portalId: string, stepKey: string) =>
    (await db.query<CardRow>(`select ${CARD_COLUMNS} from cards where portal_id = $1 and step_key = $2`, [portalId, stepKey])).map(toCard)[0];

  return {
    async findCardsForTasks(portalId, taskIds) {
      if (taskIds.length === 0) return [];
      const rows = await db.query<CardRow>(`select ${CARD_COLUMNS} from cards where portal_id = $1 and task_id = any($2::text[]) order by created_at`, [portalId, [...taskIds]]);
      return rows.map(toCard);
    },

    async insertPendingCard(card) {
      const rows = await db.query<CardRow>(
        `insert into cards (portal_id, card_id, step_key, task_id, rule_id, rule_version, channel, channel_target, locale, lens_ids, owner_id, records, content, status, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $14, $8, $9::text[], $10, $11::jsonb, $12::jsonb, 'pending', ${ts('$13')})
         on conflict do nothing returning ${CARD_COLUMNS}`,
        [card.portalId, card.cardId, card.stepKey, card.taskId, card.ruleId, card.ruleVersion, card.channel, card.locale, card.lensIds,
          card.ownerId, JSON.stringify(card.records), JSON.stringify(card.content), card.createdAt, card.channelTarget ?? null],
      );
      const inserted = rows[0];
      if (inserted !== undefined) return { card: toCard(inserted), created: true };
      const existing = await cardByStep(card.portalId, card.stepKey);
      if (existing === undefined) throw new Error(`card ${card.cardId} conflicts with a card of another step key`);
      return { card: existing, created: false };
    },

    async claimForPublishing(portalId, cardId, now, leaseMs, claimants) {
      const holder = claimants[0];
      // Only a run whose job's previous attempt is gone (not a handler given up on, which may still be publishing) takes over.
      const takers = claimants.filter((claimant) => claimant.takesOver !== false);
      const rows = await db.query<CardRow>(
        `update cards set lease_until = ${ts('$3')}, lease_job_id = $5, lease_attempt = $6, publish_attempts = publish_attempts + 1
         where portal_id = $1 and card_id = $2 and status = 'pending'
           and (lease_until is null or lease_until <= ${ts('$4')}
             or exists (select 1 from unnest($7::text[], $8::int[]) as claimant(job_id, attempt)
                        where claimant.job_id = cards.lease_job_id and claimant.attempt > cards.lease_attempt))
         returning ${CARD_COLUMNS}`,
        [portalId, cardId, now + leaseMs, now, holder?.jobId ?? null, holder?.attempt ?? null,
          takers.map((claimant) => claimant.jobId), takers.map((claimant) => claimant.attempt)],
      );
      const claimed = rows[0];
      if (claimed !== undefined) return { claimed: true, card: { ...toCard(claimed), publishAttempts: claimed.publish_attempts - 1 } };
      const card = await getCard(portalId, cardId);
      return { claimed: false, reason: card === undefined ? 'missing' : card.status === 'pending' ? 'leased' : card.status, card };
    },

    async markDelivered(portalId, cardId, hubspotObjectId, at) {
      await db.query(
        `update cards set status = 'delivered', hubspot_object_id = $3, delivered_at = ${ts('$4')}, lease_until = null, lease_job_id = null, lease_attempt = null
         where portal_id = $1 and card_id = $2 and status = 'pending'`,
        [portalId, cardId, hubspotObjectId, at],
      );
    },

    async markSkipped(portalId, cardId) {
      await db.query(
        `update cards set status = 'skipped', lease_until = null, lease_job_id = null, lease_attempt = null
         where portal_id = $1 and card_id = $2 and status = 'pending'`,
        [portalId, cardId],
      );
    },

    async releaseLease(portalId, cardId, holder) {
      await db.query(
        `update cards set lease_until = null, lease_job_id = null, lease_attempt = null
         where portal_id = $1 and card_id = $2 and status = 'pending' and lease_job_id is not distinct from $3 and lease_attempt is not distinct from $4`,
        [portalId, cardId, holder?.jobId ?? null, holder?.attempt ?? null]);
    },

    async holdsLease(portalId, cardId, holder) {
      const rows = await db.query(
        `select 1 from cards where portal_id = $1 and card_id = $2 and status = 'pending' and lease_job_id = $3 and lease_attempt = $4`,
        [portalId, cardId, holder.jobId, holder.attempt]);
      return rows.length > 0;
    },

    getCard,

    async recordSkip(skip) {
      await db.query(
        // once per (task, event, reason): a redelivered job does not count its skip twice
        `insert into card_skips (portal_id, task_id, event_key, reason, detail, rule_id, created_at)
         select $1, $2, $3, $4, $5, $6, ${ts('$7')}
         where not exists (select 1 from card_skips where portal_id = $1 and task_id = $2 and event_key is not distinct from $3 and reason = $4)`,
        [skip.portalId, skip.taskId, skip.eventKey ?? null, skip.reason, skip.detail ?? null, skip.ruleId ?? null, skip.at],
      );
    },

    async loadDeliveredSince(portalId, since) {
      const rows = await db.query<{ task_id: string; owner_id: string | null; records: unknown; delivered_ms: number }>(
        `select task_id, owner_id, records, ${ms('delivered_at')} as delivered_ms from cards
         where portal_id = $1 and status = 'delivered' and delivered_at >= ${ts('$2')}`,
        [portalId, since],
      );
      return rows.map((row) => ({ taskId: row.task_id, ownerId: row.owner_id, records: json(row.records) as StoredRecordRef[], deliveredAt: Number(row.delivered_ms) }));
    },

    async loadRecentCardContents(portalId, records, limit) {
      if (records.length === 0) return [];
      const rows = await db.query<{ content: unknown }>(
        `select content from cards where portal_id = $1
           and exists (select 1 from unnest($2::text[]) as wanted(ref) where cards.records @> wanted.ref::jsonb)
         order by created_at desc limit $3`,
        [portalId, recordFilter(records), limit],
      );
      return rows.map((row) => json(row.content));
    },

    async loadRepCardContents(portalId, ownerId, limit) {
      if (ownerId === null) return [];
      // Served by the cards_owner index (portal_id, owner_id, created_at).
      const rows = await db.query<{ content: unknown }>(
        `select content from cards where portal_id = $1 and owner_id = $2 order by created_at desc limit $3`,
        [portalId, ownerId, limit],
      );
      return rows.map((row) => json(row.content));
    },

    async loadSnoozes(portalId, records, now) {
      if (records.length === 0) return [];
      const rows = await db.query<{ object_type: StoredRecordRef['objectType']; object_id: string; until_ms: number }>(
        `select object_type, object_id, ${ms('until')} as until_ms from record_snoozes
         where portal_id = $1 and until > ${ts('$2')} and (object_type || ':' || object_id) = any($3::text[])`,
        [portalId, now, records.map((record) => `${record.objectType}:${record.id}`)],
      );
      return rows.map((row) => ({ record: { objectType: row.object_type, id: row.object_id }, until: Number(row.until_ms) }));
    },

    async recordFeedback(portalId, cardId, action, at) {
      if ((await getCard(portalId, cardId)) === undefined) return 'unknown-card';
      const rows = await db.query(
        `insert into card_feedback (portal_id, card_id, action, created_at) values ($1, $2, $3, ${ts('$4')})
         on conflict do nothing returning card_id`,
        [portalId, cardId, action, at],
      );
      return rows.length === 1 ? 'recorded' : 'duplicate';
    },

    async snoozeRecords(portalId, records, until, at) {
      for (const record of records) {
        await db.query(
          `insert into record_snoozes (portal_id, object_type, object_id, until, created_at) values ($1, $2, $3, ${ts('$4')}, ${ts('$5')})
           on conflict (portal_id, object_type, object_id) do update set until = greatest(record_snoozes.until, excluded.until)`,
          [portalId, record.objectType, record.id, until, at],
        );
      }
    },

    async pausePortal(portalId, reason, at) {
      await db.query(`insert into paused_portals (portal_id, reason, paused_at) values ($1, $2, ${ts('$3')}) on conflict do nothing`, [portalId, reason, at]);
    },

    async isPaused(portalId) {
      return (await db.query('select 1 from paused_portals where portal_id = $1', [portalId])).length > 0;
    },

    async parkJob(job, at) {
      await db.query(`insert into parked_jobs (portal_id, event_key, job, parked_at) values ($1, $2, $3::jsonb, ${ts('$4')}) on conflict do nothing`,
        [job.portalId, job.eventKey, JSON.stringify(job), at]);
    },

    async resumePortal(portalId) {
      return db.transaction(async (tx) => {
        await tx.query('delete from paused_portals where portal_id = $1', [portalId]);
        const rows = await tx.query<{ job: unknown }>('delete from parked_jobs where portal_id = $1 returning job', [portalId]);
        return queue.enqueue(tx, rows.map((row) => json(row.job) as TaskEventJob));
      });
    },

    async parkedCount(portalId) {
      const rows = await db.query<{ n: number }>('select count(*)::int as n from parked_jobs where portal_id = $1', [portalId]);
      return rows[0]?.n ?? 0;
    },

    async getPollCursor(portalId) {
      const rows = await db.query<{ cursor_ms: string }>('select cursor_ms from poll_cursors where portal_id = $1', [portalId]);
      return rows[0] === undefined ? undefined : Number(rows[0].cursor_ms);
    },

    async setPollCursor(portalId, cursorMs, at) {
      await db.query(
        `insert into poll_cursors (portal_id, cursor_ms, updated_at) values ($1, $2, ${ts('$3')})
         on conflict (portal_id) do update set cursor_ms = greatest(poll_cursors.cursor_ms, excluded.cursor_ms), updated_at = excluded.updated_at`,
        [portalId, cursorMs, at],
      );
    },

    async scheduleJob(job, at) {
      await db.transaction((tx) => queue.enqueue(tx, [job], { startAfter: new Date(at) }));
    },
  };
}
