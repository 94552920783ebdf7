/**
 * Zod schemas of the documented `-hsmeta.json` fields, per component type, for platform 2026.03
 * (HubSpot's project templates and REFERENCE.md §1.2, §3.4, §7). Strict: an unknown or misspelt
 * field fails here instead of at `hs project upload`.
 */
import { z } from 'zod';

const Uid = z.string().regex(/^[a-z][a-z0-9_]{2,63}$/);
const HttpsUrl = z.url({ protocol: /^https$/ });
const Entrypoint = z.string().regex(/^\/app\/[a-z-]+\/[A-Za-z0-9_-]+\.(tsx|jsx)$/);

export const ProjectSchema = z.strictObject({
  name: z.string().min(1).max(200),
  srcDir: z.literal('src'),
  platformVersion: z.enum(['2025.2', '2026.03']),
});

export const AppSchema = z.strictObject({
  uid: Uid,
  type: z.literal('app'),
  config: z.strictObject({
    name: z.string().min(1).max(200),
    description: z.string().min(1).max(1000),
    distribution: z.enum(['marketplace', 'private']),
    auth: z.strictObject({
      type: z.enum(['oauth', 'static']),
      redirectUrls: z.array(HttpsUrl).min(1),
      requiredScopes: z.array(z.string().regex(/^[a-z][a-z0-9._-]*$/)).min(1),
      optionalScopes: z.array(z.string()),
      conditionallyRequiredScopes: z.array(z.string()),
    }),
    permittedUrls: z.strictObject({ fetch: z.array(HttpsUrl), iframe: z.array(HttpsUrl), img: z.array(HttpsUrl) }),
    support: z.strictObject({
      supportEmail: z.email(),
      documentationUrl: HttpsUrl,
      supportUrl: HttpsUrl,
      supportPhone: z.string().optional(),
    }),
  }),
});

const CrmObjectSubscription = z.strictObject({
  subscriptionType: z.enum(['object.creation', 'object.deletion', 'object.merge', 'object.restore', 'object.propertyChange', 'object.associationChange']),
  objectType: z.string().min(1),
  propertyName: z.string().min(1).optional(),
  active: z.boolean(),
}).refine((s) => (s.subscriptionType === 'object.propertyChange') === (s.propertyName !== undefined), {
  message: 'propertyName is required for, and only for, object.propertyChange',
});

export const WebhooksSchema = z.strictObject({
  uid: Uid,
  type: z.literal('webhooks'),
  config: z.strictObject({
    settings: z.strictObject({ targetUrl: HttpsUrl, maxConcurrentRequests: z.number().int().min(6) }),
    subscriptions: z.strictObject({
      crmObjects: z.array(CrmObjectSubscription).optional(),
      legacyCrmObjects: z.array(z.strictObject({ subscriptionType: z.string(), propertyName: z.string().optional(), active: z.boolean() })).optional(),
      hubEvents: z.array(z.strictObject({ subscriptionType: z.string(), active: z.boolean() })).optional(),
    }),
  }),
});

export const SettingsSchema = z.strictObject({
  uid: Uid,
  type: z.literal('settings'),
  config: z.strictObject({ entrypoint: Entrypoint }),
});

export const CardSchema = z.strictObject({
  uid: Uid,
  type: z.literal('card'),
  config: z.strictObject({
    name: z.string().min(1).max(100),
    description: z.string().max(500).optional(),
    entrypoint: Entrypoint,
    location: z.enum(['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar']),
    objectTypes: z.array(z.enum(['CONTACT', 'COMPANY', 'DEAL', 'TICKET'])).min(1),
  }),
});

/** Token names allow alphanumerics and `. - _`; `log` and `lookup` are reserved (REFERENCE.md §3.2). */
const PropertyName = z.string().regex(/^[A-Za-z0-9._-]+$/).refine((name) => !['log', 'lookup'].includes(name), 'reserved name');
const AppEventProperty = z.discriminatedUnion('type', [
  z.strictObject({ name: PropertyName, label: z.string().min(1), type: z.enum(['string', 'number', 'date']) }),
  z.strictObject({
    name: PropertyName,
    label: z.string().min(1),
    type: z.literal('enumeration'),
    options: z.array(z.strictObject({ value: z.string().min(1), label: z.string().min(1) })).min(1),
  }),
]);

export const AppEventSchema = z.strictObject({
  uid: Uid,
  type: z.literal('app-event'),
  config: z.strictObject({
    name: z.string().min(1).max(100),
    objectType: z.enum(['CONTACT', 'COMPANY', 'DEAL', 'TICKET']),
    headerTemplate: z.string().min(1),
    detailTemplate: z.string().optional(),
    properties: z.array(AppEventProperty).min(1).max(500),
  }),
});

export const SCHEMAS_BY_TYPE = {
  app: AppSchema,
  webhooks: WebhooksSchema,
  settings: SettingsSchema,
  card: CardSchema,
  'app-event': AppEventSchema,
} as const;
