/**
 * Tasks modified since a moment, for the catch-up poller: CRM search on `hs_lastmodifieddate`
 * (ascending, 100 per page), counted in the search lane of the limiter (4 per second).
 */
import type { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/models/Filter.js';
import type { HubSpotClients } from './hubspot-client.ts';

export interface ModifiedTasksPage {
  tasks: { id: string; modifiedAt: number }[];
  /** Paging cursor for the next page, when there is one. */
  after: string | undefined;
}

export interface ModifiedTaskSource {
  listModifiedTasks(portalId: string, accessToken: string, sinceMs: number, after?: string): Promise<ModifiedTasksPage>;
}

export function createModifiedTaskSource(clients: HubSpotClients): ModifiedTaskSource {
  return {
    async listModifiedTasks(portalId, accessToken, sinceMs, after) {
      const client = clients.forPortal(portalId, accessToken);
      const response = await client.call('tasks.search', (sdk) => sdk.crm.objects.searchApi.doSearch('tasks', {
        filterGroups: [{ filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE' as FilterOperatorEnum, value: String(sinceMs) }] }],
        sorts: ['hs_lastmodifieddate'], properties: ['hs_lastmodifieddate'], limit: 100, ...(after === undefined ? {} : { after }),
      }), { kind: 'search' });
      return {
        tasks: response.results.map((task) => ({ id: String(task.id), modifiedAt: Date.parse(task.properties.hs_lastmodifieddate ?? '') || task.updatedAt.getTime() })),
        after: response.paging?.next?.after,
      };
    },
  };
}
