/**
 * {@link CardPublisher} on HubSpot, one way per channel (DESIGN decision 6):
 * - `note`: a note associated with the task's contacts, company and deal (types 202, 190, 214),
 *   its body carrying a hidden marker that `findExisting` searches for;
 * - `timeline-v3`: an event on the contact with the portal's template and `id` = card id, so a
 *   repeat is HubSpot's 409, which counts as "already there";
 * - `app-event`: a timeline v4 app event (`POST /integrators/timeline/v4/events`), same id rule;
 * - `task-body`: the reflection appended once to the task's own `hs_task_body`. That PATCH makes
 *   HubSpot send an `object.propertyChange` webhook with `changeSource: "INTEGRATION"`; intake
 *   must not treat it as a new prompt.
 */
import type { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/objects/notes/models/AssociationSpec.js';
import type { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/models/Filter.js';
import type { Card } from '../cards/card.ts';
import { renderNoteBody } from '../cards/render-note.ts';
import { renderAppEventProperties, renderTimelineEvent } from '../cards/render-timeline.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { cardMarker, markerHtml, renderTaskBodyHtml } from './card-marker.ts';
import type { HubSpotClients, PortalClient } from './hubspot-client.ts';
import type { CardPublisher, DeliveryTarget, RecordRef } from './ports.ts';

export interface CardPublisherDeps {
  clients: HubSpotClients;
  log: Logger;
  /** The service's public URL; reserved for a timeline iframe link (unused while cards carry their own links). */
  appBaseUrl?: string;
}

/** HubSpot-defined note → record association type ids (REFERENCE.md §4.3). */
const NOTE_ASSOCIATION: Partial<Record<RecordRef['objectType'], number>> = { contact: 202, company: 190, deal: 214 };

export function createCardPublisher(deps: CardPublisherDeps): CardPublisher {
  const clientOf = (target: DeliveryTarget): PortalClient => deps.clients.forPortal(target.portalId, target.accessToken);

  return {
    async publish(card, target) {
      const client = clientOf(target);
      const { channel } = target.delivery;
      const result = channel === 'note' ? await publishNote(client, card, target)
        : channel === 'timeline-v3' ? await publishTimelineEvent(client, card, target)
          : channel === 'app-event' ? await publishAppEvent(client, card, target)
            : await appendToTask(client, card, target);
      deps.log.info({ portalId: target.portalId, taskId: target.taskId, cardId: target.cardId, channel, hubspotObjectId: result.hubspotObjectId }, 'card published');
      return result;
    },
    async findExisting(target) {
      const client = clientOf(target);
      switch (target.delivery.channel) {
        case 'note': return findNote(client, target);
        case 'timeline-v3': return findTimelineEvent(client, target);
        case 'task-body': return findInTask(client, target);
        // Timeline v4 has no documented read for one occurrence; a repeat is refused with 409 instead.
        case 'app-event': return undefined;
      }
    },
  };
}

function noTarget(target: DeliveryTarget, what: string): AppError {
  return new AppError('delivery.no-target', `task ${target.taskId} has no ${what} to put the card on`, { status: 422, retryable: false, details: { taskId: target.taskId, channel: target.delivery.channel } });
}

async function publishNote(client: PortalClient, card: Card, target: DeliveryTarget): Promise<{ hubspotObjectId: string }> {
  const associations = target.records.flatMap((record) => {
    const typeId = NOTE_ASSOCIATION[record.objectType];
    return typeId === undefined ? [] : [{ to: { id: record.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as AssociationSpecAssociationCategoryEnum, associationTypeId: typeId }] }];
  });
  if (associations.length === 0) throw noTarget(target, 'contact, company or deal');
  const created = await client.call('notes.create', (sdk) => sdk.crm.objects.notes.basicApi.create({
    properties: { hs_note_body: renderNoteBody(card) + markerHtml(target.cardId), hs_timestamp: new Date(target.now).toISOString() },
    associations,
  }));
  return { hubspotObjectId: created.id };
}

/**
 * Search-before-create on the marker token. HubSpot's search index lags writes by "a few
 * moments" (REFERENCE.md §5.1), so a note created a second ago may not be found yet; the
 * caller's step record is the first line of defence, this the second.
 */
async function findNote(client: PortalClient, target: DeliveryTarget): Promise<{ hubspotObjectId: string } | undefined> {
  const marker = cardMarker(target.cardId);
  const response = await client.call('notes.search', (sdk) => sdk.crm.objects.searchApi.doSearch('notes', {
    filterGroups: [{ filters: [{ propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN' as FilterOperatorEnum, value: marker }] }],
    properties: ['hs_note_body'], limit: 5,
  }), { kind: 'search' });
  const found = response.results.find((note) => (note.properties.hs_note_body ?? '').includes(marker));
  return found === undefined ? undefined : { hubspotObjectId: String(found.id) };
}

function recordFor(target: DeliveryTarget, preferred: RecordRef['objectType']): RecordRef | undefined {
  return target.records.find((record) => record.objectType === preferred);
}

/** A 409 on a create with our deterministic id means an earlier attempt already wrote it. */
async function createOnce(create: () => Promise<unknown>, id: string): Promise<{ hubspotObjectId: string }> {
  try {
    await create();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'hubspot.conflict') throw error;
  }
  return { hubspotObjectId: id };
}

async function publishTimelineEvent(client: PortalClient, card: Card, target: DeliveryTarget): Promise<{ hubspotObjectId: string }> {
  const templateId = target.delivery.eventTemplateId;
  if (templateId === undefined) throw new AppError('delivery.misconfigured', 'the timeline-v3 channel needs an event template id (npm run provision)', { status: 422, retryable: false });
  // TIMELINE_EVENT_TEMPLATE (what `npm run provision` creates) is a contacts template.
  const contact = recordFor(target, 'contact');
  if (contact === undefined) throw noTarget(target, 'contact');
  const { tokens, extraData } = renderTimelineEvent(card);
  return createOnce(() => client.call('timeline.events.create', (sdk) => sdk.crm.timeline.eventsApi.create({
    eventTemplateId: templateId, id: target.cardId, objectId: contact.id, tokens, extraData, timestamp: new Date(target.now),
  })), target.cardId);
}

async function findTimelineEvent(client: PortalClient, target: DeliveryTarget): Promise<{ hubspotObjectId: string } | undefined> {
  const templateId = target.delivery.eventTemplateId;
  if (templateId === undefined) return undefined;
  try {
    await client.call('timeline.events.getById', (sdk) => sdk.crm.timeline.eventsApi.getById(templateId, target.cardId));
    return { hubspotObjectId: target.cardId };
  } catch (error) {
    if (error instanceof AppError && error.code === 'hubspot.not-found') return undefined;
    throw error;
  }
}

/** The record type an app event type targets, read from its name (`…_contacts`), contacts by default. */
function appEventTarget(target: DeliveryTarget, eventTypeName: string): RecordRef | undefined {
  const suffix = /_(contacts|companies|deals|tickets)$/.exec(eventTypeName)?.[1];
  const type = ({ contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket' } as const)[suffix as 'contacts'] ?? 'contact';
  return recordFor(target, type);
}

async function publishAppEvent(client: PortalClient, card: Card, target: DeliveryTarget): Promise<{ hubspotObjectId: string }> {
  const eventTypeName = target.delivery.eventTypeName;
  if (eventTypeName === undefined) throw new AppError('delivery.misconfigured', 'the app-event channel needs an event type name', { status: 422, retryable: false });
  const record = appEventTarget(target, eventTypeName);
  if (record === undefined) throw noTarget(target, `record for ${eventTypeName}`);
  const body = { eventTypeName, id: target.cardId, objectId: record.id, timestamp: new Date(target.now).toISOString(), properties: renderAppEventProperties(card, { cardId: target.cardId }) };
  // SDK 14 has no app-event wrapper (REFERENCE.md §3.4): a raw request, errors shaped like the SDK's.
  return createOnce(() => client.call('appEvents.create', async (sdk) => readJson(await sdk.apiRequest({ method: 'POST', path: '/integrators/timeline/v4/events', body }))), target.cardId);
}

/** Turns a raw `Response` into its JSON, or throws an `ApiException`-shaped error the mapping understands. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    if (response.ok) throw new SyntaxError('HubSpot answered a body that is not JSON');
  }
  if (response.ok) return body;
  throw Object.assign(new Error(`HTTP ${response.status}`), { code: response.status, body, headers: response.headers });
}

async function readTaskBody(client: PortalClient, taskId: string): Promise<string> {
  const task = await client.call('tasks.getById', (sdk) => sdk.crm.objects.tasks.basicApi.getById(taskId, ['hs_task_body']));
  return task.properties.hs_task_body ?? '';
}

async function appendToTask(client: PortalClient, card: Card, target: DeliveryTarget): Promise<{ hubspotObjectId: string }> {
  const body = await readTaskBody(client, target.taskId);
  if (body.includes(cardMarker(target.cardId))) return { hubspotObjectId: target.taskId };
  await client.call('tasks.update', (sdk) => sdk.crm.objects.tasks.basicApi.update(target.taskId, { properties: { hs_task_body: body + renderTaskBodyHtml(card, target.cardId) } }));
  return { hubspotObjectId: target.taskId };
}

async function findInTask(client: PortalClient, target: DeliveryTarget): Promise<{ hubspotObjectId: string } | undefined> {
  const body = await readTaskBody(client, target.taskId);
  return body.includes(cardMarker(target.cardId)) ? { hubspotObjectId: target.taskId } : undefined;
}
