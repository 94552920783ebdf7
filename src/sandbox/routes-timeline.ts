/**
 * Timeline events v3 (create → 201, batch create → 201/207, get) with OAuth, and app events
 * v4 (`POST /integrators/timeline/v4/events`). Templates are managed by a separate router
 * guarded by the developer API key. Events are immutable; a repeated `id` is a 409 (v3 per template, v4 per event type).
 * https://developers.hubspot.com/docs/api-reference/crm-timeline-v3/guide
 */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { authOf } from './gateway.ts';
import { sendError, sendNotFound, sendValidation } from './hubspot-errors.ts';
import { resolveObjectType } from './object-types.ts';
import { findRecord, type Portal, type StoredTimelineEvent } from './portal.ts';
import type { SandboxState } from './state.ts';

export const TimelineEventSchema = z.object({
  eventTemplateId: z.string().min(1),
  id: z.string().optional(),
  objectId: z.string().optional(),
  email: z.string().optional(),
  utk: z.string().optional(),
  domain: z.string().optional(),
  tokens: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)),
  extraData: z.unknown().optional(),
  timelineIFrame: z.object({ linkLabel: z.string(), headerLabel: z.string(), url: z.string(), width: z.number(), height: z.number() }).optional(),
  timestamp: z.string().optional(),
});

const AppEventSchema = z.object({
  eventTypeName: z.string().min(1),
  objectId: z.union([z.string(), z.number()]).transform(String),
  id: z.string().optional(),
  timestamp: z.string().optional(),
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).default({}),
});

type Outcome = { ok: true; event: StoredTimelineEvent } | { ok: false; status: number; message: string };

/** Validates and stores one v3 event the way HubSpot does: template, target object, declared tokens, unique id. */
function storeV3(state: SandboxState, portal: Portal, input: z.infer<typeof TimelineEventSchema>): Outcome {
  const template = state.templates.get(input.eventTemplateId);
  if (!template) return { ok: false, status: 404, message: `Event template ${input.eventTemplateId} not found` };
  const type = resolveObjectType(template.objectType);
  const objectId = input.objectId ?? (type === 'contacts' && input.email
    ? [...(portal.records.get('contacts')?.values() ?? [])].find((c) => c.properties.email === input.email)?.id
    : undefined);
  if (!type || objectId === undefined || !findRecord(portal, type, objectId)) {
    return { ok: false, status: 400, message: `Could not find a ${template.objectType} record for this event (objectId ${input.objectId ?? 'missing'})` };
  }
  const declared = new Set(template.tokens.map((t) => t.name));
  const undeclared = Object.keys(input.tokens).filter((name) => !declared.has(name));
  if (undeclared.length > 0) return { ok: false, status: 400, message: `Tokens not defined on template ${template.id}: ${undeclared.join(', ')}` };
  const id = input.id ?? randomUUID();
  if (portal.timeline.some((e) => e.kind === 'timeline-v3' && e.eventTemplateId === template.id && e.id === id)) {
    return { ok: false, status: 409, message: `An event with id ${id} already exists for template ${template.id}` };
  }
  const now = new Date(state.clock.now()).toISOString();
  const event: StoredTimelineEvent = {
    kind: 'timeline-v3', portalId: portal.portalId, id, eventTemplateId: template.id, objectType: template.objectType,
    objectId, tokens: input.tokens, extraData: input.extraData, timestamp: input.timestamp ?? now, createdAt: now,
  };
  portal.timeline.push(event);
  return { ok: true, event };
}

function toResponse(event: StoredTimelineEvent, input?: z.infer<typeof TimelineEventSchema>) {
  return {
    id: event.id, eventTemplateId: event.eventTemplateId, objectType: event.objectType, objectId: event.objectId,
    tokens: event.tokens, extraData: event.extraData, timestamp: event.timestamp, createdAt: event.createdAt,
    ...(input?.timelineIFrame ? { timelineIFrame: input.timelineIFrame } : {}),
    ...(input?.email ? { email: input.email } : {}),
  };
}

export function createTimelineRouter(state: SandboxState): Router {
  const router = Router();

  router.post('/integrators/timeline/v3/events', (req, res) => {
    const parsed = TimelineEventSchema.safeParse(req.body);
    if (!parsed.success) return sendValidation(res, `Invalid input JSON: ${parsed.error.issues[0]?.message ?? ''}`);
    const outcome = storeV3(state, authOf(res).portal, parsed.data);
    if (!outcome.ok) return sendError(res, outcome.status, outcome.status === 409 ? 'CONFLICT' : outcome.status === 404 ? 'OBJECT_NOT_FOUND' : 'VALIDATION_ERROR', outcome.message);
    res.status(201).json(toResponse(outcome.event, parsed.data));
  });

  router.post('/integrators/timeline/v3/events/batch/create', (req, res) => {
    const parsed = z.object({ inputs: z.array(TimelineEventSchema).min(1).max(100) }).safeParse(req.body);
    if (!parsed.success) return sendValidation(res, `Invalid input JSON: ${parsed.error.issues[0]?.message ?? ''}`);
    const startedAt = new Date(state.clock.now()).toISOString();
    const results = [];
    const errors = [];
    for (const input of parsed.data.inputs) {
      const outcome = storeV3(state, authOf(res).portal, input);
      if (outcome.ok) results.push(toResponse(outcome.event, input));
      else errors.push({ status: 'error', category: outcome.status === 409 ? 'CONFLICT' : 'VALIDATION_ERROR', message: outcome.message, context: { id: [input.id ?? ''] }, errors: [] });
    }
    const body = { status: 'COMPLETE', results, startedAt, completedAt: new Date(state.clock.now()).toISOString() };
    if (errors.length === 0) return void res.status(201).json(body);
    res.status(207).json({ ...body, numErrors: errors.length, errors });
  });

  router.get('/integrators/timeline/v3/events/:eventTemplateId/:eventId', (req, res) => {
    const event = authOf(res).portal.timeline.find((e) => e.kind === 'timeline-v3' && e.eventTemplateId === req.params.eventTemplateId && e.id === req.params.eventId);
    if (!event) return sendNotFound(res);
    res.json(toResponse(event));
  });

  router.post('/integrators/timeline/v4/events', (req, res) => {
    const { portal, token } = authOf(res);
    if (!token.scopes.includes('timeline')) return sendError(res, 403, 'MISSING_SCOPES', 'This app hasn\'t been granted all required scopes to make this call.');
    const parsed = AppEventSchema.safeParse(req.body);
    if (!parsed.success) return sendValidation(res, `Invalid input JSON: ${parsed.error.issues[0]?.message ?? ''}`);
    const objectType = state.appEventTypes.get(parsed.data.eventTypeName);
    if (!objectType) return sendValidation(res, `Unknown eventTypeName ${parsed.data.eventTypeName}`);
    const type = resolveObjectType(objectType);
    if (!type || !findRecord(portal, type, parsed.data.objectId)) return sendValidation(res, `Object ${parsed.data.objectId} not found for ${objectType}`);
    if (parsed.data.id !== undefined && portal.timeline.some((e) => e.kind === 'app-event' && e.eventTypeName === parsed.data.eventTypeName && e.id === parsed.data.id)) {
      return sendError(res, 409, 'CONFLICT', `An event with id ${parsed.data.id} already exists for ${parsed.data.eventTypeName}`);
    }
    const now = new Date(state.clock.now()).toISOString();
    const event: StoredTimelineEvent = {
      kind: 'app-event', portalId: portal.portalId, id: parsed.data.id ?? randomUUID(), eventTypeName: parsed.data.eventTypeName,
      objectType, objectId: parsed.data.objectId, tokens: parsed.data.properties, timestamp: parsed.data.timestamp ?? now, createdAt: now,
    };
    portal.timeline.push(event);
    res.status(201).json({ id: event.id, eventTypeName: event.eventTypeName, objectId: event.objectId, objectType, properties: event.tokens, timestamp: event.timestamp });
  });

  return router;
}
