/**
 * Inspection and control under `/__sandbox/` (the production service never exposes these):
 * create or change tasks as a rep, sequence or workflow would (which fires webhooks), read what
 * the app delivered (notes, timeline events), the request log, faults, portals and reset.
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { createFaultRule, FaultInputSchema } from './faults.ts';
import { sendNotFound, sendValidation } from './hubspot-errors.ts';
import { associationsOf, findRecord, recordsOf, type CrmRecord, type Portal } from './portal.ts';
import type { SandboxState } from './state.ts';
import type { WebhookDispatcher } from './webhooks.ts';
import { createTask, originOf as origin } from './create-task.ts';
import { archiveObject, patchObject, WriteRejected } from './writes.ts';

const id = z.union([z.string(), z.number()]).transform(String);

const CreateTaskSchema = z.object({
  subject: z.string().min(1),
  body: z.string().optional(),
  type: z.enum(['TODO', 'CALL', 'EMAIL', 'LINKED_IN', 'MEETING']).default('TODO'),
  contactIds: z.array(id).default([]),
  companyIds: z.array(id).default([]),
  dealIds: z.array(id).default([]),
  ownerId: id.optional(),
  source: z.enum(['rep', 'sequence', 'workflow', 'api']).default('rep'),
  portalId: z.number().int().optional(),
  dueAt: z.string().optional(),
});

const ChangeTaskSchema = z.object({ subject: z.string().optional(), body: z.string().optional(), status: z.string().optional(), portalId: z.number().int().optional() });

export interface ControlHooks {
  dispatcher: WebhookDispatcher;
  reset(): void;
  addPortal(portalId: number | undefined, accessToken: string | undefined, seed: boolean): { portalId: number; accessToken: string };
  groundTruth(portalId: number): unknown;
}

function portalOf(state: SandboxState, req: Request): Portal | undefined {
  const raw = (req.query.portalId ?? (req.body as { portalId?: unknown } | undefined)?.portalId) as unknown;
  return state.portals.get(raw === undefined ? state.defaultPortalId : Number(raw));
}

function taskView(portal: Portal, task: CrmRecord) {
  const linked = (type: 'contacts' | 'companies' | 'deals' | 'tickets') => associationsOf(portal, 'tasks', task.id, type).map((a) => a.toId);
  return { id: task.id, portalId: portal.portalId, archived: task.archived, properties: task.properties, associations: { contacts: linked('contacts'), companies: linked('companies'), deals: linked('deals'), tickets: linked('tickets') } };
}

export function createControlRouter(state: SandboxState, hooks: ControlHooks): Router {
  const router = Router();
  const now = (): number => state.clock.now();

  router.post('/__sandbox/tasks', (req, res) => {
    const parsed = CreateTaskSchema.safeParse(req.body);
    const portal = portalOf(state, req);
    if (!parsed.success) return sendValidation(res, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    if (!portal) return sendNotFound(res, 'unknown portal');
    try {
      const task = createTask(portal, parsed.data, now(), hooks.dispatcher.onChange);
      res.status(201).json(taskView(portal, task));
    } catch (error) {
      if (!(error instanceof WriteRejected)) throw error;
      sendValidation(res, error.message);
    }
  });

  router.get('/__sandbox/tasks', (req, res) => {
    const portal = portalOf(state, req);
    if (!portal) return sendNotFound(res, 'unknown portal');
    res.json({ results: [...recordsOf(portal, 'tasks').values()].map((task) => taskView(portal, task)) });
  });

  router.patch('/__sandbox/tasks/:taskId', (req, res) => {
    const parsed = ChangeTaskSchema.safeParse(req.body);
    const portal = portalOf(state, req);
    const task = portal && findRecord(portal, 'tasks', String(req.params.taskId));
    if (!parsed.success) return sendValidation(res, parsed.error.message);
    if (!portal || !task) return sendNotFound(res);
    const changes: Record<string, string> = {};
    if (parsed.data.subject !== undefined) changes.hs_task_subject = parsed.data.subject;
    if (parsed.data.body !== undefined) changes.hs_task_body = parsed.data.body;
    if (parsed.data.status !== undefined) changes.hs_task_status = parsed.data.status;
    patchObject(portal, task, changes, now(), origin('rep'), hooks.dispatcher.onChange);
    res.json(taskView(portal, task));
  });

  router.post('/__sandbox/tasks/:taskId/complete', (req, res) => {
    const portal = portalOf(state, req);
    const task = portal && findRecord(portal, 'tasks', String(req.params.taskId));
    if (!portal || !task) return sendNotFound(res);
    patchObject(portal, task, { hs_task_status: 'COMPLETED', hs_task_completion_date: new Date(now()).toISOString(), hs_task_is_completed: '1' }, now(), origin('rep'), hooks.dispatcher.onChange);
    res.json(taskView(portal, task));
  });

  router.delete('/__sandbox/tasks/:taskId', (req, res) => {
    const portal = portalOf(state, req);
    const task = portal && findRecord(portal, 'tasks', String(req.params.taskId));
    if (!portal || !task) return sendNotFound(res);
    archiveObject(task, now());
    res.status(204).end();
  });

  router.get('/__sandbox/notes', (req, res) => {
    const portals = req.query.portalId === undefined ? [...state.portals.values()] : [portalOf(state, req)].filter((p) => p !== undefined);
    const objectId = req.query.objectId === undefined ? undefined : String(req.query.objectId);
    const results = portals.flatMap((portal) => [...recordsOf(portal, 'notes').values()]
      .filter((note) => note.properties.hs_object_source === 'INTEGRATION')
      .map((note) => ({
        id: note.id, portalId: portal.portalId, body: note.properties.hs_note_body ?? '', timestamp: note.properties.hs_timestamp, createdAt: new Date(note.createdAt).toISOString(),
        associations: (portal.associations.get(`notes:${note.id}`) ?? []).map((e) => ({ toObjectType: e.toType, toObjectId: e.toId, associationTypeId: e.typeId })),
      }))
      .filter((note) => objectId === undefined || note.associations.some((a) => a.toObjectId === objectId)));
    res.json({ results });
  });

  router.get('/__sandbox/timeline-events', (req, res) => {
    const portals = req.query.portalId === undefined ? [...state.portals.values()] : [portalOf(state, req)].filter((p) => p !== undefined);
    res.json({ results: portals.flatMap((p) => p.timeline) });
  });

  router.get('/__sandbox/requests', (_req, res) => { res.json({ ...state.requests.snapshot(), log: state.requests.entries() }); });
  router.delete('/__sandbox/requests', (_req, res) => { state.requests.clear(); res.status(204).end(); });

  router.get('/__sandbox/faults', (_req, res) => { res.json({ results: state.faults.map(({ pattern: _p, ...rule }) => rule) }); });
  router.post('/__sandbox/faults', (req, res) => {
    const parsed = FaultInputSchema.safeParse(req.body);
    if (!parsed.success) return sendValidation(res, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const rule = createFaultRule(parsed.data);
    state.faults.push(rule);
    res.status(201).json({ id: rule.id });
  });
  router.delete('/__sandbox/faults', (_req, res) => { state.faults = []; res.status(204).end(); });

  router.get('/__sandbox/webhooks', (_req, res) => { res.json({ results: hooks.dispatcher.attempts() }); });
  router.post('/__sandbox/webhooks/replay-seed', (req, res) => {
    const portal = portalOf(state, req);
    if (!portal) return sendNotFound(res, 'unknown portal');
    const tasks = [...recordsOf(portal, 'tasks').values()].filter((t) => !t.archived);
    for (const task of tasks) hooks.dispatcher.onChange(portal, task, { kind: 'creation' }, origin('rep'));
    res.json({ events: tasks.length });
  });

  router.get('/__sandbox/ground-truth', (req, res) => { res.json(hooks.groundTruth(portalOf(state, req)?.portalId ?? state.defaultPortalId)); });

  router.post('/__sandbox/portals', (req, res) => {
    const body = z.object({ portalId: z.number().int().optional(), accessToken: z.string().optional(), seed: z.boolean().default(false) }).safeParse(req.body ?? {});
    if (!body.success) return sendValidation(res, body.error.message);
    res.status(201).json(hooks.addPortal(body.data.portalId, body.data.accessToken, body.data.seed));
  });

  router.post('/__sandbox/portals/:portalId/uninstall', (req, res) => {
    const portalId = Number(req.params.portalId);
    for (const token of state.tokens.values()) if (token.portalId === portalId) token.revoked = true;
    for (const refresh of state.refreshTokens.values()) if (refresh.portalId === portalId) refresh.revoked = true;
    res.status(204).end();
  });

  router.post('/__sandbox/reset', (_req, res) => { hooks.reset(); res.status(204).end(); });

  return router;
}
