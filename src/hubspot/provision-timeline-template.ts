/**
 * Creates (or finds) the app's timeline v3 event template, `TIMELINE_EVENT_TEMPLATE`, with the
 * developer API key (`?hapikey=`, REFERENCE.md §3.2). Idempotent: a template with the same name
 * and object type is reused, so running `npm run provision` twice never makes a second one.
 * Only apps that already have v1/v3 timeline events can use this API (REFERENCE.md §3.1).
 */
import { Client } from '@hubspot/api-client';
import { TIMELINE_EVENT_TEMPLATE } from '../cards/render-timeline.ts';
import { mapHubSpotError } from './hubspot-errors.ts';

export interface ProvisionOptions {
  developerApiKey: string;
  appId: number;
  /** HubSpot's API origin, or the local sandbox. */
  baseUrl: string;
}

export interface ProvisionResult {
  eventTemplateId: string;
  created: boolean;
}

export async function provisionTimelineTemplate(options: ProvisionOptions): Promise<ProvisionResult> {
  // The same decorator options as every other client (no retries, no SDK limiter), see hubspot-client.ts.
  const sdk = new Client({ developerApiKey: options.developerApiKey, basePath: options.baseUrl, numberOfApiCallRetries: 0 });
  const templates = sdk.crm.timeline.templatesApi;
  const secrets = [options.developerApiKey];
  try {
    const existing = await templates.getAll(options.appId);
    const match = existing.results.find((t) => t.name === TIMELINE_EVENT_TEMPLATE.name && t.objectType === TIMELINE_EVENT_TEMPLATE.objectType);
    if (match !== undefined) return { eventTemplateId: match.id, created: false };
    const created = await templates.create(options.appId, {
      name: TIMELINE_EVENT_TEMPLATE.name,
      objectType: TIMELINE_EVENT_TEMPLATE.objectType,
      headerTemplate: TIMELINE_EVENT_TEMPLATE.headerTemplate,
      detailTemplate: TIMELINE_EVENT_TEMPLATE.detailTemplate,
      tokens: TIMELINE_EVENT_TEMPLATE.tokens.map((token) => ({ name: token.name, label: token.label, type: token.type as never })),
    });
    return { eventTemplateId: created.id, created: true };
  } catch (error) {
    throw mapHubSpotError(error, { operation: 'timeline.templates.provision', secrets });
  }
}
