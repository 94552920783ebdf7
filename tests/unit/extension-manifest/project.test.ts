import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { AppEventSchema, AppSchema, CardSchema, ProjectSchema, SCHEMAS_BY_TYPE, SettingsSchema, WebhooksSchema } from './hsmeta-schemas.ts';
import { LENS_IDS } from '../../../src/questions/lenses.ts';
import { renderAppEventProperties } from '../../../src/cards/render-timeline.ts';
import type { Card } from '../../../src/cards/card.ts';

const PROJECT = new URL('../../../extension-manifest/', import.meta.url).pathname;
const SRC = join(PROJECT, 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === 'node_modules' ? [] : filesUnder(path)) : [path];
  });
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const hsmetaFiles = filesUnder(SRC).filter((path) => path.endsWith('-hsmeta.json'));
const byType = (type: string) => hsmetaFiles.map(readJson).filter((meta) => (meta as { type?: string }).type === type);
const app = AppSchema.parse(byType('app')[0]);
const webhooks = WebhooksSchema.parse(byType('webhooks')[0]);
const settings = SettingsSchema.parse(byType('settings')[0]);
const card = CardSchema.parse(byType('card')[0]);
const appEvent = AppEventSchema.parse(byType('app-event')[0]);

test('when hsproject.json is read, then it targets platform 2026.03 with src/ as its source', () => {
  expect(ProjectSchema.parse(readJson(join(PROJECT, 'hsproject.json'))).platformVersion).toBe('2026.03');
});

test('when every -hsmeta.json is validated against the schema of its type, then each is valid and uids are unique', () => {
  const types = hsmetaFiles.map((path) => {
    const meta = readJson(path) as { type: keyof typeof SCHEMAS_BY_TYPE; uid: string };
    const result = SCHEMAS_BY_TYPE[meta.type].safeParse(meta);
    expect([relative(PROJECT, path), result.success ? 'valid' : z.prettifyError(result.error)]).toEqual([relative(PROJECT, path), 'valid']);
    return meta;
  });
  expect(types.map((meta) => meta.type).sort()).toEqual(['app', 'app-event', 'card', 'settings', 'webhooks']);
  expect(new Set(types.map((meta) => meta.uid)).size).toBe(types.length);
});

test('when a file sits in a feature folder, then it is at the folder root and that folder matches its type', () => {
  const folderOf: Record<string, string> = { webhooks: 'webhooks', settings: 'settings', card: 'cards', 'app-event': 'app-events' };
  for (const path of hsmetaFiles) {
    const { type } = readJson(path) as { type: string };
    const expected = type === 'app' ? join(SRC, 'app') : join(SRC, 'app', folderOf[type] ?? '?');
    expect([path, join(path, '..')]).toEqual([path, expected]);
  }
});

test('when the schemas see a misspelt or missing field, then they refuse it (the check can fail)', () => {
  expect(CardSchema.safeParse({ ...card, config: { ...card.config, objectType: ['CONTACT'] } }).success).toBe(false);
  expect(WebhooksSchema.safeParse({ ...webhooks, config: { ...webhooks.config, settings: { targetUrl: 'http://x.example', maxConcurrentRequests: 10 } } }).success).toBe(false);
  const badSub = { subscriptionType: 'object.propertyChange', objectType: 'task', active: true };
  expect(WebhooksSchema.safeParse({ ...webhooks, config: { ...webhooks.config, subscriptions: { crmObjects: [badSub] } } }).success).toBe(false);
});

test('when an entrypoint is named, then the file exists with its own package.json depending on ui-extensions and React 18', () => {
  for (const entrypoint of [settings.config.entrypoint, card.config.entrypoint]) {
    const file = join(SRC, entrypoint);
    expect([entrypoint, existsSync(file)]).toEqual([entrypoint, true]);
    const pkg = readJson(join(file, '..', 'package.json')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['@hubspot/ui-extensions']).toBeDefined();
    expect(pkg.dependencies.react).toMatch(/^\^?18\./);
    expect(readFileSync(file, 'utf8')).toMatch(/hubspot\.extend</);
  }
});

test('when the extensions call hubspot.fetch, then every URL they use is under a permitted fetch origin', () => {
  const sources = filesUnder(join(SRC, 'app')).filter((path) => /\.(ts|tsx)$/.test(path));
  const urls = sources.flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/'(https?:\/\/[^'\s]+)'/g)].map((m) => m[1] ?? ''));
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) expect([url, app.config.permittedUrls.fetch.some((origin) => url.startsWith(origin))]).toEqual([url, true]);
});

test('when the app is installed, then it is an OAuth marketplace app with one origin for fetch, webhooks and OAuth', () => {
  expect(app.config.auth.type).toBe('oauth');
  expect(app.config.distribution).toBe('marketplace');
  const [origin] = app.config.permittedUrls.fetch;
  expect(origin).toBe('https://unrobot.example.com');
  expect(webhooks.config.settings.targetUrl).toBe(`${origin}/webhooks/hubspot`);
  expect(app.config.auth.redirectUrls).toEqual([`${origin}/oauth/callback`]);
});

test('when the scopes are listed, then they are exactly what the app uses, and cover the webhooks and the app event', () => {
  expect([...app.config.auth.requiredScopes].sort()).toEqual([
    'crm.objects.companies.read', 'crm.objects.contacts.read', 'crm.objects.contacts.write', 'crm.objects.deals.read',
    'crm.objects.owners.read', 'crm.objects.tasks.read', 'oauth', 'tickets', 'timeline',
  ]);
  const scopesFor: Record<string, string[]> = { task: ['crm.objects.contacts.read', 'crm.objects.tasks.read'] };
  for (const sub of webhooks.config.subscriptions.crmObjects ?? []) {
    expect(app.config.auth.requiredScopes).toEqual(expect.arrayContaining(scopesFor[sub.objectType] ?? ['unknown object type']));
  }
  expect(app.config.auth.requiredScopes).toContain('timeline');
});

test('when the webhooks are read, then they are the generic task subscriptions of DESIGN decision 5', () => {
  expect(webhooks.config.settings.maxConcurrentRequests).toBe(10);
  const subs = (webhooks.config.subscriptions.crmObjects ?? []).map((s) => `${s.subscriptionType}:${s.objectType}:${s.propertyName ?? ''}:${s.active}`);
  expect(subs.sort()).toEqual([
    'object.creation:task::true',
    'object.deletion:task::true',
    'object.propertyChange:task:hs_task_body:true',
    'object.propertyChange:task:hs_task_subject:true',
  ]);
});

test('when the app event is rendered, then its templates use only declared properties and carry the card', () => {
  const declared = new Set(appEvent.config.properties.map((p) => p.name));
  const template = `${appEvent.config.headerTemplate}\n${appEvent.config.detailTemplate ?? ''}`;
  const used = [...template.matchAll(/\{\{[#/]?(?:if\s+)?([A-Za-z0-9._-]+)\s*\}\}/g)].map((m) => m[1] ?? '').filter((n) => n !== 'if');
  expect(used.filter((name) => !declared.has(name))).toEqual([]);
  expect([...declared].sort()).toEqual([
    'cardId', 'headline', 'helpfulUrl', 'notHelpfulUrl', 'primaryLens', 'question1', 'question2', 'question3',
    'manageRulesUrl', 'ruleId', 'ruleName', 'snoozeUrl', 'taskSubject', 'why',
  ].sort());
});

test('when the app event names lenses, then they are exactly the composer\'s lenses', () => {
  const lens = appEvent.config.properties.find((p) => p.name === 'primaryLens');
  const values = lens?.type === 'enumeration' ? lens.options.map((o) => o.value) : [];
  expect(values.sort()).toEqual([...LENS_IDS].sort());
});

test('when a card is rendered as an app event, then every property it sends is one the app-event type declares', () => {
  const declared = new Set(appEvent.config.properties.map((p) => p.name));
  const card: Card = {
    locale: 'en', headline: { templateId: 'h', text: 'Before you follow up: what changed?' },
    questions: [1, 2, 3].map((n) => ({ templateId: `q${n}`, lens: LENS_IDS[n] ?? 'going-dark', text: `Question ${n}?`, facts: [] })),
    why: { facts: [], missing: [], text: 'Why' }, ruleId: 'follow-up', ruleName: 'Generic follow-up', taskSubject: 'Follow up',
    manageRuleUrl: 'https://unrobot.example.com/settings#rule-follow-up',
    feedbackLinks: { helpful: 'https://unrobot.example.com/f/1', notHelpful: 'https://unrobot.example.com/f/2', snooze: 'https://unrobot.example.com/f/3' },
  };
  const properties = renderAppEventProperties(card, { cardId: 'c1_x-Y' });
  const sent = Object.keys(properties);
  expect(sent.filter((name) => !declared.has(name))).toEqual([]);
  expect(sent.length).toBe(declared.size);
  // The ids are ours and go out as they are; the task subject the template shows is the rep's, escaped.
  expect({ cardId: properties.cardId, ruleId: properties.ruleId, taskSubject: properties.taskSubject }).toEqual({ cardId: 'c1_x-Y', ruleId: 'follow-up', taskSubject: 'Follow up' });
});
