/**
 * What the sandbox app has defined in its developer account: one v3 timeline event template
 * per target object type, and one app event type per target, so every delivery channel
 * (DESIGN decision 6) has something to post to.
 */
import type { SandboxState, TemplateToken } from './state.ts';

/** Tokens of the seeded reflection templates: the card's headline, its questions, and "why this card". */
export const REFLECTION_TOKENS: TemplateToken[] = [
  { name: 'headline', label: 'Headline', type: 'string' },
  { name: 'questions', label: 'Questions', type: 'string' },
  { name: 'why', label: 'Why this card', type: 'string' },
  { name: 'taskId', label: 'Task id', type: 'string' },
];

const TARGETS = ['contacts', 'companies', 'deals'] as const;

/** Seeds templates (ids from 1001000 up, in TARGETS order) and app event types `ae{appId}_reflection_{target}`. */
export function seedAppMetadata(state: SandboxState): void {
  const at = new Date(state.clock.now()).toISOString();
  for (const objectType of TARGETS) {
    const id = String(state.nextTemplateId++);
    state.templates.set(id, {
      id, name: `Unrobot reflection (${objectType})`, objectType,
      headerTemplate: '{{headline}}', detailTemplate: '{{questions}}\n\n_{{why}}_', tokens: REFLECTION_TOKENS, createdAt: at, updatedAt: at,
    });
    state.appEventTypes.set(`ae${state.app.appId}_reflection_${objectType}`, objectType);
  }
}
