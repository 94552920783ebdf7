/** When the client last wrote to us, for the policy's reply window. */
import type { CrmSnapshot } from './crm-snapshot.ts';

/** The newest inbound engagement or contact reply, in epoch ms; undefined when the client never wrote. */
export function lastClientReplyAt(snapshot: CrmSnapshot): number | undefined {
  const times = [
    ...snapshot.contacts.map((contact) => contact.lastRepliedAt),
    ...snapshot.engagements.filter((engagement) => engagement.direction === 'INBOUND').map((engagement) => engagement.timestamp),
  ].filter((time): time is number => time !== undefined);
  return times.length === 0 ? undefined : Math.max(...times);
}
