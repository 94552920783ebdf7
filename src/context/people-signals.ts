/** Who the client is, who else in the team works with them, and what similar clients show. */
import type { CrmSnapshot, Deal } from './crm-snapshot.ts';
import type { ClientIdentity, Collaborator, CollaboratorSignal, PeerSignal } from './signals.ts';
import { cleanText, humanizeEnum } from './clean-text.ts';
import { stageMedian } from './deal-signals.ts';

/** `[first, last].filter(Boolean).join(' ')`, without the array: the non-empty parts, space-separated. */
function fullName(first: string | undefined, last: string | undefined): string {
  if (first === undefined || first === '') return last ?? '';
  return last === undefined || last === '' ? first : `${first} ${last}`;
}

export function deriveIdentity(snapshot: CrmSnapshot): ClientIdentity {
  const contact = snapshot.contacts[0];
  const companyName = cleanText(snapshot.company?.name, 60);
  const contactFirstName = cleanText(contact?.firstName, 40);
  const contactName = cleanText(fullName(contact?.firstName, contact?.lastName), 60);
  const jobTitle = cleanText(contact?.jobTitle, 60);
  const displayName = companyName ?? contactName;
  // Each only when known, in this order (no undefined keys).
  const identity: ClientIdentity = {};
  if (displayName !== undefined) identity.displayName = displayName;
  if (companyName !== undefined) identity.companyName = companyName;
  if (contactName !== undefined) identity.contactName = contactName;
  if (contactFirstName !== undefined) identity.contactFirstName = contactFirstName;
  if (jobTitle !== undefined) identity.jobTitle = jobTitle;
  return identity;
}

/** Other owners on the company, its deals, tickets and contacts than the rep who owns the task. */
export function deriveCollaborators(snapshot: CrmSnapshot): CollaboratorSignal | undefined {
  const rep = snapshot.task.ownerId;
  const people = new Map<string, Collaborator>();
  // Each record's owner in this order: the company, the deals, the tickets, the contacts.
  const add = (ownerId: string | undefined, on: Collaborator['on'][number]): void => {
    if (ownerId === undefined) return; // owner ids are strings: no owner matches a missing one
    const owner = snapshot.owners.find((candidate) => candidate.id === ownerId);
    if (owner === undefined || owner.id === rep) return;
    const name = cleanText(fullName(owner.firstName, owner.lastName), 60);
    if (name === undefined) return;
    const known = people.get(owner.id);
    if (known !== undefined) {
      if (!known.on.includes(on)) known.on.push(on);
      return;
    }
    const team = cleanText(owner.teamName, 40);
    people.set(owner.id, { ownerId: owner.id, name, on: [on], ...(team === undefined ? {} : { team }) });
  };
  add(snapshot.company?.ownerId, 'company');
  for (const deal of snapshot.deals) add(deal.ownerId, 'deal');
  for (const ticket of snapshot.tickets) add(ticket.ownerId, 'ticket');
  for (const contact of snapshot.contacts) add(contact.ownerId, 'contact');
  if (people.size === 0) return undefined;
  const list = [...people.values()].sort((a, b) => Number(b.on.includes('ticket')) - Number(a.on.includes('ticket')) || a.ownerId.localeCompare(b.ownerId));
  return {
    people: list,
    evidence: list.map((person) => ({ part: 'owner' as const, id: person.ownerId, property: 'hubspot_owner_id', value: person.on.join(',') })),
    freshness: {},
  };
}

export function derivePeers(snapshot: CrmSnapshot, deal: Deal | undefined, openThemes: string[]): PeerSignal | undefined {
  const rawIndustry = snapshot.company?.industry;
  const industry = humanizeEnum(rawIndustry);
  if (industry === undefined) return undefined;
  const peers = snapshot.peers.filter((peer) => (peer.industry ?? rawIndustry) === rawIndustry && peer.companyId !== snapshot.company?.id);
  if (peers.length === 0) return undefined;
  const stage = deal === undefined ? {} : stageMedian(snapshot, deal);
  const bar = stage.medianDays ?? 30;
  const stalled = deal?.stageId === undefined ? [] : peers.filter((peer) => peer.dealStageId === deal.stageId && (peer.daysInStage ?? 0) >= bar);
  const themes = openThemes.map((theme) => {
    const wanted = theme.toLowerCase();
    return { theme, peers: peers.filter((peer) => (peer.ticketThemes ?? []).some((t) => humanizeEnum(t)?.toLowerCase() === wanted)).length };
  });
  const shared = themes.filter((entry) => entry.peers > 0).sort((a, b) => b.peers - a.peers)[0];
  if (stalled.length === 0 && shared === undefined) return undefined;
  const stageLabel = cleanText(deal?.stageLabel ?? stage.label, 60);
  return {
    industry,
    sampleSize: peers.length,
    stalledSameStage: stalled.length,
    ...(stageLabel === undefined ? {} : { stageLabel }),
    ...(shared === undefined ? {} : { sharedTheme: shared }),
    evidence: [
      ...stalled.map((peer) => ({ part: 'peer' as const, id: peer.companyId, property: 'dealstage', value: deal?.stageId as string })),
      ...(shared === undefined ? [] : [{ part: 'peer' as const, property: 'hs_ticket_category', value: shared.theme }]),
    ],
    freshness: {},
  };
}
