/**
 * The portal's tasks created since a moment, newest first, for the settings preview: CRM search
 * on `hs_createdate` (descending, 100 per page), counted in the search lane of the limiter, and
 * stopped at a cap so one preview costs a bounded number of calls.
 */
import type { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/models/Filter.js';
import type { HubSpotClients } from './hubspot-client.ts';

export interface RecentTaskSource {
  /** Ids of tasks created at or after `sinceMs`, newest first, at most `limit`; `more` when others exist. */
  listRecentTaskIds(portalId: string, accessToken: string, sinceMs: number, limit: number): Promise<{ ids: string[]; more: boolean }>;
}

const PAGE = 100;

export function createRecentTaskSource(clients: HubSpotClients): RecentTaskSource {
  return {
    async listRecentTaskIds(portalId, accessToken, sinceMs, limit) {
      const client = clients.forPortal(portalId, accessToken);
      const ids: string[] = [];
      let after: string | undefined;
      for (;;) {
        const pageSize = Math.min(PAGE, limit - ids.length + 1);
        const response = await client.call('tasks.search.recent', (sdk) => sdk.crm.objects.searchApi.doSearch('tasks', {
          filterGroups: [{ filters: [{ propertyName: 'hs_createdate', operator: 'GTE' as FilterOperatorEnum, value: String(sinceMs) }] }],
          // HubSpot documents sorts as { propertyName, direction }; the SDK types them as strings
          // and passes array items through unchanged.
          sorts: [{ propertyName: 'hs_createdate', direction: 'DESCENDING' }] as unknown as string[], properties: ['hs_createdate'], limit: pageSize, ...(after === undefined ? {} : { after }),
        }), { kind: 'search' });
        ids.push(...response.results.map((task) => String(task.id)));
        after = response.paging?.next?.after;
        if (ids.length > limit) return { ids: ids.slice(0, limit), more: true };
        if (after === undefined || response.results.length === 0) return { ids, more: false };
        if (ids.length === limit) return { ids, more: true };
      }
    },
  };
}
