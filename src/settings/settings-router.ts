/**
 * The settings API (openapi.json): thin routes, each validating its input with a strict zod
 * schema and calling one function. The portal comes from `res.locals.caller` alone.
 */
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { DEFAULT_RULE_PACK, resolveRules } from '../rules/index.ts';
import { RuleIdSchema } from '../rules/rule-schema.ts';
import type { SqlDatabase } from '../store/sql-database.ts';
import { loadAnalytics } from './analytics.ts';
import { apiError, createApiErrorHandler, formatPath, invalidRequest, notFound, type Problem } from './api-errors.ts';
import { describeChanges } from './audit-changes.ts';
import { actorOf, callerOf, createAuthenticate, requireEditor, type RawBodyRequest } from './authenticate.ts';
import { PortalSettingsSchema, type PortalSettings } from './portal-settings.ts';
import { runPreview, type PreviewHubSpot } from './preview.ts';
import { listRecordCards, recordFeedback } from './record-cards.ts';
import { countRecognisedByRule } from './rule-counts.ts';
import { applyRulePatch, listApiRules, RulePatchSchema } from './rule-views.ts';
import { createPortalRateLimit, type PortalRateLimit } from './portal-rate-limit.ts';
import { clearedSessionCookie, type Sessions } from './sessions.ts';
import type { AdminIdentity, SettingsStore, StoredSettings } from './settings-store.ts';
import type { PortalUninstaller } from './uninstall.ts';
import { applySettingsValues, mergeSettingsPatch, SettingsPatchSchema, SettingsUpdateSchema, toSettingsValues } from './settings-values.ts';

export interface SettingsApiDeps {
  db: SqlDatabase;
  store: SettingsStore;
  sessions: Sessions;
  clock: Clock;
  log: Logger;
  config: { publicBaseUrl: string; demo: boolean; hubspot: { clientSecrets: readonly string[] } };
  /** Per-portal request limit; 300 a minute when absent. */
  rateLimit?: PortalRateLimit;
  /** HubSpot for the preview (the pipeline's clients, once wired); stored events when absent. */
  preview?: () => PreviewHubSpot | undefined;
  /** HubSpot's app uninstall + the purge; `DELETE /api/v1/install` answers 409 when absent (no OAuth install to remove). */
  uninstaller?: PortalUninstaller;
}

const DaysSchema = z.object({ days: z.enum(['7', '30']).default('7') }).strict();
const AuditQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), cursor: z.string().regex(/^[0-9]{1,19}$/).optional() }).strict();
const CardsQuerySchema = z.object({ objectType: z.enum(['contact', 'company', 'deal']), objectId: z.string().regex(/^[1-9][0-9]{0,19}$/), limit: z.coerce.number().int().min(1).max(20).default(5) }).strict();
const CardIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const FeedbackSchema = z.object({ reaction: z.enum(['helpful', 'not-helpful', 'snooze']), snoozeDays: z.number().int().min(1).max(365).optional() }).strict()
  .refine((input) => input.reaction === 'snooze' || input.snoozeDays === undefined, { message: 'snoozeDays only goes with the snooze reaction.', path: ['snoozeDays'] });
const PreviewSchema = z.object({
  days: z.number().int().min(1).max(30).default(7),
  settings: SettingsPatchSchema.optional(),
  rules: z.array(z.object({ ruleId: RuleIdSchema }).passthrough()).max(100).optional(),
}).strict();

const AdminEntrySchema = z.object({
  userId: z.string().regex(/^[1-9][0-9]{0,19}$/, 'A HubSpot user id is digits only.').optional(),
  email: z.email('This is not an email address.').max(254).optional(),
}).strict().refine((entry) => entry.userId !== undefined || entry.email !== undefined, { message: 'Give a HubSpot user id, an email, or both.' });
const AdminsUpdateSchema = z.object({ admins: z.array(AdminEntrySchema).min(1).max(50) }).strict();
const UninstallSchema = z.object({ confirm: z.string().max(32) }).strict();

/** Query parameters HubSpot appends to signed requests; they name the caller, never the target. */
const SIGNED_PARAMS = ['portalId', 'userId', 'userEmail', 'appId'];

function query(req: Request): Record<string, unknown> {
  return Object.fromEntries(Object.entries(req.query).filter(([key]) => !SIGNED_PARAMS.includes(key)));
}

/**
 * RELIABILITY.md row 33: NUL and unpaired surrogates (valid in JSON as `\u0000`, `\ud800`) cannot
 * be stored in PostgreSQL text or jsonb; they are refused with 400 wherever they appear, naming the field.
 */
function unstorableText(value: unknown, path: (string | number)[] = []): Problem[] {
  if (typeof value === 'string') {
    return value.isWellFormed() && !value.includes('\u0000') ? []
      : [{ path: formatPath(path), code: 'invalid_format', message: `${formatPath(path) || 'The request'} holds a NUL or an unpaired surrogate character, which cannot be stored.` }];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableText(item, [...path, index]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => unstorableText(key, path).length > 0 ? unstorableText(key, path) : unstorableText(item, [...path, key]));
  return [];
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what?: string): T {
  const unstorable = unstorableText(value);
  if (unstorable.length > 0) throw apiError(400, 'invalid_request', `${what ?? 'The request was not accepted'}: ${unstorable.length} problem${unstorable.length === 1 ? '' : 's'} to fix.`, unstorable.slice(0, 20));
  const result = schema.safeParse(value);
  if (!result.success) throw invalidRequest(result.error, what);
  return result.data;
}

function settingsBody(portalId: string, stored: StoredSettings) {
  return { ...toSettingsValues(stored.settings), portalId: Number(portalId), version: stored.version, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy };
}

function ruleNames(settings: PortalSettings): Map<string, string> {
  return new Map(resolveRules(DEFAULT_RULE_PACK, settings.rules).rules.map((rule) => [rule.id, rule.name]));
}

export function createSettingsApiRouter(deps: SettingsApiDeps): express.Router {
  const { db, store, clock } = deps;
  const router = express.Router();
  router.use('/api/v1', express.json({ limit: '100kb', verify: (req, _res, buf) => { (req as RawBodyRequest).rawBody = Buffer.from(buf); } }));
  router.use('/api/v1', createAuthenticate({ publicBaseUrl: deps.config.publicBaseUrl, clientSecrets: deps.config.hubspot.clientSecrets, sessions: deps.sessions, store, clock, rateLimit: deps.rateLimit ?? createPortalRateLimit(clock) }));

  router.get('/api/v1/me', (_req, res) => {
    const caller = callerOf(res);
    res.json({
      portalId: Number(caller.portalId), user: { id: caller.userId, ...(caller.email !== undefined && { email: caller.email }) },
      canEdit: caller.canEdit, authenticatedBy: caller.authenticatedBy, demo: deps.config.demo,
      ...(caller.session && { csrfToken: caller.session.csrfToken }),
    });
  });

  router.get('/api/v1/settings', async (_req, res) => {
    const { portalId } = callerOf(res);
    res.json(settingsBody(portalId, await store.read(portalId)));
  });

  router.put('/api/v1/settings', requireEditor, async (req, res) => {
    const caller = callerOf(res);
    const { version, ...values } = parse(SettingsUpdateSchema, req.body, 'The settings were not saved');
    const current = await store.read(caller.portalId);
    if (version !== current.version) throw apiError(409, 'version_conflict', 'Someone saved the settings since you opened them; reload to see their changes, then apply yours again.');
    const next = applySettingsValues(current.settings, values);
    const changes = describeChanges(toSettingsValues(current.settings), toSettingsValues(next));
    const saved = await store.save(caller.portalId, version, next, { action: 'settings.updated', target: 'settings', actor: actorOf(caller), changes }, clock.now());
    if (!saved) throw apiError(409, 'version_conflict', 'Someone saved the settings since you opened them; reload to see their changes, then apply yours again.');
    res.json(settingsBody(caller.portalId, saved));
  });

  router.get('/api/v1/rules', async (_req, res) => {
    const { portalId } = callerOf(res);
    const { settings } = await store.read(portalId);
    const counts = await countRecognisedByRule(db, { portalId, settings, now: clock.now() });
    res.json({ rules: listApiRules(settings.rules), version: resolveRules(DEFAULT_RULE_PACK, settings.rules).version, counts });
  });

  router.patch('/api/v1/rules/:ruleId', requireEditor, async (req, res) => {
    const caller = callerOf(res);
    const ruleId = RuleIdSchema.safeParse(req.params.ruleId);
    if (!ruleId.success) throw notFound();
    const patch = parse(RulePatchSchema, req.body, 'The rule was not saved');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const current = await store.read(caller.portalId);
      const outcome = applyRulePatch(current.settings.rules, ruleId.data, patch);
      if (!outcome.ok && outcome.notFound) throw notFound();
      if (!outcome.ok) throw apiError(400, 'invalid_request', `The rule was not saved: ${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'} to fix.`, outcome.problems);
      const before = listApiRules(current.settings.rules).find((rule) => rule.id === ruleId.data);
      const after = listApiRules(outcome.overrides).find((rule) => rule.id === ruleId.data);
      const changes = describeChanges({ enabled: before?.enabled, phrases: before?.phrases, patterns: before?.patterns }, { enabled: after?.enabled, phrases: after?.phrases, patterns: after?.patterns }, `rules.${ruleId.data}`);
      const onlyToggle = changes.length > 0 && changes.every((change) => change.path.endsWith('.enabled'));
      const action = onlyToggle ? (after?.enabled ? 'rule.enabled' : 'rule.disabled') : 'rule.updated';
      const next = PortalSettingsSchema.parse({ ...current.settings, rules: outcome.overrides });
      const saved = await store.save(caller.portalId, current.version, next, { action, target: `rule:${ruleId.data}`, actor: actorOf(caller), changes }, clock.now());
      if (saved) { res.json(after); return; }
    }
    throw apiError(409, 'version_conflict', 'The rules kept changing while saving; reload and try again.');
  });

  router.post('/api/v1/preview', requireEditor, async (req, res) => {
    const { portalId } = callerOf(res);
    const input = parse(PreviewSchema, req.body, 'The preview could not run');
    const current = await store.read(portalId);
    let settings = input.settings ? applySettingsValues(current.settings, mergeSettingsPatch(toSettingsValues(current.settings), input.settings)) : current.settings;
    const problems: Problem[] = [];
    for (const [index, { ruleId, ...edit }] of (input.rules ?? []).entries()) {
      const patch = RulePatchSchema.safeParse(edit);
      if (!patch.success) { problems.push(...invalidRequest(patch.error).details?.problems as Problem[]); continue; }
      const outcome = applyRulePatch(settings.rules, ruleId, patch.data);
      if (!outcome.ok && outcome.notFound) throw notFound();
      if (!outcome.ok) problems.push(...outcome.problems.map((problem) => ({ ...problem, path: `rules[${index}].${problem.path}` })));
      else settings = { ...settings, rules: outcome.overrides };
    }
    if (problems.length > 0) throw apiError(400, 'invalid_request', `The preview could not run: ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix.`, problems);
    const fallback = (error: unknown) => (req.log ?? deps.log).warn({ err: error, portalId }, 'preview: HubSpot could not be read; counting stored events');
    res.json(await runPreview(db, { portalId, settings, days: input.days, now: clock.now() }, deps.preview?.(), fallback));
  });

  router.get('/api/v1/analytics', async (req, res) => {
    const { portalId } = callerOf(res);
    const { days } = parse(DaysSchema, query(req));
    const { settings } = await store.read(portalId);
    res.json(await loadAnalytics(db, { portalId, days: days === '30' ? 30 : 7, timeZone: settings.policy.timeZone, now: clock.now(), ruleNames: ruleNames(settings) }));
  });

  router.get('/api/v1/audit', async (req, res) => {
    const { portalId } = callerOf(res);
    const { limit, cursor } = parse(AuditQuerySchema, query(req));
    const entries = await store.listAudit(portalId, limit + 1, cursor);
    const page = entries.slice(0, limit);
    res.json({ entries: page, nextCursor: entries.length > limit ? page[page.length - 1]?.id ?? null : null });
  });

  router.get('/api/v1/cards', async (req, res) => {
    const caller = callerOf(res);
    const { objectType, objectId, limit } = parse(CardsQuerySchema, query(req));
    const { settings } = await store.read(caller.portalId);
    res.json({ cards: await listRecordCards(db, { portalId: caller.portalId, userId: caller.userId, objectType, objectId, limit, ruleNames: ruleNames(settings) }) });
  });

  router.post('/api/v1/cards/:cardId/feedback', async (req, res) => {
    const caller = callerOf(res);
    const cardId = CardIdSchema.safeParse(req.params.cardId);
    if (!cardId.success) throw notFound();
    const input = parse(FeedbackSchema, req.body, 'The feedback was not recorded');
    const { settings } = await store.read(caller.portalId);
    const now = clock.now();
    const result = await recordFeedback(db, { portalId: caller.portalId, userId: caller.userId, cardId: cardId.data, reaction: input.reaction, snoozeDays: input.snoozeDays ?? settings.policy.snoozeDays, now });
    if (!result) throw notFound();
    await store.appendAudit(caller.portalId, { action: 'card.feedback', target: `card:${cardId.data}`, actor: actorOf(caller, 'app-card'), changes: [{ path: 'reaction', before: null, after: input.reaction }] }, now);
    res.json(result);
  });

  router.get('/api/v1/admins', async (_req, res) => {
    res.json({ admins: await store.listAdmins(callerOf(res).portalId) });
  });

  router.put('/api/v1/admins', requireEditor, async (req, res) => {
    const caller = callerOf(res);
    const { admins } = parse(AdminsUpdateSchema, req.body, 'The editors were not saved');
    const problems: Problem[] = [];
    const entries: AdminIdentity[] = admins.map(({ userId, email }) => ({ ...(userId !== undefined && { userId }), ...(email !== undefined && { email: email.toLowerCase() }) }));
    entries.forEach((entry, index) => {
      const twin = entries.findIndex((other) => (entry.userId !== undefined && other.userId === entry.userId) || (entry.email !== undefined && other.email === entry.email));
      if (twin !== index) problems.push({ path: `admins[${index}]`, code: 'duplicate_entry', message: `Entry ${index + 1} names the same person as entry ${twin + 1}.` });
    });
    const self = entries.some((entry) => entry.userId === caller.userId || (caller.email !== undefined && entry.email === caller.email.toLowerCase()));
    if (!self) problems.push({ path: 'admins', code: 'cannot_remove_self', message: 'You cannot remove yourself; ask another editor to remove you.' });
    if (problems.length > 0) throw apiError(400, 'invalid_request', `The editors were not saved: ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix.`, problems);
    res.json({ admins: await store.replaceAdmins(caller.portalId, entries, { action: 'admins.updated', target: 'admins', actor: actorOf(caller) }, clock.now()) });
  });

  router.delete('/api/v1/install', requireEditor, async (req, res) => {
    const caller = callerOf(res);
    if (caller.authenticatedBy !== 'session') throw apiError(403, 'forbidden', 'Uninstalling needs the settings page: sign in with HubSpot and confirm there.');
    const { confirm } = parse(UninstallSchema, req.body ?? {}, 'Unrobot was not uninstalled');
    if (confirm !== caller.portalId) {
      throw apiError(400, 'invalid_request', 'Unrobot was not uninstalled: type this portal\'s id to confirm.', [{ path: 'confirm', code: 'invalid_format', message: `Type ${caller.portalId}, this portal's id, to confirm.` }]);
    }
    if (!deps.uninstaller) throw apiError(409, 'not_installed', 'This portal is not connected through an OAuth install (a static token is configured); remove HUBSPOT_ACCESS_TOKEN to disconnect it.');
    try {
      const { hubspot } = await deps.uninstaller.uninstall(caller.portalId);
      (req.log ?? deps.log).info({ portalId: caller.portalId, hubspot }, 'portal uninstalled from the settings page');
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 502) throw error;
      (req.log ?? deps.log).warn({ err: error, portalId: caller.portalId }, 'uninstall: HubSpot could not remove the app; nothing purged');
      res.status(502).json({ error: { code: 'hubspot_unavailable', message: 'HubSpot did not confirm the uninstall, so nothing was deleted; try again in a few minutes.' } });
      return;
    }
    res.setHeader('Set-Cookie', clearedSessionCookie());
    res.status(204).end();
  });

  router.use('/api/v1', (_req: Request, _res: Response, next) => { next(apiError(404, 'not_found', 'No such API route.')); });
  router.use('/api/v1', createApiErrorHandler(deps.log));
  return router;
}
