/**
 * The demo as a rep sees it (issue 16), server-rendered under a strict CSP: `GET /` lists the
 * demo portal's contacts, `GET /contacts/{portalId}/record/0-1/{contactId}` is a contact record
 * (HubSpot's own URL shape) with its timeline; `…/timeline` and `/contacts/{portalId}/objects/0-1/fragment`
 * are the fragments the pages poll, and
 * `POST …/tasks` creates a task as a rep would (webhooks fire, the service answers with a card).
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { createTask } from '../create-task.ts';
import { findRecord, associationsOf, type Portal } from '../portal.ts';
import type { SandboxState } from '../state.ts';
import type { ChangeListener } from '../writes.ts';
import { WriteRejected } from '../writes.ts';
import { DEMO_CSS, TIMELINE_JS } from './assets.ts';
import { contactRecord, listContacts } from './contact-view.ts';
import { renderContactList, renderContactRecord, renderContactTable, renderNotFound, renderTimeline, recordPath } from './render-pages.ts';
import { createTemplateRenderer } from './render-template.ts';

/** Same-origin script, style and fetches only: no inline code or style, no plugins, no framing, forms post here only. */
export const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const NewTaskFormSchema = z.object({
  subject: z.string().trim().min(1, 'the task needs a title').max(500),
  type: z.enum(['TODO', 'CALL', 'EMAIL']).default('TODO'),
});

function secureHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy': PAGE_CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store', 'Cross-Origin-Opener-Policy': 'same-origin', 'X-Frame-Options': 'DENY',
  });
  next();
}

/** A form post from another site (what a CSRF attempt looks like) is refused; the browser's own headers say where it came from. */
function sameOrigin(req: Request): boolean {
  if (req.get('sec-fetch-site') === 'cross-site') return false;
  const origin = req.get('origin');
  return origin === undefined || origin === `${req.protocol}://${req.get('host') ?? ''}`;
}

export function createPagesRouter(state: SandboxState, onChange: ChangeListener): Router {
  const router = Router();
  const renderer = createTemplateRenderer();
  const page = (res: Response, status: number, body: string): void => { res.status(status).type('html').send(body); };
  const load = (req: Request): { portal: Portal | undefined; view: ReturnType<typeof contactRecord> } => {
    const portal = state.portals.get(Number(req.params.portalId));
    return { portal, view: portal ? contactRecord(portal, String(req.params.contactId)) : undefined };
  };

  router.get('/__sandbox/assets/timeline.js', (_req, res) => { res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' }).type('text/javascript').send(TIMELINE_JS); });
  router.get('/__sandbox/assets/demo.css', (_req, res) => { res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' }).type('text/css').send(DEMO_CSS); });

  router.get('/', secureHeaders, (_req, res) => {
    const portal = state.portals.get(state.defaultPortalId);
    if (!portal) return page(res, 404, renderNotFound(undefined, 'The sandbox has no demo portal.'));
    page(res, 200, renderContactList(portal, listContacts(portal)));
  });

  router.get('/contacts/:portalId/objects/0-1/fragment', secureHeaders, (req, res) => {
    const portal = state.portals.get(Number(req.params.portalId));
    if (!portal) return page(res, 404, renderNotFound(undefined, 'No such portal.'));
    page(res, 200, renderContactTable(portal, listContacts(portal)).value);
  });

  const record = '/contacts/:portalId/record/0-1/:contactId';
  router.get(record, secureHeaders, (req, res) => {
    const { portal, view } = load(req);
    if (!portal || !view) return page(res, 404, renderNotFound(portal, `No contact ${String(req.params.contactId)} in portal ${String(req.params.portalId)}.`));
    page(res, 200, renderContactRecord(state, renderer, portal, view));
  });

  router.get(`${record}/timeline`, secureHeaders, (req, res) => {
    const { portal, view } = load(req);
    if (!portal || !view) return page(res, 404, renderNotFound(portal, 'No such contact.'));
    page(res, 200, renderTimeline(state, renderer, view.timeline).value);
  });

  router.post(`${record}/tasks`, secureHeaders, express.urlencoded({ extended: false, limit: '16kb' }), (req, res) => {
    const wantsJson = (req.get('accept') ?? '').includes('application/json');
    const answer = (status: number, message: string): void => {
      if (wantsJson) return void res.status(status).json({ message });
      page(res, status, renderNotFound(portal, message));
    };
    const { portal, view } = load(req);
    if (!sameOrigin(req)) return answer(403, 'Tasks are created from the sandbox\'s own pages only.');
    if (!portal || !view) return answer(404, 'No such contact.');
    const parsed = NewTaskFormSchema.safeParse(req.body ?? {});
    if (!parsed.success) return answer(400, parsed.error.issues.map((issue) => issue.message).join('; '));
    // As HubSpot's task form does: the task goes on the contact and its primary company.
    const companyIds = view.company ? [view.company.id] : [];
    const openDeal = associationsOf(portal, 'contacts', view.contact.id, 'deals').find(({ toId }) => findRecord(portal, 'deals', toId)?.properties.hs_is_closed !== 'true');
    try {
      const task = createTask(portal, {
        subject: parsed.data.subject, type: parsed.data.type, contactIds: [view.contact.id], companyIds, dealIds: openDeal ? [openDeal.toId] : [],
        ownerId: view.contact.properties.hubspot_owner_id ?? undefined, source: 'rep',
      }, state.clock.now(), onChange);
      if (wantsJson) return void res.status(201).json({ id: task.id });
      res.redirect(303, `${recordPath(portal.portalId, view.contact.id)}#timeline`);
    } catch (error) {
      if (!(error instanceof WriteRejected)) throw error;
      answer(400, error.message);
    }
  });

  return router;
}
