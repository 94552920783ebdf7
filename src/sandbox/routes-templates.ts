/**
 * Timeline v3 event templates, guarded by the developer API key (`?hapikey=`), as HubSpot
 * guards them: create (201), list, get, update, archive (204).
 * https://developers.hubspot.com/docs/api-reference/crm-timeline-v3/templates/post-integrators-timeline-v3-appId-event-templates
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { sendError, sendNotFound, sendValidation } from './hubspot-errors.ts';
import type { SandboxState, TimelineTemplate } from './state.ts';

const TokenSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9._-]+$/).refine((n) => n !== 'log' && n !== 'lookup', 'reserved token name'),
  label: z.string(),
  type: z.enum(['string', 'number', 'date', 'enumeration']),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  objectPropertyName: z.string().optional(),
});

const TemplateSchema = z.object({
  name: z.string().min(1),
  objectType: z.enum(['contacts', 'companies', 'deals', 'tickets']),
  headerTemplate: z.string().optional(),
  detailTemplate: z.string().optional(),
  tokens: z.array(TokenSchema).default([]),
});

export function createTemplatesRouter(state: SandboxState): Router {
  const router = Router();
  const base = '/integrators/timeline/v3/:appId/event-templates';

  function requireDeveloperKey(req: Request, res: Response, next: NextFunction): void {
    if (req.query.hapikey !== state.app.developerApiKey) {
      return sendError(res, 401, 'INVALID_AUTHENTICATION', 'The developer API key provided is invalid. View or manage your API key here: https://app.hubspot.com/l/api-key/');
    }
    if (Number(req.params.appId) !== state.app.appId) return sendNotFound(res, `App ${String(req.params.appId)} not found`);
    next();
  }

  const find = (req: Request): TimelineTemplate | undefined => state.templates.get(String(req.params.templateId));

  router.post(base, requireDeveloperKey, (req, res) => {
    const parsed = TemplateSchema.safeParse(req.body);
    if (!parsed.success) return sendValidation(res, `Invalid input JSON: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    const now = new Date(state.clock.now()).toISOString();
    const template = stripUndefined({ ...parsed.data, id: String(state.nextTemplateId++), createdAt: now, updatedAt: now }) as TimelineTemplate;
    state.templates.set(template.id, template);
    res.status(201).json(template);
  });

  router.get(base, requireDeveloperKey, (_req, res) => {
    res.json({ results: [...state.templates.values()] });
  });

  router.get(`${base}/:templateId`, requireDeveloperKey, (req, res) => {
    const template = find(req);
    if (!template) return sendNotFound(res);
    res.json(template);
  });

  router.put(`${base}/:templateId`, requireDeveloperKey, (req, res) => {
    const template = find(req);
    if (!template) return sendNotFound(res);
    const parsed = TemplateSchema.omit({ objectType: true }).extend({ id: z.string().optional() }).safeParse(req.body);
    if (!parsed.success) return sendValidation(res, `Invalid input JSON: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    const { id: _ignored, ...changes } = parsed.data;
    const updated = stripUndefined({ ...template, ...changes, updatedAt: new Date(state.clock.now()).toISOString() }) as TimelineTemplate;
    state.templates.set(template.id, updated);
    res.json(updated);
  });

  router.delete(`${base}/:templateId`, requireDeveloperKey, (req, res) => {
    if (!find(req)) return sendNotFound(res);
    state.templates.delete(String(req.params.templateId));
    res.status(204).end();
  });

  return router;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
