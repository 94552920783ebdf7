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

/** Derives the silence signal, or undefined when the CRM holds no contact history at all. */
export function deriveSilence(snapshot: CrmSnapshot, now: number): SilenceSignal | undefined {
  // One pass over the engagements up to `now` (one pass over the contacts) instead of a filtered
  // array per question: the newest reply, the newest outreach, and the newest touch that is not an
  // inbound reply (the first of equal timestamps, in engagement order).
  let lastReplyAt: number | undefined;
  let lastContactedAt: number | undefined;
  for (const contact of snapshot.contacts) {
    if (contact.lastRepliedAt !== undefined) lastReplyAt = lastReplyAt === undefined ? contact.lastRepliedAt : Math.max(lastReplyAt, contact.lastRepliedAt);
    if (contact.lastContactedAt !== undefined) lastContactedAt = lastContactedAt === undefined ? contact.lastContactedAt : Math.max(lastContactedAt, contact.lastContactedAt);
  }
  const companyContacted = snapshot.company?.lastContactedAt;
  if (companyContacted !== undefined) lastContactedAt = lastContactedAt === undefined ? companyContacted : Math.max(lastContactedAt, companyContacted);
  let last: Touch | undefined;
  let outreach = 0;
  for (const engagement of snapshot.engagements) {
    if (!isTouch(engagement) || engagement.timestamp > now) continue;
    if (isReply(engagement)) lastReplyAt = lastReplyAt === undefined ? engagement.timestamp : Math.max(lastReplyAt, engagement.timestamp);
    else if (engagement.direction === 'OUTBOUND') {
      outreach += 1;
      lastContactedAt = lastContactedAt === undefined ? engagement.timestamp : Math.max(lastContactedAt, engagement.timestamp);
    }
    if ((!isReply(engagement) || engagement.type === 'MEETING') && (last === undefined || engagement.timestamp > last.timestamp)) last = engagement;
  }
  if (lastReplyAt === undefined && lastContactedAt === undefined) return undefined;
  // Outbound emails and calls after the last reply (all of them when there was never a reply).
  let attempts = outreach;
  if (lastReplyAt !== undefined && outreach > 0) {
    attempts = 0;
    for (const engagement of snapshot.engagements) {
      if (isTouch(engagement) && engagement.timestamp <= now && !isReply(engagement) && engagement.direction === 'OUTBOUND' && engagement.timestamp > lastReplyAt) attempts += 1;
    }
  }

  const evidence: Evidence[] = [];
  const signal: SilenceSignal = {
    attemptsSinceReply: attempts,
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
  evidence.push({ part: 'engagement', property: 'outbound_since_reply', value: attempts });
  if (last !== undefined) {
    const subject = quoteText(last.subject, 60);
    signal.lastTouch = { type: last.type, daysAgo: daysSince(last.timestamp, now), ...(subject === undefined ? {} : { subject }) };
  }
  const observedAt = Math.max(lastReplyAt ?? -Infinity, lastContactedAt ?? -Infinity);
  signal.freshness = { observedAt, ageDays: daysSince(observedAt, now) };
  return signal;
}
