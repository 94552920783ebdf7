import { taskOriginFromProperties } from '../../../src/rules/index.ts';

test.each([
  [{ hs_task_sequence_step_enrollment_id: '123' }, 'sequence'],
  [{ hs_task_sequence_step_order: '2' }, 'sequence'],
  [{ hs_object_source: 'SEQUENCES' }, 'sequence'],
  [{ hs_object_source: 'AUTOMATION_PLATFORM' }, 'workflow'],
  [{ hs_engagement_source: 'workflows' }, 'workflow'],
  [{ hs_object_source: 'CRM_UI', hs_task_sequence_step_enrollment_id: '' }, 'manual'],
  [{ hs_object_source_label: 'MOBILE_IOS' }, 'manual'],
  [{ hs_object_source: 'INTEGRATION', hs_engagement_source: null }, 'unknown'],
  [{}, 'unknown'],
  [{ hs_task_sequence_step_enrollment_id: '   ', hs_object_source: undefined }, 'unknown'],
])('when the task properties are %j, then the origin is %s', (properties, origin) => {
  expect(taskOriginFromProperties(properties)).toBe(origin);
});
