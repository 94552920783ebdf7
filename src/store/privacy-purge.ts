/**
 * RELIABILITY.md row 31: `contact.privacyDeletion` (a GDPR delete in HubSpot). The intake stores
 * the event like any other (204, status `ignored`); this purge, run by the worker's hourly
 * retention tick, then removes what Unrobot holds about that contact: raw delivery bodies that
 * carried its events, its event property values, quarantined raw events naming it, and its
 * snoozes. Each handled deletion leaves one audit row in `processed_events` (outcome
 * `privacy-purged`; ids only, no personal data). Idempotent; safe on several replicas at once.
 *
 * Card rows about the contact (its `{ objectType: 'contact', id }` in `cards.records`) stay, for
 * dedupe and analytics, with their content redacted: every text (headline, questions, facts, why)
 * is emptied; ids, template ids, lenses, rule and status are kept, and `redacted` is set.
 * A redacted card still pending is never published: the publish step ends it `skipped`
 * (src/worker/publish-card.ts). So that no attempt publishes text the purge is removing, the
 * purge first locks the contact's cards: while an attempt holds one's publishing lease, the whole
 * deletion waits for the next run (`deferred`); a claim made meanwhile waits for the purge to
 * commit and then reads the redacted content.
 * Not purged: the notes in HubSpot (HubSpot's data; its own deletion covers them).
 */
import { PRIVACY_DELETION } from './card-store.ts';
import type { SqlDatabase } from './sql-database.ts';

export interface PrivacyPurgeResult {
  /** Deletion requests handled in this run. */
  contacts: number;
  bodiesCleared: number;
  valuesCleared: number;
  quarantined: number;
  snoozes: number;
  cardsRedacted: number;
  /** Deletions left for the next run: an attempt held the publishing lease of one of the contact's cards. */
  deferred: number;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(() => '') : []);

/** The card content with every text removed; ids, template ids, lenses, locale and rule kept. */
export function redactCardContent(content: unknown): Record<string, unknown> {
  const card = content !== null && typeof content === 'object' ? (content as Record<string, unknown>) : {};
  const headline = card['headline'] as { templateId?: unknown } | undefined;
  const questions = Array.isArray(card['questions']) ? (card['questions'] as Record<string, unknown>[]) : [];
  const why = (card['why'] ?? {}) as Record<string, unknown>;
  const keep = (key: string) => (typeof card[key] === 'string' ? { [key]: card[key] } : {});
  return {
    ...keep('locale'), ...keep('ruleId'), ...keep('ruleName'), ...keep('manageRuleUrl'),
    headline: { templateId: typeof headline?.templateId === 'string' ? headline.templateId : '', text: '' },
    questions: questions.map((question) => ({
      templateId: typeof question?.['templateId'] === 'string' ? question['templateId'] : '',
      lens: question?.['lens'] ?? null, text: '', facts: strings(question?.['facts']),
    })),
    why: { facts: strings(why['facts']), missing: strings(why['missing']), text: '' },
    redacted: PRIVACY_DELETION,
  };
}

const ts = (param: string) => `to_timestamp(${param}::double precision / 1000)`;

/** Handles up to `limit` pending `contact.privacyDeletion` events as of `now` (epoch ms). */
export async function purgePrivacyDeletions(db: SqlDatabase, now: number, limit = 100): Promise<PrivacyPurgeResult> {
  const result: PrivacyPurgeResult = { contacts: 0, bodiesCleared: 0, valuesCleared: 0, quarantined: 0, snoozes: 0, cardsRedacted: 0, deferred: 0 };
  const pending = await db.query<{ portal_id: string; event_key: string; object_id: string }>(
    `select e.portal_id, e.event_key, e.object_id from webhook_events e
      where e.subscription_type = 'contact.privacyDeletion'
        and not exists (select 1 from processed_events p where p.portal_id = e.portal_id and p.event_key = e.event_key)
      order by e.received_at limit $1`, [limit]);
  for (const { portal_id: portalId, event_key: eventKey, object_id: contactId } of pending) {
    const deferred = await db.transaction(async (tx) => {
      const count = async (sql: string, params: unknown[]) =>
        (await tx.query<{ n: number }>(`with gone as (${sql} returning 1) select count(*)::int as n from gone`, params))[0]?.n ?? 0;
      // Locked first, in one order (replicas purging the same contact queue up, never deadlock).
      const cards = await tx.query<{ card_id: string; content: unknown; leased: boolean }>(
        `select card_id, content, (status = 'pending' and lease_until > ${ts('$3')}) as leased from cards
          where portal_id = $1 and records @> $2::jsonb and (content->>'redacted') is distinct from '${PRIVACY_DELETION}'
          order by card_id for update`,
        [portalId, JSON.stringify([{ objectType: 'contact', id: contactId }]), now]);
      if (cards.some((card) => card.leased)) return true; // being published right now: next run
      const audit = await count(
        `insert into processed_events (portal_id, event_key, outcome, first_processed_at, last_processed_at)
         values ($1, $2, 'privacy-purged', ${ts('$3')}, ${ts('$3')}) on conflict do nothing`, [portalId, eventKey, now]);
      if (audit === 0) return false; // another replica handled it
      result.contacts += 1;
      result.bodiesCleared += await count(
        `update webhook_deliveries d set body = ''::bytea where octet_length(d.body) > 0 and exists (
           select 1 from webhook_events e where e.delivery_id = d.id and e.portal_id = $1 and e.object_id = $2 and e.subscription_type like 'contact.%')`,
        [portalId, contactId]);
      result.valuesCleared += await count(
        `update webhook_events set property_value = null
          where portal_id = $1 and object_id = $2 and subscription_type like 'contact.%' and property_value is not null`, [portalId, contactId]);
      // Quarantined events are raw text; an id match is enough (they are kept for debugging only).
      result.quarantined += await count(
        `delete from quarantined_events where portal_id = $1 and strpos(raw, $2) > 0`, [portalId, contactId]);
      result.snoozes += await count(
        `delete from record_snoozes where portal_id = $1 and object_type = 'contact' and object_id = $2`, [portalId, contactId]);
      for (const card of cards) {
        const content = typeof card.content === 'string' ? (JSON.parse(card.content) as unknown) : card.content;
        await tx.query('update cards set content = $3::jsonb where portal_id = $1 and card_id = $2',
          [portalId, card.card_id, JSON.stringify(redactCardContent(content))]);
        result.cardsRedacted += 1;
      }
      return false;
    });
    if (deferred) result.deferred += 1;
  }
  return result;
}
