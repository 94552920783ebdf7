/** When the client last replied, when we last reached out, and how often since. */
import type { CrmSnapshot, Engagement } from './crm-snapshot.ts';
import type { Evidence, SilenceSignal } from './signals.ts';
import { quoteText } from './clean-text.ts';
import { daysSince } from './time.ts';

type Touch = Engagement & { type: 'EMAIL' | 'CALL' | 'MEETING' };

function isTouch(engagement: Engagement): engagement is Touch {
  return engagement.type === 'EMAIL' || engagement.type === 'CALL' || engagement.type === 'MEETING';
}

/** A held meeting counts as the client engaging; a logged inbound email or call is a reply. */
function isReply(touch: Touch): boolean {
  return touch.type === 'MEETING' || touch.direction === 'INBOUND';
}

function newest(values: Array<number | undefined>): number | undefined {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
}

/** Derives the silence signal, or undefined when the CRM holds no contact history at all. */
export function deriveSilence(snapshot: CrmSnapshot, now: number): SilenceSignal | undefined {
  const touches = snapshot.engagements.filter(isTouch).filter((touch) => touch.timestamp <= now);
  const replies = touches.filter(isReply);
  const outreach = touches.filter((touch) => !isReply(touch) && touch.direction === 'OUTBOUND');
  const lastReplyAt = newest([...snapshot.contacts.map((c) => c.lastRepliedAt), ...replies.map((t) => t.timestamp)]);
  const lastContactedAt = newest([
    ...snapshot.contacts.map((c) => c.lastContactedAt),
    snapshot.company?.lastContactedAt,
    ...outreach.map((t) => t.timestamp),
  ]);
  const attempts = outreach.filter((touch) => lastReplyAt === undefined || touch.timestamp > lastReplyAt);
  if (lastReplyAt === undefined && lastContactedAt === undefined) return undefined;

  const evidence: Evidence[] = [];
  const signal: SilenceSignal = {
    attemptsSinceReply: attempts.length,
    neverReplied: lastReplyAt === undefined,
    evidence,
    freshness: {},
  };
  if (lastReplyAt !== undefined) {
    signal.daysSinceLastReply = daysSince(lastReplyAt, now);
    evidence.push({ part: 'contact', property: 'hs_sales_email_last_replied', value: lastReplyAt });
  }
  if (lastContactedAt !== undefined) {
    signal.daysSinceLastContacted = daysSince(lastContactedAt, now);
    evidence.push({ part: 'contact', property: 'notes_last_contacted', value: lastContactedAt });
  }
  evidence.push({ part: 'engagement', property: 'outbound_since_reply', value: attempts.length });
  const last = [...touches].filter((t) => !isReply(t) || t.type === 'MEETING').sort((a, b) => b.timestamp - a.timestamp)[0];
  if (last !== undefined) {
    const subject = quoteText(last.subject, 60);
    signal.lastTouch = { type: last.type, daysAgo: daysSince(last.timestamp, now), ...(subject === undefined ? {} : { subject }) };
  }
  const observedAt = Math.max(lastReplyAt ?? -Infinity, lastContactedAt ?? -Infinity);
  signal.freshness = { observedAt, ageDays: daysSince(observedAt, now) };
  return signal;
}
