/**
 * CRM records in the JSON shapes of the v3 objects API (`SimplePublicObject`,
 * `SimplePublicObjectWithAssociations`), which the SDK deserialises field by field.
 */
import { DEFAULT_PROPERTIES, associationLabel, createdDateProperty, modifiedDateProperty, resolveObjectType, type ObjectType } from './object-types.ts';
import { associationsOf, type CrmRecord, type Portal } from './portal.ts';

export interface ApiObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
  associations?: Record<string, { results: Array<{ id: string; type: string }> }>;
}

/** A query value that may arrive as `a,b`, repeated keys, or not at all. */
export function listParam(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const parts = Array.isArray(value) ? value.map(String) : [String(value)];
  return parts.flatMap((part) => part.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

/** The properties a read returns: the requested ones (null when unset) plus the system ones. */
export function selectProperties(record: CrmRecord, requested: readonly string[]): Record<string, string | null> {
  const names = requested.length === 0
    ? DEFAULT_PROPERTIES[record.type]
    : [...requested, 'hs_object_id', createdDateProperty(record.type), modifiedDateProperty(record.type)];
  const selected: Record<string, string | null> = {};
  for (const name of names) selected[name] = record.properties[name] ?? null;
  return selected;
}

export function toApiObject(record: CrmRecord, requested: readonly string[]): ApiObject {
  const object: ApiObject = {
    id: record.id,
    properties: selectProperties(record, requested),
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: record.archived,
  };
  if (record.archived) object.archivedAt = new Date(record.updatedAt).toISOString();
  return object;
}

/** Adds the `associations` map of a single-object read; types with no associations are omitted, as HubSpot does. */
export function withAssociations(portal: Portal, record: CrmRecord, object: ApiObject, toTypes: readonly string[]): ApiObject {
  const associations: NonNullable<ApiObject['associations']> = {};
  for (const name of toTypes) {
    const toType: ObjectType | undefined = resolveObjectType(name);
    if (!toType) continue;
    const linked = associationsOf(portal, record.type, record.id, toType);
    if (linked.length === 0) continue;
    associations[name] = { results: linked.map(({ toId }) => ({ id: toId, type: associationLabel(record.type, toType) })) };
  }
  return Object.keys(associations).length === 0 ? object : { ...object, associations };
}

/** The `BatchResponse…` envelope; HubSpot answers 207 with `errors` when some inputs failed. */
export function batchEnvelope<T>(results: T[], startedAt: number, completedAt: number, errors: unknown[] = []): { status: number; body: Record<string, unknown> } {
  const body: Record<string, unknown> = {
    status: 'COMPLETE', results,
    startedAt: new Date(startedAt).toISOString(), completedAt: new Date(completedAt).toISOString(),
  };
  if (errors.length === 0) return { status: 200, body };
  return { status: 207, body: { ...body, numErrors: errors.length, errors } };
}
