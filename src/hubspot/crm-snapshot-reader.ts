/**
 * {@link CrmReader} on HubSpot: the snapshots of all the given tasks of one portal are read
 * together, with batch calls shared by every task (REFERENCE.md §4), in four rounds:
 *   1. tasks, task → contacts/companies/deals/tickets associations, owners, pipelines;
 *   2. contacts, companies, deals, tickets, and the companies' (or contacts') engagement links;
 *   3. engagements, and industry peers (one search per industry) …
 *   4. … with the peers' deals and tickets.
 * Companies, deals, owners, pipelines and peers are cached briefly per portal, so the next
 * events of a batch cost fewer calls still. A part that fails permanently (403, 404) is
 * reported in `snapshot.missing`; retryable failures reject the whole load (the job retries).
 */
import type { Clock } from '../clock.ts';
import { parseCrmSnapshot, type CrmSnapshotInput, type Missing } from '../context/crm-snapshot.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { batchReadAssociations, batchReadObjects } from './crm-batch.ts';
import { dealProperties, loadEngagements, loadOwners, loadPeers, loadPipelines, newestFirst, readPart, stageLookup, type PartResult, type PipelineInfo } from './crm-context.ts';
import { COMPANY_PROPERTIES, CONTACT_PROPERTIES, TASK_PROPERTIES, TICKET_PROPERTIES, toCompany, toContact, toDeal, toTask, toTicket, type RawRecord } from './crm-records.ts';
import type { HubSpotClients } from './hubspot-client.ts';
import type { CrmReader, RecordRef, SnapshotResult } from './ports.ts';
import { createPortalCache, DEFAULT_CACHE_TTL_MS, type PortalCache } from './portal-cache.ts';

export interface CrmSnapshotReaderDeps {
  clients: HubSpotClients;
  log: Logger;
  clock: Clock;
  /** How long companies, deals, owners, pipelines and peers are reused; 0 turns the cache off. */
  cacheTtlMs?: number;
  /** Same-industry companies sampled per industry. */
  peersPerIndustry?: number;
  /** Engagements kept per snapshot, newest first. */
  maxEngagements?: number;
}

type Linked = 'contacts' | 'companies' | 'deals' | 'tickets';
const LINKED: readonly Linked[] = ['contacts', 'companies', 'deals', 'tickets'];
const OBJECT_TYPE: Record<Linked, RecordRef['objectType']> = { contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket' };

export function createCrmSnapshotReader(deps: CrmSnapshotReaderDeps): CrmReader {
  const cache = createPortalCache({ clock: deps.clock, ttlMs: deps.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS });
  const peersPerIndustry = deps.peersPerIndustry ?? 5;
  const maxEngagements = deps.maxEngagements ?? 100;

  return {
    async loadSnapshots(portalId, accessToken, taskIds, now) {
      const client = deps.clients.forPortal(portalId, accessToken);
      const ids = [...new Set(taskIds)];
      const results = new Map<string, SnapshotResult>();
      if (ids.length === 0) return results;
      const started = deps.clock.now();

      // Round 1.
      const [tasks, links, owners, dealPipelines, ticketPipelines] = await Promise.all([
        batchReadObjects(client, 'tasks', ids, TASK_PROPERTIES),
        Promise.all(LINKED.map((to) => readPart(() => batchReadAssociations(client, 'tasks', to, ids)))),
        cached(cache, portalId, 'owners', () => readPart(() => loadOwners(client))),
        cached(cache, portalId, 'pipelines:deals', () => readPart(() => loadPipelines(client, 'deals'))),
        cached(cache, portalId, 'pipelines:tickets', () => readPart(() => loadPipelines(client, 'tickets'))),
      ]);
      const live = ids.filter((id) => {
        const task = tasks.get(id);
        if (task === undefined) results.set(id, { gone: 'deleted' });
        else if (task.properties.hs_task_status === 'COMPLETED') results.set(id, { gone: 'completed' });
        return task !== undefined && task.properties.hs_task_status !== 'COMPLETED';
      });
      if (live.length === 0) return results;
      const linksOf = (type: Linked): PartResult<Map<string, string[]>> => links[LINKED.indexOf(type)] as PartResult<Map<string, string[]>>;
      const idsOf = (type: Linked, taskId: string): string[] => {
        const part = linksOf(type);
        return part.ok ? part.value.get(taskId) ?? [] : [];
      };
      const all = (type: Linked): string[] => [...new Set(live.flatMap((id) => idsOf(type, id)))];
      const firstCompany = new Map(live.map((id) => [id, idsOf('companies', id)[0]]));
      const pipelines = dealPipelines.ok ? dealPipelines.value : [];
      const ticketStages = ticketPipelines.ok ? ticketPipelines.value : [];

      // Round 2.
      const companyless = live.filter((id) => firstCompany.get(id) === undefined).flatMap((id) => idsOf('contacts', id));
      const [contacts, companies, deals, tickets, companyActivity, contactActivity] = await Promise.all([
        readPart(() => batchReadObjects(client, 'contacts', all('contacts'), CONTACT_PROPERTIES)),
        readPart(() => readCached(cache, portalId, 'company', all('companies'), (missing) => batchReadObjects(client, 'companies', missing, COMPANY_PROPERTIES))),
        readPart(() => readCached(cache, portalId, 'deal', all('deals'), (missing) => batchReadObjects(client, 'deals', missing, dealProperties(pipelines), ['closedate']))),
        readPart(() => batchReadObjects(client, 'tickets', all('tickets'), TICKET_PROPERTIES)),
        readPart(() => loadEngagements(client, 'companies', [...new Set([...firstCompany.values()].filter((id) => id !== undefined))])),
        readPart(() => loadEngagements(client, 'contacts', [...new Set(companyless)])),
      ]);

      // Rounds 3 and 4: peers of every industry not cached yet.
      const industries = new Set<string>();
      if (companies.ok) for (const record of companies.value.values()) if (record.properties.industry) industries.add(record.properties.industry);
      const peers = await loadPeersCached(cache, portalId, [...industries], (missing) => loadPeers(client, missing, peersPerIndustry + 1, now, pipelines, ticketStages));

      for (const taskId of live) {
        const input = buildSnapshot({
          portalId, now, taskId, task: tasks.get(taskId) as RawRecord, idsOf: (type) => idsOf(type, taskId), linksOf,
          contacts, companies, deals, tickets, owners, dealPipelines, ticketPipelines: ticketStages, peers,
          engagements: firstCompany.get(taskId) === undefined ? contactActivity : companyActivity, maxEngagements,
          companyId: firstCompany.get(taskId),
        });
        results.set(taskId, { snapshot: validate(input, taskId), records: recordsOf(input.records) });
      }
      deps.log.debug({ portalId, tasks: ids.length, live: live.length, durationMs: deps.clock.now() - started }, 'crm snapshots loaded');
      return results;
    },
  };
}

interface BuildInput {
  portalId: string;
  now: number;
  taskId: string;
  task: RawRecord;
  companyId: string | undefined;
  idsOf(type: Linked): string[];
  linksOf(type: Linked): PartResult<Map<string, string[]>>;
  contacts: PartResult<Map<string, RawRecord>>;
  companies: PartResult<Map<string, RawRecord>>;
  deals: PartResult<Map<string, RawRecord>>;
  tickets: PartResult<Map<string, RawRecord>>;
  owners: PartResult<NonNullable<CrmSnapshotInput['owners']>>;
  dealPipelines: PartResult<PipelineInfo[]>;
  ticketPipelines: PipelineInfo[];
  peers: PartResult<Map<string, NonNullable<CrmSnapshotInput['peers']>>>;
  engagements: PartResult<Map<string, NonNullable<CrmSnapshotInput['engagements']>>>;
  maxEngagements: number;
}

function buildSnapshot(input: BuildInput): CrmSnapshotInput & { records: Array<[Linked, string]> } {
  const missing: Missing[] = [];
  const records: Array<[Linked, string]> = [];
  const read = <T>(type: Linked, part: Missing['part'], data: PartResult<Map<string, RawRecord>>, map: (raw: RawRecord) => T): T[] => {
    const link = input.linksOf(type);
    if (!link.ok) { missing.push({ part, reason: link.reason }); return []; }
    const ids = input.idsOf(type);
    if (ids.length === 0) {
      if (type === 'contacts' || type === 'companies') missing.push({ part, reason: 'not_associated' });
      return [];
    }
    if (!data.ok) { missing.push({ part, reason: data.reason }); return []; }
    return ids.flatMap((id) => {
      const raw = data.value.get(id);
      if (raw === undefined) return [];
      records.push([type, id]);
      return [map(raw)];
    });
  };
  const contacts = read('contacts', 'contact', input.contacts, toContact);
  const company = read('companies', 'company', input.companies, toCompany).find((c) => c.id === input.companyId);
  const dealLabels = stageLookup(input.dealPipelines.ok ? input.dealPipelines.value : []);
  const deals = read('deals', 'deal', input.deals, (raw) => toDeal(raw, dealLabels));
  const tickets = read('tickets', 'ticket', input.tickets, (raw) => toTicket(raw, stageLookup(input.ticketPipelines)));
  const engagementFrom = input.companyId === undefined ? contacts.map((c) => String(c.id)) : [input.companyId];
  if (!input.engagements.ok) missing.push({ part: 'engagements', reason: input.engagements.reason });
  const engagements = input.engagements.ok ? newestFirst(engagementFrom.flatMap((id) => input.engagements.ok ? input.engagements.value.get(id) ?? [] : []), input.maxEngagements) : [];
  if (!input.owners.ok) missing.push({ part: 'owners', reason: input.owners.reason });
  if (!input.dealPipelines.ok) missing.push({ part: 'pipelines', reason: input.dealPipelines.reason });
  if (!input.peers.ok) missing.push({ part: 'peers', reason: input.peers.reason });
  const task = toTask(input.task);
  const ownerIds = new Set([task.ownerId, ...contacts.map((c) => c.ownerId), company?.ownerId, ...deals.map((d) => d.ownerId), ...tickets.map((t) => t.ownerId), ...engagements.map((e) => e.ownerId)].filter((id) => id !== undefined && id !== null).map(String));
  const usedPipelines = new Set(deals.map((d) => d.pipelineId));
  const industry = company?.industry ?? undefined;
  return {
    capturedAt: input.now,
    portal: { id: input.portalId },
    task,
    contacts,
    company,
    deals,
    pipelines: (input.dealPipelines.ok ? input.dealPipelines.value : []).filter((p) => usedPipelines.has(p.id)).map((p) => ({ id: p.id, label: p.label, stages: p.stages })),
    tickets,
    engagements,
    owners: input.owners.ok ? input.owners.value.filter((o) => ownerIds.has(String(o.id))) : [],
    peers: input.peers.ok && industry !== undefined ? (input.peers.value.get(industry) ?? []).filter((p) => p.companyId !== company?.id).slice(0, 100) : [],
    missing,
    records,
  };
}

function validate(input: CrmSnapshotInput & { records: unknown }, taskId: string) {
  const { records: _records, ...snapshot } = input;
  try {
    return parseCrmSnapshot(snapshot);
  } catch (error) {
    throw new AppError('snapshot.invalid', `the CRM snapshot of task ${taskId} does not fit the snapshot contract`, { status: 500, retryable: false, cause: error, details: { taskId } });
  }
}

function recordsOf(records: Array<[Linked, string]>): RecordRef[] {
  const seen = new Set<string>();
  return records.flatMap(([type, id]) => {
    const key = `${type}:${id}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ objectType: OBJECT_TYPE[type], id }];
  });
}

/** Successful parts only are cached: a failure is tried again on the next load. */
async function cached<T>(cache: PortalCache, portalId: string, key: string, load: () => Promise<PartResult<T>>): Promise<PartResult<T>> {
  const hit = cache.get<T>(portalId, key);
  if (hit !== undefined) return { ok: true, value: hit };
  const result = await load();
  if (result.ok) cache.set(portalId, key, result.value);
  return result;
}

/** Reads only the records not cached, then caches them (companies and deals). */
async function readCached(cache: PortalCache, portalId: string, kind: string, ids: readonly string[], read: (missing: string[]) => Promise<Map<string, RawRecord>>): Promise<Map<string, RawRecord>> {
  const found = new Map<string, RawRecord>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = cache.get<RawRecord>(portalId, `${kind}:${id}`);
    if (hit === undefined) missing.push(id);
    else found.set(id, hit);
  }
  if (missing.length > 0) {
    for (const [id, record] of await read(missing)) {
      cache.set(portalId, `${kind}:${id}`, record);
      found.set(id, record);
    }
  }
  return found;
}

async function loadPeersCached(
  cache: PortalCache, portalId: string, industries: readonly string[],
  load: (industries: string[]) => Promise<Map<string, NonNullable<CrmSnapshotInput['peers']>>>,
): Promise<PartResult<Map<string, NonNullable<CrmSnapshotInput['peers']>>>> {
  const result = new Map<string, NonNullable<CrmSnapshotInput['peers']>>();
  const missing: string[] = [];
  for (const industry of industries) {
    const hit = cache.get<NonNullable<CrmSnapshotInput['peers']>>(portalId, `peers:${industry}`);
    if (hit === undefined) missing.push(industry);
    else result.set(industry, hit);
  }
  if (missing.length === 0) return { ok: true, value: result };
  const loaded = await readPart(() => load(missing));
  if (!loaded.ok) return loaded;
  for (const [industry, peers] of loaded.value) {
    cache.set(portalId, `peers:${industry}`, peers);
    result.set(industry, peers);
  }
  return { ok: true, value: result };
}

