/**
 * What the demo pages show, read from one portal in memory: the contact list with its counts,
 * and one contact's record — properties, deals, tickets and the timeline (engagements and the
 * app's timeline events), newest first as HubSpot lists it. No HTML here; `render-pages.ts` draws it.
 */
import { associationsOf, findRecord, recordsOf, type CrmRecord, type Portal, type StoredTimelineEvent } from '../portal.ts';

export type EngagementKind = 'emails' | 'calls' | 'meetings' | 'tasks' | 'notes';

export type TimelineEntry =
  | { kind: EngagementKind; at: number; record: CrmRecord; ownerName: string | undefined; byApp: boolean }
  | { kind: 'event'; at: number; event: StoredTimelineEvent };

export interface ContactSummary {
  contact: CrmRecord;
  companyName: string | undefined;
  openTasks: number;
  cards: number;
  /** The newest card's time, or undefined when the contact has none. */
  newestCardAt: number | undefined;
}

export interface ContactRecordView {
  contact: CrmRecord;
  company: CrmRecord | undefined;
  ownerName: string | undefined;
  deals: Array<{ record: CrmRecord; stageLabel: string }>;
  tickets: Array<{ record: CrmRecord; stageLabel: string }>;
  timeline: TimelineEntry[];
}

const KINDS: readonly EngagementKind[] = ['emails', 'calls', 'meetings', 'tasks', 'notes'];

/** A card the app wrote: a note through the API (HubSpot marks its source INTEGRATION), a task body it appended to, or one of its timeline events. */
export function isCard(entry: TimelineEntry): boolean {
  if (entry.kind === 'event') return true;
  if (entry.kind === 'notes') return entry.byApp;
  return entry.kind === 'tasks' && (entry.record.properties.hs_task_body ?? '').includes('data-unrobot-card');
}

const time = (value: string | null | undefined, fallback: number): number => {
  const parsed = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(parsed) ? fallback : parsed;
};

function ownerName(portal: Portal, ownerId: string | null | undefined): string | undefined {
  const owner = portal.owners.find((o) => o.id === ownerId);
  return owner ? `${owner.firstName} ${owner.lastName}` : undefined;
}

/** Engagements by `hs_timestamp` (when it happened); tasks by creation, so a card sits just above the task it answers. */
export function timelineOf(portal: Portal, contactId: string): TimelineEntry[] {
  const engagements = KINDS.flatMap((kind) => associationsOf(portal, 'contacts', contactId, kind).flatMap(({ toId }) => {
    const record = findRecord(portal, kind, toId);
    if (!record) return [];
    const at = kind === 'tasks' ? record.createdAt : time(record.properties.hs_timestamp, record.createdAt);
    return [{ kind, at, record, ownerName: ownerName(portal, record.properties.hubspot_owner_id), byApp: record.properties.hs_object_source === 'INTEGRATION' }];
  }));
  const events = portal.timeline
    .filter((event) => (event.objectType === 'contacts' || event.objectType === '0-1' || event.objectType === 'CONTACT') && event.objectId === contactId)
    .map((event) => ({ kind: 'event' as const, at: time(event.timestamp, 0), event }));
  return [...engagements, ...events].sort((a, b) => b.at - a.at);
}

const primaryCompany = (portal: Portal, contact: CrmRecord): CrmRecord | undefined => {
  const linked = associationsOf(portal, 'contacts', contact.id, 'companies');
  const primary = linked.find((a) => a.edges.some((e) => e.label === 'Primary')) ?? linked[0];
  return primary ? findRecord(portal, 'companies', primary.toId) : undefined;
};

const isOpenTask = (task: CrmRecord): boolean => task.properties.hs_task_status !== 'COMPLETED';

/** Every live contact with its company, open tasks and cards; newest card first, then contacts without cards by name. */
export function listContacts(portal: Portal): ContactSummary[] {
  const summaries = [...recordsOf(portal, 'contacts').values()].filter((c) => !c.archived).map((contact) => {
    const timeline = timelineOf(portal, contact.id);
    const cards = timeline.filter(isCard);
    return {
      contact,
      companyName: primaryCompany(portal, contact)?.properties.name ?? contact.properties.company ?? undefined,
      openTasks: timeline.filter((entry) => entry.kind === 'tasks' && isOpenTask(entry.record)).length,
      cards: cards.length,
      newestCardAt: cards[0]?.at,
    };
  });
  const name = (s: ContactSummary): string => `${s.contact.properties.firstname ?? ''} ${s.contact.properties.lastname ?? ''}`;
  return summaries.sort((a, b) => (b.newestCardAt ?? -1) - (a.newestCardAt ?? -1) || name(a).localeCompare(name(b)));
}

/** The record page's data, or undefined for an unknown or archived contact. */
export function contactRecord(portal: Portal, contactId: string): ContactRecordView | undefined {
  const contact = findRecord(portal, 'contacts', contactId);
  if (!contact) return undefined;
  const linked = (type: 'deals' | 'tickets') => associationsOf(portal, 'contacts', contact.id, type).flatMap(({ toId }) => {
    const record = findRecord(portal, type, toId);
    return record ? [record] : [];
  });
  const stageLabel = (pipelines: Portal['pipelines']['deals'], pipelineId: string | null | undefined, stageId: string | null | undefined): string =>
    pipelines.find((p) => p.id === pipelineId)?.stages.find((s) => s.id === stageId)?.label ?? stageId ?? '';
  return {
    contact,
    company: primaryCompany(portal, contact),
    ownerName: ownerName(portal, contact.properties.hubspot_owner_id),
    deals: linked('deals').map((record) => ({ record, stageLabel: stageLabel(portal.pipelines.deals, record.properties.pipeline, record.properties.dealstage) })),
    tickets: linked('tickets').map((record) => ({ record, stageLabel: stageLabel(portal.pipelines.tickets, record.properties.hs_pipeline, record.properties.hs_pipeline_stage) })),
    timeline: timelineOf(portal, contact.id),
  };
}
