/**
 * Owners (`/crm/v3/owners`), pipelines with stages (`/crm/v3/pipelines/{deals|tickets}`) and
 * property definitions (`/crm/v3/properties/{objectType}`), in the SDK's model shapes.
 */
import { Router } from 'express';
import { authOf } from './gateway.ts';
import { sendNotFound } from './hubspot-errors.ts';
import { resolveObjectType } from './object-types.ts';
import type { Owner, PipelineDef, Portal } from './portal.ts';
import { propertyDefinitions } from './properties.ts';

/** Seeded metadata is dated at a fixed instant so repeated reads are byte-identical. */
const EPOCH = '2024-01-15T09:00:00.000Z';

function ownerWire(owner: Owner) {
  return {
    id: owner.id, email: owner.email, type: 'PERSON', firstName: owner.firstName, lastName: owner.lastName,
    userId: owner.userId, userIdIncludingInactive: owner.userId, createdAt: EPOCH, updatedAt: EPOCH, archived: false, teams: owner.teams,
  };
}

function pipelineWire(pipeline: PipelineDef) {
  return {
    id: pipeline.id, label: pipeline.label, displayOrder: pipeline.displayOrder, createdAt: EPOCH, updatedAt: EPOCH, archived: false,
    stages: pipeline.stages.map((stage) => ({
      id: stage.id, label: stage.label, displayOrder: stage.displayOrder, metadata: stage.metadata,
      createdAt: EPOCH, updatedAt: EPOCH, archived: false, writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
    })),
  };
}

function pipelinesOf(portal: Portal, objectType: string): PipelineDef[] | undefined {
  const type = resolveObjectType(objectType);
  if (type === 'deals') return portal.pipelines.deals;
  if (type === 'tickets') return portal.pipelines.tickets;
  return undefined;
}

export function createMetaRouter(): Router {
  const router = Router();

  router.get('/crm/v3/owners', (req, res) => {
    const { portal } = authOf(res);
    const email = typeof req.query.email === 'string' ? req.query.email.toLowerCase() : undefined;
    const matching = portal.owners.filter((o) => email === undefined || o.email.toLowerCase() === email);
    const limit = Math.min(Number(req.query.limit ?? 100) || 100, 500);
    const after = Number(req.query.after ?? 0) || 0;
    const body: Record<string, unknown> = { results: matching.slice(after, after + limit).map(ownerWire) };
    if (after + limit < matching.length) body.paging = { next: { after: String(after + limit), link: `?after=${after + limit}` } };
    res.json(body);
  });

  router.get('/crm/v3/owners/:ownerId', (req, res) => {
    const byUser = req.query.idProperty === 'userId';
    const owner = authOf(res).portal.owners.find((o) => (byUser ? String(o.userId) : o.id) === req.params.ownerId);
    if (!owner) return sendNotFound(res);
    res.json(ownerWire(owner));
  });

  router.get('/crm/v3/pipelines/:objectType', (req, res) => {
    const pipelines = pipelinesOf(authOf(res).portal, String(req.params.objectType));
    if (!pipelines) return sendNotFound(res, `Unable to infer object type from: ${String(req.params.objectType)}`);
    res.json({ results: pipelines.map(pipelineWire) });
  });

  router.get('/crm/v3/pipelines/:objectType/:pipelineId', (req, res) => {
    const pipeline = pipelinesOf(authOf(res).portal, String(req.params.objectType))?.find((p) => p.id === req.params.pipelineId);
    if (!pipeline) return sendNotFound(res);
    res.json(pipelineWire(pipeline));
  });

  router.get('/crm/v3/properties/:objectType', (req, res) => {
    const type = resolveObjectType(String(req.params.objectType));
    if (!type) return sendNotFound(res, `Unable to infer object type from: ${String(req.params.objectType)}`);
    res.json({ results: propertyDefinitions(type, authOf(res).portal.pipelines.deals) });
  });

  router.get('/crm/v3/properties/:objectType/:propertyName', (req, res) => {
    const type = resolveObjectType(String(req.params.objectType));
    const property = type && propertyDefinitions(type, authOf(res).portal.pipelines.deals).find((p) => p.name === req.params.propertyName);
    if (!property) return sendNotFound(res, `Property ${String(req.params.propertyName)} does not exist`);
    res.json(property);
  });

  return router;
}
