/**
 * Associations v4: batch read (`BatchResponsePublicAssociationMultiWithLabel`, 207 with errors
 * for inputs that have none) and the per-object page (`…ForwardPaging`, ≤ 500 per page).
 * https://developers.hubspot.com/docs/api-reference/crm-associations-v4/guide
 */
import { Router } from 'express';
import { z } from 'zod';
import { authOf } from './gateway.ts';
import { sendNotFound, sendValidation } from './hubspot-errors.ts';
import { resolveObjectType } from './object-types.ts';
import { associationsOf, findRecord, type AssociationEdge } from './portal.ts';
import { batchEnvelope } from './serialize.ts';
import type { SandboxState } from './state.ts';

const BatchSchema = z.object({
  inputs: z.array(z.object({ id: z.union([z.string(), z.number()]).transform(String), after: z.string().optional() })).max(1000),
});

const PAGE_LIMIT = 500;

function toWire(toId: string, edges: AssociationEdge[]) {
  return {
    toObjectId: Number(toId),
    associationTypes: edges.map((edge) => ({ category: edge.category, typeId: edge.typeId, label: edge.label })),
  };
}

function page<T>(items: T[], after: string | undefined, limit: number): { slice: T[]; next: string | undefined } {
  const offset = Number(after ?? 0) || 0;
  const end = offset + limit;
  return { slice: items.slice(offset, end), next: end < items.length ? String(end) : undefined };
}

export function createAssociationsRouter(state: SandboxState): Router {
  const router = Router();

  router.post('/crm/v4/associations/:fromType/:toType/batch/read', (req, res) => {
    const fromType = resolveObjectType(String(req.params.fromType));
    const toType = resolveObjectType(String(req.params.toType));
    if (!fromType || !toType) return sendNotFound(res, 'Unknown object type');
    const parsed = BatchSchema.safeParse(req.body);
    if (!parsed.success) return sendValidation(res, `Invalid input JSON: ${parsed.error.issues[0]?.message ?? ''}`);
    const { portal } = authOf(res);
    const startedAt = state.clock.now();
    const results = [];
    const errors = [];
    for (const input of parsed.data.inputs) {
      const linked = findRecord(portal, fromType, input.id) ? associationsOf(portal, fromType, input.id, toType) : [];
      if (linked.length === 0) {
        errors.push({
          status: 'error', category: 'OBJECT_NOT_FOUND', subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
          message: `No ${toType.replace(/s$/, '')} is associated with ${fromType.replace(/s$/, '')} ${input.id}.`,
          context: { fromObjectId: [input.id] }, errors: [],
        });
        continue;
      }
      const { slice, next } = page(linked, input.after, PAGE_LIMIT);
      results.push({
        from: { id: input.id },
        to: slice.map(({ toId, edges }) => toWire(toId, edges)),
        ...(next === undefined ? {} : { paging: { next: { after: next } } }),
      });
    }
    const { status, body } = batchEnvelope(results, startedAt, state.clock.now(), errors);
    res.status(status).json(body);
  });

  router.get('/crm/v4/objects/:fromType/:objectId/associations/:toType', (req, res) => {
    const fromType = resolveObjectType(String(req.params.fromType));
    const toType = resolveObjectType(String(req.params.toType));
    if (!fromType || !toType) return sendNotFound(res, 'Unknown object type');
    const { portal } = authOf(res);
    const id = String(req.params.objectId);
    if (!findRecord(portal, fromType, id)) return sendNotFound(res);
    const limit = Math.min(Number(req.query.limit ?? PAGE_LIMIT) || PAGE_LIMIT, PAGE_LIMIT);
    const { slice, next } = page(associationsOf(portal, fromType, id, toType), req.query.after as string | undefined, limit);
    res.json({
      results: slice.map(({ toId, edges }) => toWire(toId, edges)),
      ...(next === undefined ? {} : { paging: { next: { after: next, link: `?after=${next}` } } }),
    });
  });

  return router;
}
