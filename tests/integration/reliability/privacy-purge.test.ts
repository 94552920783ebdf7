/**
 * RELIABILITY.md row 31: after `contact.privacyDeletion`, the purge removes what Unrobot holds
 * about that contact (raw bodies carrying its events, its property values, quarantined raw
 * events naming it, its snoozes), leaves an audit row without personal data, and touches no
 * other contact. On both engines.
 */
import { randomUUID } from 'node:crypto';
import { purgePrivacyDeletions } from '../../../src/store/privacy-purge.ts';
import { parseBatch } from '../../../src/webhooks/parse-batch.ts';
import { NOW, fixture } from '../../helpers/hubspot-webhook.ts';
import { engines, openTestStore, type TestStore } from '../../helpers/stores.ts';

const PORTAL = 48975575;
const contact = fixture<Record<string, unknown>>('contact-creation.json');
const change = (objectId: number, eventId: number, email: string) => ({ ...contact, portalId: PORTAL, objectId, eventId, subscriptionType: 'contact.propertyChange',
  propertyName: 'email', propertyValue: email, occurredAt: NOW });

async function deliver(t: TestStore, events: Record<string, unknown>[], quarantinedRaw?: string): Promise<string> {
  const id = randomUUID();
  const body = Buffer.from(JSON.stringify(events));
  await t.store.recordDelivery({ id, receivedAt: NOW, body, status: 'accepted', reason: undefined, events: parseBatch(body, () => true).events,
    quarantined: quarantinedRaw === undefined ? [] : [{ position: 9, portalId: String(PORTAL), reason: 'bad', raw: quarantinedRaw }] });
  return id;
}

describe.each(engines())('privacy deletion purge on %s', (_engine, open) => {
  let t: TestStore;
  beforeAll(async () => { t = await openTestStore(open); });
  afterAll(async () => { await t.close(); });

  test('when a contact asks to be forgotten, then its bodies, values, quarantine and snoozes go, an audit row stays, and other contacts are untouched', async () => {
    const jane = await deliver(t, [change(777_001, 1, 'jane@client.example')], '{"objectId":777001,"propertyValue":"jane@client.example"');
    const other = await deliver(t, [change(888_001, 2, 'max@client.example')], '{"objectId":888001}');
    for (const id of ['777001', '888001']) {
      await t.db.query(`insert into record_snoozes (portal_id, object_type, object_id, until, created_at) values ($1, 'contact', $2, now(), now())`, [String(PORTAL), id]);
    }
    const card = (name: string) => JSON.stringify({
      locale: 'en', ruleId: 'r1', ruleName: 'Follow up',
      headline: { templateId: 'h.dark', text: `What did ${name} say last time?` },
      questions: [{ templateId: 'q.1', lens: 'relationship', text: `Has ${name} replied?`, facts: [`${name} opened 3 emails`] }],
      why: { facts: [`${name} opened 3 emails`], missing: ['no deal'], text: `Because ${name} went quiet` },
    });
    const insertCard = (cardId: string, contactId: string, name: string, status: string) => t.db.query(
      `insert into cards (portal_id, card_id, step_key, task_id, rule_id, rule_version, channel, locale, records, content, status, created_at)
       values ($1, $2, $2, 't1', 'r1', 'v1', 'note', 'en', $3::jsonb, $4::jsonb, $5, now())`,
      [String(PORTAL), cardId, JSON.stringify([{ objectType: 'deal', id: '5' }, { objectType: 'contact', id: contactId }]), card(name), status]);
    await insertCard('c-jane-1', '777001', 'Jane Roe', 'delivered');
    await insertCard('c-jane-2', '777001', 'Jane Roe', 'pending');
    await insertCard('c-max', '888001', 'Max Muster', 'delivered');
    await deliver(t, [{ ...contact, portalId: PORTAL, objectId: 777_001, eventId: 3, subscriptionType: 'contact.privacyDeletion', occurredAt: NOW + 1 }]);

    expect(await purgePrivacyDeletions(t.db, NOW + 60_000)).toEqual({ contacts: 1, bodiesCleared: 2, valuesCleared: 1, quarantined: 1, snoozes: 1, cardsRedacted: 2 });
    const bodies = await t.db.query<{ id: string; n: number }>('select id::text as id, octet_length(body)::int as n from webhook_deliveries where id = any($1::uuid[])', [[jane, other]]);
    expect(Object.fromEntries(bodies.map((row) => [row.id, row.n > 0]))).toEqual({ [jane]: false, [other]: true });
    const values = await t.db.query<{ object_id: string; property_value: string | null }>(
      `select object_id, property_value from webhook_events where subscription_type = 'contact.propertyChange' order by object_id`);
    expect(values).toEqual([{ object_id: '777001', property_value: null }, { object_id: '888001', property_value: 'max@client.example' }]);
    expect((await t.db.query<{ raw: string }>('select raw from quarantined_events')).map((row) => row.raw)).toEqual(['{"objectId":888001}']);
    expect(await t.db.query('select object_id from record_snoozes')).toEqual([{ object_id: '888001' }]);
    expect(await t.db.query(`select outcome from processed_events where outcome = 'privacy-purged'`)).toEqual([{ outcome: 'privacy-purged' }]);

    const cards = await t.db.query<{ card_id: string; status: string; content: unknown }>('select card_id, status, content from cards order by card_id');
    const text = (content: unknown) => (typeof content === 'string' ? content : JSON.stringify(content));
    expect(cards.map((row) => [row.card_id, row.status, text(row.content).includes('Jane'), text(row.content).includes('Max')])).toEqual([
      ['c-jane-1', 'delivered', false, false], ['c-jane-2', 'pending', false, false], ['c-max', 'delivered', false, true]]);
    expect(JSON.parse(text(cards[0]?.content))).toEqual({
      locale: 'en', ruleId: 'r1', ruleName: 'Follow up', redacted: 'privacy-deletion',
      headline: { templateId: 'h.dark', text: '' },
      questions: [{ templateId: 'q.1', lens: 'relationship', text: '', facts: [''] }],
      why: { facts: [''], missing: [''], text: '' },
    });

    expect(await purgePrivacyDeletions(t.db, NOW + 120_000)).toMatchObject({ contacts: 0, cardsRedacted: 0 });
  });
});
