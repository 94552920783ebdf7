/**
 * One HubSpot account ("portal") held in memory: CRM records, associations, owners, pipelines
 * and the timeline entries apps wrote. Ids are numeric strings, as HubSpot's are.
 */
import { OBJECT_TYPES, associationTypeId, createdDateProperty, modifiedDateProperty, type ObjectType } from './object-types.ts';

export type Properties = Record<string, string | null>;

export interface CrmRecord {
  id: string;
  type: ObjectType;
  properties: Properties;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

export interface AssociationEdge {
  toType: ObjectType;
  toId: string;
  typeId: number;
  category: 'HUBSPOT_DEFINED' | 'USER_DEFINED';
  label: string | null;
}

export interface Owner {
  id: string;
  userId: number;
  email: string;
  firstName: string;
  lastName: string;
  teams: Array<{ id: string; name: string; primary: boolean }>;
}

export interface PipelineStageDef {
  id: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
}

export interface PipelineDef {
  id: string;
  label: string;
  displayOrder: number;
  stages: PipelineStageDef[];
}

/** A v3 timeline event or a v4 app event, as the sandbox stored it. */
export interface StoredTimelineEvent {
  kind: 'timeline-v3' | 'app-event';
  portalId: number;
  id: string;
  eventTemplateId?: string;
  eventTypeName?: string;
  objectType: string;
  objectId: string;
  tokens: Record<string, string>;
  extraData?: unknown;
  timestamp: string;
  createdAt: string;
}

export interface Portal {
  portalId: number;
  domain: string;
  /** The installing user, reported by the access-token info endpoint. */
  user: { id: number; email: string };
  records: Map<ObjectType, Map<string, CrmRecord>>;
  /** Edges out of `type:id`; every association is stored in both directions. */
  associations: Map<string, AssociationEdge[]>;
  owners: Owner[];
  pipelines: { deals: PipelineDef[]; tickets: PipelineDef[] };
  timeline: StoredTimelineEvent[];
  nextId: number;
}

/** A fresh, empty portal. Ids start high enough to look like HubSpot's and never collide with seeds. */
export function createPortal(portalId: number, domain = `portal-${portalId}.sandbox.hubspot.local`): Portal {
  const records = new Map<ObjectType, Map<string, CrmRecord>>();
  for (const type of OBJECT_TYPES) records.set(type, new Map());
  return {
    portalId, domain, user: { id: 900_000 + (portalId % 100_000), email: `admin@portal-${portalId}.example` },
    records, associations: new Map(), owners: [], pipelines: { deals: [], tickets: [] }, timeline: [], nextId: 10_001,
  };
}

export function recordsOf(portal: Portal, type: ObjectType): Map<string, CrmRecord> {
  const map = portal.records.get(type);
  if (!map) throw new Error(`no record map for ${type}`);
  return map;
}

/** A live (not archived) record, or undefined. */
export function findRecord(portal: Portal, type: ObjectType, id: string): CrmRecord | undefined {
  const record = recordsOf(portal, type).get(id);
  return record && !record.archived ? record : undefined;
}

/** Inserts a record with HubSpot's system properties filled in. */
export function insertRecord(portal: Portal, type: ObjectType, properties: Properties, at: number, id?: string): CrmRecord {
  const recordId = id ?? String(portal.nextId++);
  const iso = new Date(at).toISOString();
  const record: CrmRecord = {
    id: recordId, type, createdAt: at, updatedAt: at, archived: false,
    properties: { ...properties, hs_object_id: recordId, [createdDateProperty(type)]: iso, [modifiedDateProperty(type)]: iso },
  };
  if (type !== 'contacts' && type !== 'companies' && type !== 'deals' && type !== 'tickets') record.properties.hs_createdate = iso;
  recordsOf(portal, type).set(recordId, record);
  return record;
}

/** Applies property changes; returns the names whose value actually changed. */
export function updateRecord(record: CrmRecord, changes: Properties, at: number): string[] {
  const changed = Object.keys(changes).filter((name) => (record.properties[name] ?? null) !== (changes[name] ?? null));
  Object.assign(record.properties, changes);
  record.updatedAt = at;
  record.properties[modifiedDateProperty(record.type)] = new Date(at).toISOString();
  return changed;
}

/** Associates two records both ways with HubSpot's default type ids (and a primary label if asked). */
export function associate(portal: Portal, fromType: ObjectType, fromId: string, toType: ObjectType, toId: string, typeId?: number): void {
  const forward = typeId ?? associationTypeId(fromType, toType);
  const backward = associationTypeId(toType, fromType);
  if (forward === undefined || backward === undefined) throw new Error(`HubSpot defines no association ${fromType} → ${toType}`);
  addEdge(portal, `${fromType}:${fromId}`, { toType, toId, typeId: forward, category: 'HUBSPOT_DEFINED', label: null });
  addEdge(portal, `${toType}:${toId}`, { toType: fromType, toId: fromId, typeId: backward, category: 'HUBSPOT_DEFINED', label: null });
}

function addEdge(portal: Portal, key: string, edge: AssociationEdge): void {
  const edges = portal.associations.get(key) ?? [];
  if (!edges.some((e) => e.toType === edge.toType && e.toId === edge.toId && e.typeId === edge.typeId)) edges.push(edge);
  portal.associations.set(key, edges);
}

/** Adds a labelled extra type (e.g. "Primary") to an existing edge, both directions. */
export function addLabelledType(portal: Portal, fromType: ObjectType, fromId: string, toType: ObjectType, toId: string, typeIds: [number, number], label: string): void {
  addEdge(portal, `${fromType}:${fromId}`, { toType, toId, typeId: typeIds[0], category: 'HUBSPOT_DEFINED', label });
  addEdge(portal, `${toType}:${toId}`, { toType: fromType, toId: fromId, typeId: typeIds[1], category: 'HUBSPOT_DEFINED', label });
}

/** Associated records of one type, grouped per target id with every type on the edge; live targets only. */
export function associationsOf(portal: Portal, fromType: ObjectType, fromId: string, toType: ObjectType): Array<{ toId: string; edges: AssociationEdge[] }> {
  const grouped = new Map<string, AssociationEdge[]>();
  for (const edge of portal.associations.get(`${fromType}:${fromId}`) ?? []) {
    if (edge.toType !== toType || !findRecord(portal, toType, edge.toId)) continue;
    grouped.set(edge.toId, [...(grouped.get(edge.toId) ?? []), edge]);
  }
  return [...grouped].map(([toId, edges]) => ({ toId, edges })).sort((a, b) => Number(a.toId) - Number(b.toId));
}
