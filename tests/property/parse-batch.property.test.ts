/**
 * Property: the batch parser never throws, whatever bytes a correctly signed request carries
 * (RELIABILITY.md rows 19–28): everything is either an event, a quarantined item, or a body
 * problem, ids stay exact strings, and Object.prototype stays clean.
 */
import fc from 'fast-check';
import { parseBatch } from '../../src/webhooks/parse-batch.ts';

function checkInvariants(body: Buffer): boolean {
  const batch = parseBatch(body, () => true);
  if (({} as Record<string, unknown>).polluted !== undefined) return false;
  if (batch.bodyProblem !== undefined) return batch.events.length === 0 && batch.quarantined.length === 0;
  return batch.events.every((event) => /^\d+$/.test(event.portalId) && /^[0-9a-f]{64}$/.test(event.eventKey)
    && (event.status === 'queued') === (event.job !== undefined));
}

test('when the body is arbitrary bytes, then parsing never throws', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => checkInvariants(Buffer.from(bytes))), { numRuns: 500 });
});

test('when the body is arbitrary JSON, then parsing never throws and never pollutes prototypes', () => {
  fc.assert(fc.property(fc.jsonValue(), (value) => checkInvariants(Buffer.from(JSON.stringify(value) ?? 'null'))), { numRuns: 500 });
});

const idArb = fc.oneof(fc.nat(), fc.bigInt({ min: 0n, max: 10n ** 30n }).map((n) => n.toString()), fc.string(), fc.constant(-1), fc.double());
const looseEventArb = fc.record({
  eventId: idArb, subscriptionId: idArb, portalId: idArb, occurredAt: fc.oneof(fc.nat(), fc.string(), fc.double()),
  subscriptionType: fc.oneof(fc.constantFrom('object.creation', 'object.propertyChange', 'object.deletion', 'contact.creation'), fc.string()),
  objectId: idArb, objectTypeId: fc.oneof(fc.constant('0-27'), fc.string()),
  propertyValue: fc.oneof(fc.string(), fc.nat(), fc.boolean(), fc.constant(null)),
  __proto__: fc.constant({ polluted: 1 }),
}, { requiredKeys: [] });

test('when the body is an array of almost-events, then each becomes an event or a quarantined item, never a throw', () => {
  fc.assert(fc.property(fc.array(looseEventArb, { maxLength: 30 }), (events) => {
    const text = JSON.stringify(events);
    const batch = parseBatch(Buffer.from(text), () => true);
    if (({} as Record<string, unknown>).polluted !== undefined) return false;
    return batch.bodyProblem !== undefined || batch.events.length + batch.quarantined.length === events.length;
  }), { numRuns: 500 });
});

test('when an id is above 2^53, then it is kept exact as a string', () => {
  fc.assert(fc.property(fc.bigInt({ min: 2n ** 53n + 1n, max: 10n ** 25n }), (big) => {
    const body = `[{"eventId":1,"subscriptionId":2,"portalId":3,"occurredAt":4,"subscriptionType":"object.creation","objectTypeId":"0-27","objectId":${big.toString()}}]`;
    const batch = parseBatch(Buffer.from(body), () => true);
    return batch.events[0]?.objectId === big.toString();
  }), { numRuns: 200 });
});
