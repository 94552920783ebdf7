/**
 * CRM objects v3: get by id (with `properties` and `associations`), list, create (201),
 * update, archive, batch read (200/207) and search, for every object type the sandbox holds.
 * https://developers.hubspot.com/docs/api-reference/crm-tasks-v3/guide
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { authOf } from './gateway.ts';
import { sendNotFound, sendValidation } from './hubspot-errors.ts';
import { resolveObjectType, type ObjectType } from './object-types.ts';
import { findRecord, recordsOf } from './portal.ts';
import { runSearch, SearchRequestSchema } from './search.ts';
import { batchEnvelope, listParam, toApiObject, withAssociations } from './serialize.ts';
import type { SandboxState } from './state.ts';
import { archiveObject, createObject, patchObject, WriteRejected, type ChangeListener, type ChangeOrigin } from './writes.ts';

const BatchReadSchema = z.object({
  inputs: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String) })).max(100),
  properties: z.array(z.string()).default([]),
  propertiesWithHistory: z.array(z.string()).default([]),
  idProperty: z.string().optional(),
});

const WriteSchema = z.object({
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]).transform((v) => (v === null ? null : String(v)))),
  associations: z.array(z.object({
    to: z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
    types: z.array(z.object({ associationCategory: z.string(), associationTypeId: z.number().int() })),
  })).default([]),
});

function typeOf(req: Request, res: Response): ObjectType | undefined {
  const type = resolveObjectType(String(req.params.objectType));
  if (!type) sendNotFound(res, `Unable to infer object type from: ${String(req.params.objectType)}`);
  return type;
}

function zodMessage(error: z.ZodError): string {
  return `Invalid input JSON: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
}

/** The app's own writes arrive as integration changes, which HubSpot also reports by webhook. */
function integrationOrigin(state: SandboxState): ChangeOrigin {
  return { changeSource: 'INTEGRATION', sourceId: String(state.app.appId) };
}

export function createCrmRouter(state: SandboxState, onChange: ChangeListener): Router {
  const router = Router();
  const now = (): number => state.clock.now();

  router.post('/crm/v3/objects/:objectType/batch/read', (req, res) => {
    const type = typeOf(req, res);
    if (!type) return;
    const parsed = BatchReadSchema.safeParse(req.body);
    if (!parsed.success) return sendValidation(res, zodMessage(parsed.error));
    const { portal } = authOf(res);
    const startedAt = now();
    const found = parsed.data.inputs.map(({ id }) => ({ id, record: findRecord(portal, type, id) }));
    const missing = found.filter((f) => !f.record).map((f) => f.id);
    const results = found.flatMap((f) => (f.record ? [toApiObject(f.record, parsed.data.properties)] : []));
    const errors = missing.length === 0 ? [] : [{
      status: 'error', category: 'OBJECT_NOT_FOUND',
      message: `Could not get some ${type.replace(/s$/, '').toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
      context: { ids: missing }, errors: [],
    }];
    const { status, body } = batchEnvelope(results, startedAt, now(), errors);
    res.status(status).json(body);
  });

  router.post('/crm/v3/objects/:objectType/search', (req, res) => {
    const type = typeOf(req, res);
    if (!type) return;
    const parsed = SearchRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendValidation(res, zodMessage(parsed.error));
    let outcome;
    try {
      outcome = runSearch(recordsOf(authOf(res).portal, type).values(), parsed.data);
    } catch (error) {
      return sendValidation(res, (error as Error).message);
    }
    const body: Record<string, unknown> = { total: outcome.total, results: outcome.page.map((r) => toApiObject(r, parsed.data.properties)) };
    if (outcome.next !== undefined) body.paging = { next: { after: outcome.next } };
    res.json(body);
  });

  router.get('/crm/v3/objects/:objectType', (req, res) => {
    const type = typeOf(req, res);
    if (!type) return;
    const limit = Math.min(Number(req.query.limit ?? 10) || 10, 100);
    const after = Number(req.query.after ?? 0) || 0;
    const all = [...recordsOf(authOf(res).portal, type).values()].filter((r) => !r.archived);
    const page = all.slice(after, after + limit);
    const body: Record<string, unknown> = { results: page.map((r) => withAssociations(authOf(res).portal, r, toApiObject(r, listParam(req.query.properties)), listParam(req.query.associations))) };
    if (after + limit < all.length) body.paging = { next: { after: String(after + limit), link: `?after=${after + limit}` } };
    res.json(body);
  });

  router.get('/crm/v3/objects/:objectType/:objectId', (req, res) => {
    const type = typeOf(req, res);
    if (!type) return;
    const { portal } = authOf(res);
    const record = findRecord(portal, type, String(req.params.objectId));
    if (!record) return sendNotFound(res);
    res.json(withAssociations(portal, record, toApiObject(record, listParam(req.query.properties)), listParam(req.query.associations)));
  });

  router.post('/crm/v3/objects/:objectType', (req, res) => {
    const type = typeOf(req, res);
    if (!type) return;
    const parsed = WriteSchema.safeParse(req.body);
    if (!parsed.success) return sendValidation(res, zodMessage(parsed.error));
    try {
      // HubSpot stamps records an app creates with the app as their source.
      const properties = { ...parsed.data.properties, hs_object_source: 'INTEGRATION', hs_object_source_label: 'INTEGRATION', hs_object_source_id: String(state.app.appId) };
      const record = createObject(authOf(res).portal, type, properties, parsed.data.associations, now(), integrationOrigin(state), onChange);
      res.status(201).json(toApiObject(record, Object.keys(parsed.data.properties)));
    } catch (error) {
      if (!(error instanceof WriteRejected)) throw error;
      sendValidation(res, error.message, { errors: error.errors });
    }
  });

  router.patch('/crm/v3/objects/:objectType/:objectId', (req, res) => {
    const type = typeOf(req, res);
    if (!type) return;
    const parsed = WriteSchema.pick({ properties: true }).safeParse(req.body);
    if (!parsed.success) return sendValidation(res, zodMessage(parsed.error));
    const { portal } = authOf(res);
    const record = findRecord(portal, type, String(req.params.objectId));
    if (!record) return sendNotFound(res);
    try {
      patchObject(portal, record, parsed.data.properties, now(), integrationOrigin(state), onChange);
      res.json(toApiObject(record, Object.keys(parsed.data.properties)));
    } catch (error) {
      if (!(error instanceof WriteRejected)) throw error;
      sendValidation(res, error.message, { errors: error.errors });
    }
  });

  router.delete('/crm/v3/objects/:objectType/:objectId', (req, res) => {
    const type = typeOf(req, res);
    if (!type) return;
    const record = findRecord(authOf(res).portal, type, String(req.params.objectId));
    if (record) archiveObject(record, now());
    // HubSpot answers 204 whether or not the record existed.
    res.status(204).end();
  });

  return router;
}
