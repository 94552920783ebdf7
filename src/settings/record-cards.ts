/**
 * The app card's view of the pipeline's cards (migration 20): the latest cards about one CRM
 * record, and a rep's reaction to one. Every query is scoped to the caller's portal, so a card
 * or record of another portal is simply not found.
 */
import type { SqlDatabase } from '../store/sql-database.ts';
import { toApiLens, type ApiLensId } from './settings-values.ts';

export type RecordObjectType = 'contact' | 'company' | 'deal';
export type Reaction = 'helpful' | 'not-helpful' | 'snooze';

export interface ApiCard {
  id: string; objectType: RecordObjectType; objectId: string; taskId: string; channel: string; deliveredAt: string;
  feedback: Reaction | null; ruleId: string; ruleName: string; taskSubject: string; headline: string;
  questions: string[]; why: string; lenses: ApiLensId[];
}

interface CardRow {
  card_id: string; task_id: string; rule_id: string | null; channel: string; lens_ids: string[];
  content: Record<string, unknown>; delivered_at: Date | string; reaction: Reaction | null;
}

const text = (value: unknown, max: number): string => (typeof value === 'string' ? value : '').slice(0, max);
/** Content is either plain strings or the composer's `Card` (`{ headline: { text } }`, questions `{ text }`). */
const textOf = (value: unknown, max: number): string =>
  text(value !== null && typeof value === 'object' ? (value as { text?: unknown }).text : value, max);

function toApiCard(row: CardRow, objectType: RecordObjectType, objectId: string, ruleNames: ReadonlyMap<string, string>): ApiCard {
  const content = row.content;
  const ruleId = row.rule_id ?? 'unknown';
  const questions = (Array.isArray(content.questions) ? content.questions : []).map((q) => textOf(q, 500)).filter((q) => q !== '').slice(0, 3);
  const lenses = [...new Set(row.lens_ids.flatMap((lens) => toApiLens(lens) ?? []))].slice(0, 3);
  return {
    id: row.card_id, objectType, objectId, taskId: row.task_id, channel: row.channel,
    deliveredAt: new Date(row.delivered_at).toISOString(), feedback: row.reaction,
    ruleId, ruleName: text(content.ruleName, 100) || (ruleNames.get(ruleId) ?? ruleId).slice(0, 100),
    taskSubject: text(content.taskSubject, 500), headline: textOf(content.headline, 300) || '…',
    questions: questions.length > 0 ? questions : ['…'], why: textOf(content.why, 1000), lenses,
  };
}

export async function listRecordCards(db: SqlDatabase, input: { portalId: string; userId: string; objectType: RecordObjectType; objectId: string; limit: number; ruleNames: ReadonlyMap<string, string> }): Promise<ApiCard[]> {
  const rows = await db.query<CardRow>(
    `select c.card_id, c.task_id, c.rule_id, c.channel, c.lens_ids, c.content, c.delivered_at,
       (select f.action from card_feedback f where f.portal_id = c.portal_id and f.card_id = c.card_id and f.user_id = $4
        order by f.created_at desc limit 1) as reaction
     from cards c
     where c.portal_id = $1 and c.status = 'delivered' and c.records @> $2::jsonb
     order by c.delivered_at desc limit $3`,
    [input.portalId, JSON.stringify([{ objectType: input.objectType, id: input.objectId }]), input.limit, input.userId],
  );
  return rows.map((row) => toApiCard(row, input.objectType, input.objectId, input.ruleNames));
}

export interface FeedbackResult { cardId: string; reaction: Reaction; recordedAt: string; snoozedUntil?: string }

/**
 * Records a reaction, idempotently: the same reaction twice is stored once; a different one
 * replaces the user's earlier one. `snooze` stops cards about the card's records until then.
 * Returns undefined when the card does not exist in the portal.
 */
export async function recordFeedback(db: SqlDatabase, input: { portalId: string; userId: string; cardId: string; reaction: Reaction; snoozeDays: number; now: number }): Promise<FeedbackResult | undefined> {
  return db.transaction(async (tx) => {
    const [card] = await tx.query<{ records: { objectType: string; id: string }[] }>('select records from cards where portal_id = $1 and card_id = $2 for update', [input.portalId, input.cardId]);
    if (!card) return undefined;
    const at = new Date(input.now);
    await tx.query('delete from card_feedback where portal_id = $1 and card_id = $2 and user_id = $3 and action <> $4', [input.portalId, input.cardId, input.userId, input.reaction]);
    await tx.query(
      `insert into card_feedback (portal_id, card_id, action, user_id, created_at) values ($1, $2, $3, $4, $5)
       on conflict (portal_id, card_id, action) do nothing`, [input.portalId, input.cardId, input.reaction, input.userId, at]);
    const result: FeedbackResult = { cardId: input.cardId, reaction: input.reaction, recordedAt: at.toISOString() };
    if (input.reaction === 'snooze') {
      const until = new Date(input.now + input.snoozeDays * 86_400_000);
      for (const record of card.records) {
        await tx.query(
          `insert into record_snoozes (portal_id, object_type, object_id, until, created_at) values ($1, $2, $3, $4, $5)
           on conflict (portal_id, object_type, object_id) do update set until = greatest(record_snoozes.until, excluded.until)`,
          [input.portalId, record.objectType, record.id, until, at]);
      }
      result.snoozedUntil = until.toISOString();
    }
    return result;
  });
}
