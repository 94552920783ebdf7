/** Who the client is, who else in the team works with them, and what similar clients show. */
import type { CrmSnapshot, Deal } from './crm-snapshot.ts';
import type { ClientIdentity, Collaborator, CollaboratorSignal, PeerSignal } from './signals.ts';
import { cleanText, humanizeEnum } from './clean-text.ts';
import { stageMedian } from './deal-signals.ts';

export function deriveIdentity(snapshot: CrmSnapshot): ClientIdentity {
  const contact = snapshot.contacts[0];
  const companyName = cleanText(snapshot.company?.name, 60);
  const contactFirstName = cleanText(contact?.firstName, 40);
  const contactName = cleanText([contact?.firstName, contact?.lastName].filter(Boolean).join(' '), 60);
  const jobTitle = cleanText(contact?.jobTitle, 60);
  const displayName = companyName ?? contactName;
  return {
    ...(displayName === undefined ? {} : { displayName }),
    ...(companyName === undefined ? {} : { companyName }),
    ...(contactName === undefined ? {} : { contactName }),
    ...(contactFirstName === undefined ? {} : { contactFirstName }),
    ...(jobTitle === undefined ? {} : { jobTitle }),
  };
}

/** Other owners on the company, its deals, tickets and contacts than the rep who owns the task. */
export function deriveCollaborators(snapshot: CrmSnapshot): CollaboratorSignal | undefined {
  const rep = snapshot.task.ownerId;
  const roles: Array<[string | undefined, Collaborator['on'][number]]> = [
    [snapshot.company?.ownerId, 'company'],
    ...snapshot.deals.map((deal): [string | undefined, 'deal'] => [deal.ownerId, 'deal']),
    ...snapshot.tickets.map((ticket): [string | undefined, 'ticket'] => [ticket.ownerId, 'ticket']),
    ...snapshot.contacts.map((contact): [string | undefined, 'contact'] => [contact.ownerId, 'contact']),
  ];
  const people = new Map<string, Collaborator>();
  for (const [ownerId, on] of roles) {
    const owner = snapshot.owners.find((candidate) => candidate.id === ownerId);
    const name = cleanText([owner?.firstName, owner?.lastName].filter(Boolean).join(' '), 60);
    if (owner === undefined || owner.id === rep || name === undefined) continue;
    const team = cleanText(owner.teamName, 40);
    const person = people.get(owner.id) ?? { ownerId: owner.id, name, on: [], ...(team === undefined ? {} : { team }) };
    if (!person.on.includes(on)) person.on.push(on);
    people.set(owner.id, person);
  }
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
  const themes = openThemes.map((theme) => ({
    theme,
    peers: peers.filter((peer) => (peer.ticketThemes ?? []).some((t) => humanizeEnum(t)?.toLowerCase() === theme.toLowerCase())).length,
  }));
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
