/** The card pipeline's public face: derive signals, compose the card, render it for a channel. */
export { CrmSnapshotSchema, parseCrmSnapshot, type CrmSnapshot, type CrmSnapshotInput } from '../context/crm-snapshot.ts';
export { deriveSignals } from '../context/derive-signals.ts';
export type { Signals } from '../context/signals.ts';
export { ComposerSettingsSchema, DEFAULT_COMPOSER_SETTINGS, DEFAULT_THRESHOLDS, type ComposerSettings, type Thresholds } from '../questions/composer-settings.ts';
export { LENS_IDS, type LensId } from '../questions/lenses.ts';
export { LOCALES, resolveLocale, type Locale } from '../questions/locale.ts';
export type { CardHistory, HistoryEntry } from '../questions/rotation.ts';
export type { Card, CardClassification, CardQuestion, FeedbackLinks } from './card.ts';
export { composeCard, type ComposeCardInput } from './compose-card.ts';
export { renderNoteBody } from './render-note.ts';
export { renderTaskBodyAppendix } from './render-task-body.ts';
export { renderAppEventProperties, renderTimelineEvent, TIMELINE_EVENT_TEMPLATE, type TimelineEventParts } from './render-timeline.ts';
