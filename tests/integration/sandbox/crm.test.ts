import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/notes/models/AssociationSpec.js';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/models/Filter.js';
import { startSandbox, type Started } from './start-sandbox.ts';

let s: Started;
beforeAll(async () => { s = await startSandbox({ rateLimits: false }); });
afterAll(async () => { await s.close(); });

const truth = () => {
  const t = s.sandbox.groundTruth();
  if (!t) throw new Error('demo portal not seeded');
  return t;
};

describe('tasks through the real SDK', () => {
  it('when a task is read by id with properties and associations, then the SDK gets HubSpot\'s shape', async () => {
    const id = truth().roboticTaskIds[0]!;
    const task = await s.client.crm.objects.tasks.basicApi.getById(id, ['hs_task_subject', 'hs_task_body', 'hs_task_status', 'hs_object_source'], undefined, ['contacts', 'companies', 'deals']);
    expect(task.id).toBe(id);
    expect(task.createdAt).toBeInstanceOf(Date);
    expect(task.properties.hs_task_status).toBe('NOT_STARTED');
    expect(task.properties.hs_object_id).toBe(id);
    expect(task.associations?.contacts?.results[0]?.type).toBe('task_to_contact');
    expect(task.associations?.companies?.results).toHaveLength(1);
  });

  it('when a task does not exist, then the SDK throws a 404 with HubSpot\'s error body', async () => {
    await expect(s.client.crm.objects.tasks.basicApi.getById('999999999')).rejects.toMatchObject({ code: 404, body: { status: 'error', category: 'OBJECT_NOT_FOUND' } });
  });

  it('when a batch read names a missing id, then it answers 207 with the found ones and an error', async () => {
    const [a, b] = truth().specificTaskIds;
    const result = await s.client.crm.objects.tasks.batchApi.read({ inputs: [{ id: a! }, { id: b! }, { id: '424242' }], properties: ['hs_task_subject'], propertiesWithHistory: [] });
    expect(result.results.map((r) => r.id).sort()).toEqual([a, b].sort());
    expect(result.status).toBe('COMPLETE');
    expect(result.completedAt).toBeInstanceOf(Date);
    expect((result as { errors?: Array<{ context: { ids: string[] } }> }).errors?.[0]?.context.ids).toEqual(['424242']);
  });

  it('when tasks are searched by hs_createdate GTE and paged with after, then every page is consistent and the total is right', async () => {
    const since = String(Date.now() - 48 * 3_600_000);
    const search = (after?: string) => s.client.crm.objects.tasks.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'hs_createdate', operator: FilterOperatorEnum.Gte, value: since }] }],
      sorts: [{ propertyName: 'hs_createdate', direction: 'ASCENDING' } as unknown as string], properties: ['hs_task_subject'], limit: 50, ...(after ? { after } : {}),
    });
    const first = await search();
    expect(first.total).toBe(84);
    expect(first.results).toHaveLength(50);
    const second = await search(first.paging?.next?.after);
    expect(second.results).toHaveLength(34);
    expect(second.paging).toBeUndefined();
    const dates = [...first.results, ...second.results].map((r) => Date.parse(r.properties.hs_createdate ?? ''));
    expect(dates).toEqual([...dates].sort((x, y) => x - y));
  });

  it('when a task is updated, then the change is visible and an unknown property is a 400', async () => {
    const id = truth().specificTaskIds[1]!;
    const updated = await s.client.crm.objects.tasks.basicApi.update(id, { properties: { hs_task_body: 'Reflection appended' } });
    expect(updated.properties.hs_task_body).toBe('Reflection appended');
    await expect(s.client.crm.objects.tasks.basicApi.update(id, { properties: { no_such_prop: 'x' } })).rejects.toMatchObject({ code: 400, body: { category: 'VALIDATION_ERROR' } });
  });
});

describe('context records through the real SDK', () => {
  it('when contacts, companies, deals and tickets are read, searched and batch read, then each answers', async () => {
    const contacts = await s.client.crm.contacts.basicApi.getPage(5);
    expect(contacts.results).toHaveLength(5);
    const contact = await s.client.crm.contacts.basicApi.getById(contacts.results[0]!.id, ['email', 'notes_last_contacted']);
    expect(contact.properties.email).toMatch(/@/);
    const companies = await s.client.crm.companies.searchApi.doSearch({ filterGroups: [{ filters: [{ propertyName: 'industry', operator: FilterOperatorEnum.Eq, value: 'RETAIL' }] }], properties: ['industry'], limit: 100 });
    expect(companies.total).toBeGreaterThanOrEqual(4);
    const deals = await s.client.crm.deals.batchApi.read({ inputs: [{ id: '10088' }], properties: ['dealstage', 'hs_date_entered_appointmentscheduled'], propertiesWithHistory: [] });
    expect(deals.results[0]?.properties.hs_date_entered_appointmentscheduled).toBeTruthy();
    const tickets = await s.client.crm.tickets.searchApi.doSearch({ filterGroups: [{ filters: [{ propertyName: 'hs_ticket_priority', operator: FilterOperatorEnum.Eq, value: 'HIGH' }] }], properties: ['hs_ticket_priority'], limit: 10 });
    expect(tickets.results.every((t) => t.properties.hs_ticket_priority === 'HIGH')).toBe(true);
    const ticket = await s.client.crm.tickets.basicApi.getById(tickets.results[0]!.id, ['subject']);
    expect(ticket.properties.subject).toBeTruthy();
    const company = await s.client.crm.companies.batchApi.read({ inputs: [{ id: '10001' }], properties: ['name'], propertiesWithHistory: [] });
    expect(company.results[0]?.properties.name).toBe('Acme Robotics');
  });

  it('when engagements are read through the emails, calls and meetings APIs, then they carry their direction and timestamp', async () => {
    const emails = await s.client.crm.objects.emails.searchApi.doSearch({ filterGroups: [{ filters: [{ propertyName: 'hs_email_direction', operator: FilterOperatorEnum.Eq, value: 'INCOMING_EMAIL' }] }], properties: ['hs_email_direction', 'hs_timestamp'], limit: 5 });
    expect(emails.total).toBeGreaterThan(0);
    expect(Date.parse(emails.results[0]!.properties.hs_timestamp ?? '')).toBeLessThan(Date.now());
    const calls = await s.client.crm.objects.calls.basicApi.getPage(3, undefined, ['hs_call_direction']);
    expect(calls.results[0]?.properties.hs_call_direction).toBe('OUTBOUND');
    const meetings = await s.client.crm.objects.meetings.batchApi.read({ inputs: [{ id: meetingId() }], properties: ['hs_meeting_outcome'], propertiesWithHistory: [] });
    expect(meetings.results[0]?.properties.hs_meeting_outcome).toBe('COMPLETED');
  });
});

function meetingId(): string {
  const portal = s.sandbox.state.portal();
  return [...(portal.records.get('meetings')?.keys() ?? [])][0]!;
}

describe('associations v4 and notes', () => {
  it('when associations are batch read, then the SDK gets from/to with type ids, and 207 for ids without any', async () => {
    const id = truth().roboticTaskIds[0]!;
    const result = await s.client.crm.associations.v4.batchApi.getPage('tasks', 'contacts', { inputs: [{ id }, { id: '1' }] });
    expect(result.results[0]?._from.id).toBe(id);
    expect(result.results[0]?.to[0]?.associationTypes[0]).toMatchObject({ category: 'HUBSPOT_DEFINED', typeId: 204 });
    expect((result as { numErrors?: number }).numErrors).toBe(1);
  });

  it('when a contact\'s companies are paged, then the primary label comes back as well', async () => {
    const page = await s.client.crm.associations.v4.basicApi.getPage('contacts', '10028', 'companies', undefined, 500);
    expect(page.results[0]?.associationTypes.map((t) => t.typeId).sort((a, b) => a - b)).toEqual([1, 279]);
  });

  it('when a note is created with associations, then it is a 201 and the control API shows it on the record', async () => {
    const contactId = '10028';
    const note = await s.client.crm.objects.notes.basicApi.create({
      properties: { hs_note_body: '<p>Before you follow up…</p>', hs_timestamp: new Date().toISOString() },
      associations: [{ to: { id: contactId }, types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: 202 }] }],
    });
    expect(note.id).toMatch(/^\d+$/);
    const listed = await (await fetch(`${s.url}/__sandbox/notes?objectId=${contactId}`)).json() as { results: Array<{ id: string; body: string }> };
    expect(listed.results.map((n) => n.id)).toContain(note.id);
    await expect(s.client.crm.objects.notes.basicApi.create({ properties: { hs_note_body: 'x', hs_timestamp: new Date().toISOString() }, associations: [{ to: { id: '1' }, types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: 202 }] }] }))
      .rejects.toMatchObject({ code: 400 });
  });
});

describe('owners, pipelines, properties and unknown routes', () => {
  it('when owners, deal pipelines and task properties are listed, then the SDK parses them', async () => {
    const owners = await s.client.crm.owners.ownersApi.getPage();
    expect(owners.results.length).toBeGreaterThanOrEqual(5);
    const owner = await s.client.crm.owners.ownersApi.getById(Number(owners.results[0]!.id));
    expect(owner.email).toMatch(/@/);
    const pipelines = await s.client.crm.pipelines.pipelinesApi.getAll('deals');
    expect(pipelines.results[0]?.stages.map((st) => st.id)).toContain('contractsent');
    const properties = await s.client.crm.properties.coreApi.getAll('tasks');
    expect(properties.results.map((p) => p.name)).toEqual(expect.arrayContaining(['hs_task_subject', 'hs_task_body', 'hs_task_sequence_step_enrollment_id']));
  });

  it('when an endpoint does not exist, then it answers 404 with HubSpot\'s error body, never an empty 200', async () => {
    const response = await s.client.apiRequest({ method: 'GET', path: '/crm/v3/no-such-api' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND', correlationId: expect.any(String) });
  });

  it('when the token is wrong, then it answers 401 INVALID_AUTHENTICATION', async () => {
    await expect(s.clientFor('wrong').crm.objects.tasks.basicApi.getPage()).rejects.toMatchObject({ code: 401, body: { category: 'INVALID_AUTHENTICATION' } });
  });
});
