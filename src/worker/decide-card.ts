/**
 * The pure middle of the pipeline for one task whose CRM snapshot is loaded: classify, derive
 * signals, apply the anti-noise policy and compose. No I/O: the caller loads the history.
 */
import { createHash } from 'node:crypto';
import type { Card } from '../cards/card.ts';
import { composeCard } from '../cards/compose-card.ts';
import type { CrmSnapshot } from '../context/crm-snapshot.ts';
import { deriveSignals } from '../context/derive-signals.ts';
import { lastClientReplyAt } from '../context/last-client-reply-at.ts';
import { namesIn } from '../context/names-in.ts';
import type { RecordRef } from '../hubspot/ports.ts';
import { decideDelivery, type DeliveredCard, type RecordRef as PolicyRecordRef, type RecordSnooze } from '../policy/decide-delivery.ts';
import { variantId, type CardHistory, type HistoryEntry } from '../questions/rotation.ts';
import { classifyTask, taskOriginFromProperties, TRUNCATED_NOTE } from '../rules/index.ts';
import type { LoadedSettings } from '../settings/portal-settings.ts';

export interface CardHistoryInput {
  delivered: readonly DeliveredCard[];
  snoozes: readonly RecordSnooze[];
  /** Earlier cards' contents for the same records (any rep), newest first. */
  recentCards: readonly unknown[];
  /** Earlier cards' contents by the same rep (any client), newest first; none when unknown. */
  repCards?: readonly unknown[];
}

export type CardDecision =
  | { action: 'skip'; reason: string; detail: string; ruleId?: string }
  | { action: 'defer'; until: number }
  | { action: 'deliver'; card: Card; ruleId: string };

/** The policy's view of the records (tickets are not part of cooldowns or snoozes). */
export function policyRecords(records: readonly RecordRef[]): PolicyRecordRef[] {
  return records.flatMap((record) => (record.objectType === 'ticket' ? [] : [{ type: record.objectType, id: record.id }]));
}

/** Template and wording ids of earlier stored cards; anything that is not a card is skipped. */
function historyEntries(contents: readonly unknown[]): HistoryEntry[] {
  return contents.flatMap((content) => {
    const card = content as Partial<Card> | null;
    if (card === null || typeof card !== 'object' || card.headline === undefined) return [];
    const parts = [card.headline, ...(card.questions ?? [])];
    const variants = parts.flatMap((part) => (typeof part.form === 'number' ? [variantId(part.templateId, part.form)] : []));
    return [{ headlineId: card.headline.templateId, questionIds: (card.questions ?? []).map((question) => question.templateId), ...(variants.length > 0 && { variants }) }];
  });
}

/** Rotation history from the ledger: the client's recent cards and the rep's. */
export function rotationHistory(clientContents: readonly unknown[], repContents: readonly unknown[] = []): CardHistory {
  const rep = historyEntries(repContents);
  return { recent: historyEntries(clientContents), ...(rep.length > 0 && { rep }) };
}

/** The admin-facing name of a rule among the effective rules (the id when it has none). */
export function ruleNameOf(rules: LoadedSettings['rules'], ruleId: string): string {
  return rules.rules.find((rule) => rule.id === ruleId)?.name ?? ruleId;
}

/** Classify → signals → policy → compose, for one loaded task. */
export function decideCard(snapshot: CrmSnapshot, records: readonly RecordRef[], loaded: LoadedSettings, history: CardHistoryInput, now: number): CardDecision {
  const { settings, rules } = loaded;
  const classification = classifyTask({
    subject: snapshot.task.subject ?? '',
    body: snapshot.task.body,
    type: snapshot.task.type,
    origin: taskOriginFromProperties(snapshot.task.properties ?? {}),
    locale: snapshot.portal.locale ?? settings.locale,
    names: namesIn(snapshot),
    truncated: snapshot.task.truncated,
  }, rules);
  if (!classification.robotic || classification.ruleId === null) {
    const [why = 'the task prompt is specific'] = classification.reasons;
    // The skip records the main reason; a verdict on part of a long prompt says so there too.
    return { action: 'skip', reason: 'not-robotic', detail: classification.reasons.includes(TRUNCATED_NOTE) ? `${why} ${TRUNCATED_NOTE}` : why };
  }
  const ruleId = classification.ruleId;
  const decision = decideDelivery({
    now, settings: settings.policy, taskId: snapshot.task.id, ownerId: snapshot.task.ownerId ?? null,
    records: policyRecords(records), lastClientReplyAt: lastClientReplyAt(snapshot), history: history.delivered, snoozes: history.snoozes,
  });
  if (decision.action === 'skip') return { action: 'skip', reason: decision.reason, detail: decision.detail, ruleId };
  if (decision.action === 'defer') return { action: 'defer', until: decision.until };
  const card = composeCard({
    snapshot, signals: deriveSignals(snapshot, now), classification: { ruleId, ruleName: ruleNameOf(rules, ruleId), matched: true, reasons: classification.reasons },
    settings: settings.composer, history: rotationHistory(history.recentCards, history.repCards), now, locale: snapshot.portal.locale ?? settings.locale,
  });
  return { action: 'deliver', card, ruleId };
}

/** The idempotency step key of a card: (portal, task, effective rule version, channel). */
export function cardStepKey(portalId: string, taskId: string, ruleVersion: string, channel: string): string {
  return [portalId, taskId, ruleVersion, channel].join('|');
}

/** The card id derived from its step key, so every attempt names the card the same way. */
export function cardIdFor(stepKey: string): string {
  return createHash('sha256').update(stepKey).digest('base64url').slice(0, 32);
}
