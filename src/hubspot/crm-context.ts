/**
 * The portal-wide parts of a snapshot: owners (`GET /crm/v3/owners`), pipelines with stage
 * metadata (`GET /crm/v3/pipelines/{deals|tickets}`), industry peers (one company search per
 * industry, then their deals and tickets), and a record's recent engagements. Each loader is
 * a plain function over a {@link PortalClient}; caching is the reader's business.
 */
import type { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/models/Filter.js';
import { AppError } from '../errors.ts';
import type { CrmSnapshotInput } from '../context/crm-snapshot.ts';
import { batchReadAssociations, batchReadObjects } from './crm-batch.ts';
import { DEAL_PROPERTIES, ENGAGEMENT_PROPERTIES, ENGAGEMENT_TYPES, TICKET_PROPERTIES, toDeal, toEngagement, toTicket, type EngagementType } from './crm-records.ts';
import type { PortalClient } from './hubspot-client.ts';

type OwnerInput = NonNullable<CrmSnapshotInput['owners']>[number];
type PeerInput = NonNullable<CrmSnapshotInput['peers']>[number];
type EngagementInput = NonNullable<CrmSnapshotInput['engagements']>[number];

export interface PipelineInfo {
  id: string;
  label: string | undefined;
  stages: Array<{ id: string; label: string | undefined; isClosed: boolean | undefined }>;
}

/** Why a part of the snapshot is absent; `undefined` value means it was read fine. */
export type PartResult<T> = { ok: true; value: T } | { ok: false; reason: 'no_access' | 'read_failed' };

/**
 * Runs one part's reads. A permanent HubSpot error (403 scope, 404, 400) becomes a missing
 * part; anything retryable (429, 5xx, network, timeout), a revoked token (401) or a bug is
 * rethrown so the job retries or fails as a whole.
 */
export async function readPart<T>(run: () => Promise<T>): Promise<PartResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!(error instanceof AppError) || error.retryable || error.code === 'hubspot.unauthorized' || !error.code.startsWith('hubspot.')) throw error;
    return { ok: false, reason: error.code === 'hubspot.missing-scope' ? 'no_access' : 'read_failed' };
  }
}

const MAX_OWNER_PAGES = 5;
const DAY = 86_400_000;

export async function loadOwners(client: PortalClient): Promise<OwnerInput[]> {
  const owners: OwnerInput[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_OWNER_PAGES; page += 1) {
    const cursor = after;
    const response = await client.call('owners.getPage', (sdk) => sdk.crm.owners.ownersApi.getPage(undefined, cursor, 500, false));
    for (const owner of response.results) {
      const team = owner.teams?.find((t) => t.primary) ?? owner.teams?.[0];
      owners.push({ id: owner.id, firstName: owner.firstName, lastName: owner.lastName, teamName: team?.name });
    }
    after = response.paging?.next?.after;
    if (after === undefined) break;
  }
  return owners;
}

export async function loadPipelines(client: PortalClient, objectType: 'deals' | 'tickets'): Promise<PipelineInfo[]> {
  const response = await client.call(`pipelines.${objectType}.getAll`, (sdk) => sdk.crm.pipelines.pipelinesApi.getAll(objectType));
  return response.results.map((pipeline) => ({
    id: pipeline.id,
    label: pipeline.label,
    stages: pipeline.stages.map((stage) => {
      const meta = stage.metadata ?? {};
      const closed = meta.isClosed === 'true' || meta.ticketState === 'CLOSED' ? true : meta.isClosed === 'false' || meta.ticketState === 'OPEN' ? false : undefined;
      return { id: stage.id, label: stage.label, isClosed: closed };
    }),
  }));
}

/** Label lookups over pipelines, for deals and tickets. */
export function stageLookup(pipelines: readonly PipelineInfo[]) {
  return (pipelineId?: string, stageId?: string): { pipeline?: string; stage?: string; label?: string; isClosed?: boolean } => {
    const pipeline = pipelines.find((p) => p.id === pipelineId);
    const stage = (pipeline?.stages ?? pipelines.flatMap((p) => p.stages)).find((s) => s.id === stageId);
    const result: { pipeline?: string; stage?: string; label?: string; isClosed?: boolean } = {};
    if (pipeline?.label !== undefined) result.pipeline = pipeline.label;
    if (stage?.label !== undefined) { result.stage = stage.label; result.label = stage.label; }
    if (stage?.isClosed !== undefined) result.isClosed = stage.isClosed;
    return result;
  };
}

/** Deal properties plus the per-stage entry dates of every known stage. */
export function dealProperties(pipelines: readonly PipelineInfo[]): string[] {
  const stages = new Set(pipelines.flatMap((p) => p.stages.map((s) => s.id)));
  return [...DEAL_PROPERTIES, ...[...stages].map((id) => `hs_date_entered_${id}`)];
}

/**
 * Up to `limit` companies of one industry (HubSpot search: its own 4-per-second lane), each with
 * its first open deal's stage and age there, and the categories of its open tickets.
 */
export async function loadPeers(client: PortalClient, industries: readonly string[], limit: number, now: number, dealPipelines: readonly PipelineInfo[], ticketPipelines: readonly PipelineInfo[]): Promise<Map<string, PeerInput[]>> {
  const companies = await Promise.all(industries.map(async (industry) => {
    const response = await client.call('companies.search', (sdk) => sdk.crm.objects.searchApi.doSearch('companies', {
      filterGroups: [{ filters: [{ propertyName: 'industry', operator: 'EQ' as FilterOperatorEnum, value: industry }] }],
      sorts: ['-hs_lastmodifieddate'], properties: ['industry'], limit,
    }), { kind: 'search' });
    return { industry, ids: response.results.map((r) => String(r.id)) };
  }));
  const ids = companies.flatMap((c) => c.ids);
  const result = new Map<string, PeerInput[]>(industries.map((industry) => [industry, []]));
  if (ids.length === 0) return result;
  const [dealLinks, ticketLinks] = await Promise.all([
    batchReadAssociations(client, 'companies', 'deals', ids),
    batchReadAssociations(client, 'companies', 'tickets', ids),
  ]);
  const [deals, tickets] = await Promise.all([
    batchReadObjects(client, 'deals', [...dealLinks.values()].flat(), dealProperties(dealPipelines)),
    batchReadObjects(client, 'tickets', [...ticketLinks.values()].flat(), TICKET_PROPERTIES),
  ]);
  const dealLabels = stageLookup(dealPipelines);
  const ticketStages = stageLookup(ticketPipelines);
  for (const { industry, ids: peerIds } of companies) {
    result.set(industry, peerIds.map((companyId) => {
      const openDeal = (dealLinks.get(companyId) ?? []).flatMap((id) => {
        const raw = deals.get(id);
        return raw === undefined ? [] : [toDeal(raw, dealLabels)];
      }).find((deal) => deal.isClosed !== true);
      const themes = (ticketLinks.get(companyId) ?? []).flatMap((id) => {
        const raw = tickets.get(id);
        const ticket = raw === undefined ? undefined : toTicket(raw, ticketStages);
        return ticket?.isOpen !== false && typeof ticket?.category === 'string' ? [ticket.category] : [];
      });
      const entered = typeof openDeal?.stageEnteredAt === 'number' ? openDeal.stageEnteredAt : undefined;
      return {
        companyId, industry, dealStageId: openDeal?.stageId ?? undefined,
        daysInStage: entered === undefined ? undefined : Math.max(0, (now - entered) / DAY), ticketThemes: [...new Set(themes)].slice(0, 50),
      };
    }));
  }
  return result;
}

/** Engagement ids per type kept per record: the highest ids, which HubSpot hands out in creation order. */
const MAX_IDS_PER_RECORD = 50;

/**
 * The engagements (emails, calls, meetings, notes) associated with each record, read with one
 * association call and one batch read per type for all records together. Keyed by record id.
 */
export async function loadEngagements(client: PortalClient, fromType: 'companies' | 'contacts', recordIds: readonly string[]): Promise<Map<string, EngagementInput[]>> {
  const byRecord = new Map<string, EngagementInput[]>();
  if (recordIds.length === 0) return byRecord;
  await Promise.all(ENGAGEMENT_TYPES.map(async (type: EngagementType) => {
    const links = await batchReadAssociations(client, fromType, type, recordIds);
    for (const [recordId, ids] of links) links.set(recordId, [...ids].sort((a, b) => Number(b) - Number(a)).slice(0, MAX_IDS_PER_RECORD));
    const records = await batchReadObjects(client, type, [...links.values()].flat(), ENGAGEMENT_PROPERTIES[type]);
    for (const [recordId, ids] of links) {
      const found = ids.flatMap((id) => {
        const raw = records.get(id);
        const engagement = raw === undefined ? undefined : toEngagement(type, raw);
        return engagement === undefined ? [] : [engagement];
      });
      byRecord.set(recordId, [...(byRecord.get(recordId) ?? []), ...found]);
    }
  }));
  return byRecord;
}

/** Newest first, de-duplicated by type and id. */
export function newestFirst(engagements: readonly EngagementInput[], max: number): EngagementInput[] {
  const seen = new Set<string>();
  return [...engagements]
    .sort((a, b) => b.timestamp - a.timestamp)
    .filter((e) => {
      const key = `${e.type}:${String(e.id)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, max);
}
