/** Batch parsing: tolerant per event, exact ids, a dedupe key that ignores attemptNumber. */
import { eventKeyOf, parseBatch, WebhookEventSchema } from '../../../src/webhooks/parse-batch.ts';
import { fixture, taskEvents } from '../../helpers/hubspot-webhook.ts';

const parse = (value: unknown) => parseBatch(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)), () => true);

test('when the task fixtures are parsed, then creation, propertyChange and deletion are queued with jobs', () => {
  const batch = parse(taskEvents());
  expect(batch.events.map((event) => [event.subscriptionType, event.status])).toEqual([
    ['object.creation', 'queued'], ['object.propertyChange', 'queued'], ['object.deletion', 'queued'],
  ]);
  expect(batch.events[1]?.job).toMatchObject({ portalId: '145883449', objectId: '180584432881', propertyName: 'hs_task_subject', propertyValue: 'Follow up now', changeSource: 'CRM_UI' });
});

test('when a classic contact event arrives, then it is kept as ignored without a job', () => {
  const [event] = parse([fixture('contact-creation.json')]).events;
  expect(event?.status).toBe('ignored');
  expect(event?.job).toBeUndefined();
});

test('when only attemptNumber differs, then the dedupe key is the same; when propertyName differs, then it is not', () => {
  const [event] = taskEvents();
  const key = (value: unknown) => eventKeyOf(WebhookEventSchema.parse(value));
  expect(key({ ...event, attemptNumber: 3 })).toBe(key(event));
  expect(key({ ...event, propertyName: 'hs_task_body' })).not.toBe(key(event));
});

test('when ids exceed 2^53, then they stay exact strings', () => {
  const [event] = parse('[{"eventId":18446744073709551615,"subscriptionId":1,"portalId":2,"occurredAt":1,"subscriptionType":"object.creation","objectTypeId":"0-27","objectId":9007199254740993}]').events;
  expect(event?.objectId).toBe('9007199254740993');
  expect(event?.eventId).toBe('18446744073709551615');
});

test('when a task event has no objectId, then it is quarantined with its portal', () => {
  const [event] = taskEvents();
  const { objectId: _gone, ...withoutObject } = event ?? {};
  const batch = parse([withoutObject]);
  expect(batch.quarantined).toEqual([expect.objectContaining({ position: 0, portalId: '145883449', reason: 'task event without objectId' })]);
});
