/**
 * A task created as a rep, a sequence or a workflow would create it in HubSpot (the source
 * properties each sets, due tomorrow unless given), with its associations; the write fires the
 * change listener, so webhooks go out. Used by the control API and the demo's new-task form.
 */
import type { CrmRecord, Portal } from './portal.ts';
import { createObject, type ChangeListener, type ChangeOrigin } from './writes.ts';

export const TASK_SOURCES = {
  rep: { changeSource: 'CRM_UI', properties: { hs_object_source: 'CRM_UI', hs_object_source_label: 'CRM_UI' } },
  sequence: { changeSource: 'SEQUENCES', properties: { hs_object_source: 'SEQUENCES', hs_object_source_label: 'SEQUENCES', hs_task_sequence_step_enrollment_id: '990001', hs_task_sequence_step_order: '2', hs_task_sequence_enrollment_active: 'true' } },
  workflow: { changeSource: 'AUTOMATION_PLATFORM', properties: { hs_object_source: 'AUTOMATION_PLATFORM', hs_object_source_label: 'AUTOMATION_PLATFORM', hs_object_source_id: '770001' } },
  api: { changeSource: 'API', properties: { hs_object_source: 'INTEGRATION', hs_object_source_label: 'INTEGRATION' } },
} as const;

export type TaskSource = keyof typeof TASK_SOURCES;

export interface NewTask {
  subject: string;
  body?: string | undefined;
  type: 'TODO' | 'CALL' | 'EMAIL' | 'LINKED_IN' | 'MEETING';
  contactIds: string[];
  companyIds: string[];
  dealIds: string[];
  ownerId?: string | undefined;
  source: TaskSource;
  dueAt?: string | undefined;
}

/** Who the change came from, as webhook payloads report it. */
export const originOf = (source: TaskSource): ChangeOrigin => ({ changeSource: TASK_SOURCES[source].changeSource, sourceId: 'userId:5100001' });

/** Creates the task (throws `WriteRejected` as HubSpot would answer 400). */
export function createTask(portal: Portal, input: NewTask, now: number, onChange: ChangeListener): CrmRecord {
  // HubSpot-defined task associations: 204 task→contact, 192 task→company, 216 task→deal.
  const links = [...input.contactIds.map((to) => [to, 204] as const), ...input.companyIds.map((to) => [to, 192] as const), ...input.dealIds.map((to) => [to, 216] as const)];
  return createObject(portal, 'tasks', {
    hs_task_subject: input.subject, hs_task_body: input.body ?? '', hs_task_type: input.type, hs_task_status: 'NOT_STARTED',
    hs_task_priority: 'NONE', hs_timestamp: input.dueAt ?? new Date(now + 86_400_000).toISOString(),
    hubspot_owner_id: input.ownerId ?? portal.owners[0]?.id ?? null, ...TASK_SOURCES[input.source].properties,
  }, links.map(([to, typeId]) => ({ to: { id: to }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] })), now, originOf(input.source), onChange);
}
