import type { TaskOrigin } from './rule-schema.ts';

type Properties = Readonly<Record<string, string | null | undefined>>;

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Who created a task, from its HubSpot properties (REFERENCE.md §4.2). The sequence enrollment
 * properties are the strongest sign; `hs_object_source` / `hs_engagement_source` values are
 * UNCONFIRMED, so they are matched loosely ("AUTOMATION_PLATFORM", "WORKFLOWS", "SEQUENCES", "CRM_UI").
 */
export function taskOriginFromProperties(properties: Properties): TaskOrigin {
  if (present(properties['hs_task_sequence_step_enrollment_id']) || present(properties['hs_task_sequence_step_order'])) return 'sequence';
  const sources = ['hs_object_source', 'hs_engagement_source', 'hs_object_source_label']
    .map((name) => properties[name])
    .filter(present)
    .map((value) => value.toUpperCase());
  if (sources.some((source) => source.includes('SEQUENCE'))) return 'sequence';
  if (sources.some((source) => source.includes('AUTOMATION') || source.includes('WORKFLOW'))) return 'workflow';
  if (sources.some((source) => ['CRM_UI', 'MOBILE_IOS', 'MOBILE_ANDROID', 'TASKS'].some((manual) => source.includes(manual)))) return 'manual';
  return 'unknown';
}
