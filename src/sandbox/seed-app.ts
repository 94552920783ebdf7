/**
 * What the sandbox app has defined in its developer account: one v3 timeline event template
 * per target object type, and one app event type per target, so every delivery channel
 * (DESIGN decision 6) has something to post to.
 */
import type { SandboxState, TemplateToken } from './state.ts';
import { TIMELINE_EVENT_TEMPLATE } from '../cards/render-timeline.ts';

/** The portal looks as if `npm run provision` had run: the app's own template, per target object. */
export const REFLECTION_TOKENS: TemplateToken[] = TIMELINE_EVENT_TEMPLATE.tokens.map((token) => ({ ...token }));

const TARGETS = ['contacts', 'companies', 'deals'] as const;

/**
 * The app event type's templates from `extension-manifest/src/app/app-events/reflection-card-hsmeta.json`
 * (the project HubSpot deploys; not shipped with the service, so copied here, and a test keeps the two equal).
 */
export const APP_EVENT_TEMPLATE = {
  headerTemplate: '{{headline}}',
  detailTemplate: '{{#if taskSubject}}Instead of: *{{taskSubject}}*\n\n{{/if}}- {{question1}}\n{{#if question2}}- {{question2}}\n{{/if}}{{#if question3}}- {{question3}}\n{{/if}}\n\n**Why this card:** {{why}}\n\nRule: [{{ruleName}}]({{manageRulesUrl}}) · [Helpful]({{helpfulUrl}}) · [Not helpful]({{notHelpfulUrl}}) · [Snooze this client]({{snoozeUrl}})',
} as const;

/** Seeds templates (ids from 1001000 up, in TARGETS order) and app event types `ae{appId}_reflection_{target}`. */
export function seedAppMetadata(state: SandboxState): void {
  const at = new Date(state.clock.now()).toISOString();
  for (const objectType of TARGETS) {
    const id = String(state.nextTemplateId++);
    state.templates.set(id, {
      id, name: `Unrobot reflection (${objectType})`, objectType,
      headerTemplate: TIMELINE_EVENT_TEMPLATE.headerTemplate, detailTemplate: TIMELINE_EVENT_TEMPLATE.detailTemplate, tokens: REFLECTION_TOKENS, createdAt: at, updatedAt: at,
    });
    const name = `ae${state.app.appId}_reflection_${objectType}`;
    state.appEventTypes.set(name, objectType);
    state.appEventTemplates.set(name, { ...APP_EVENT_TEMPLATE });
  }
}
