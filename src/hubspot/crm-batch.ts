/**
 * Batch reads through a {@link PortalClient}: CRM objects (`POST /crm/v3/objects/{type}/batch/read`)
 * and associations v4 (`POST /crm/v4/associations/{from}/{to}/batch/read`), chunked to 100
 * inputs (REFERENCE.md §4.3, §5.1). Ids HubSpot does not know come back in a 207's `errors`,
 * not as a failure: they are simply absent from the result.
 */
import type { PortalClient } from './hubspot-client.ts';
import type { RawRecord } from './crm-records.ts';

export const BATCH_LIMIT = 100;

export function chunk<T>(items: readonly T[], size = BATCH_LIMIT): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Reads records by id; returns those HubSpot has (archived ones excluded), keyed by id. */
export async function batchReadObjects(
  client: PortalClient,
  objectType: string,
  ids: readonly string[],
  properties: readonly string[],
  propertiesWithHistory: readonly string[] = [],
): Promise<Map<string, RawRecord>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, RawRecord>();
  const pages = await Promise.all(chunk(unique).map((inputs) => client.call(`${objectType}.batchRead`, (sdk) => sdk.crm.objects.batchApi.read(objectType, {
    inputs: inputs.map((id) => ({ id })), properties: [...properties], propertiesWithHistory: [...propertiesWithHistory],
  }, false))));
  for (const page of pages) {
    for (const record of page.results) {
      found.set(String(record.id), { id: String(record.id), properties: record.properties, propertiesWithHistory: record.propertiesWithHistory });
    }
  }
  return found;
}

/**
 * The ids each `from` record is associated with, in HubSpot's order. Inputs with none are
 * absent (HubSpot reports them as 207 errors). The sandbox, like HubSpot's wire format, sends
 * `toObjectId` as a JSON number, so it is turned into a string here.
 */
export async function batchReadAssociations(client: PortalClient, fromType: string, toType: string, ids: readonly string[]): Promise<Map<string, string[]>> {
  const unique = [...new Set(ids)];
  const linked = new Map<string, string[]>();
  const pages = await Promise.all(chunk(unique).map((inputs) => client.call(`associations.${fromType}-${toType}.batchRead`, (sdk) => sdk.crm.associations.v4.batchApi.getPage(fromType, toType, {
    inputs: inputs.map((id) => ({ id })),
  }))));
  for (const page of pages) {
    for (const result of page.results) {
      const from = String(result._from.id);
      const to = result.to.map((entry) => String(entry.toObjectId));
      linked.set(from, [...(linked.get(from) ?? []), ...to]);
    }
  }
  return linked;
}
