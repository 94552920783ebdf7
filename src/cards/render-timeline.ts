/**
 * The card as a timeline v3 event (legacy: only for apps that already have templates, see
 * REFERENCE.md §3.1) and as app-event properties (timeline v4, once HubSpot approves the app).
 * Both template languages are Markdown + Handlebars, so every text (ours, a rep's or HubSpot's) is
 * Markdown-escaped; the `{{token}}` in our template HTML-escapes it again on HubSpot's side. Our
 * own identifiers (card id, rule id) are not text: they go out verbatim, and only when they have
 * the shape we give them, so none can carry markup.
 */
import { BANKS } from '../questions/locale.ts';
import { RuleIdSchema } from '../rules/rule-schema.ts';
import type { Card } from './card.ts';
import { escapeMarkdown, safeUrl } from './escape.ts';
import { ruleLine } from './rule-line.ts';

/** HubSpot caps string tokens; questions stay far below this, but CRM text is never trusted. */
const TOKEN_MAX = 1000;

const token = (text: string): string => escapeMarkdown(Array.from(text).slice(0, TOKEN_MAX).join(''));

/** Card ids are base64url (the worker's `cardIdFor`), as the feedback links require them. */
const CARD_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** A card id fit to send verbatim, else undefined (not sent: escaping would change the id). */
const cardIdOf = (id: string | undefined): string | undefined => (id !== undefined && CARD_ID.test(id) ? id : undefined);
/** A rule id fit to send verbatim (a slug, as every rule pack's ids are), else undefined. */
const ruleIdOf = (id: string | undefined): string | undefined => (id !== undefined && RuleIdSchema.safeParse(id).success ? id : undefined);

/** The event template the tokens below need: POST /integrators/timeline/v3/{appId}/event-templates. */
export const TIMELINE_EVENT_TEMPLATE = {
  name: 'Unrobot reflection card',
  objectType: 'contacts',
  headerTemplate: '{{headline}}',
  detailTemplate: [
    '{{#each extraData.questions}}',
    '- {{text}}',
    '{{/each}}',
    '',
    '_{{why}}_',
    '{{#if extraData.rule}}',
    '',
    '{{extraData.rule.text}}{{#if extraData.rule.url}} · [{{extraData.rule.label}}]({{extraData.rule.url}}){{/if}}',
    '{{/if}}',
    '{{#if extraData.feedback}}',
    '',
    '{{#each extraData.feedback}}[{{label}}]({{url}}) {{/each}}',
    '{{/if}}',
  ].join('\n'),
  tokens: [
    { name: 'headline', label: 'Headline', type: 'string' },
    { name: 'why', label: 'Why this card', type: 'string' },
    { name: 'locale', label: 'Locale', type: 'string' },
    { name: 'ruleId', label: 'Rule', type: 'string' },
    { name: 'lenses', label: 'Lenses', type: 'string' },
  ],
} as const;

export interface TimelineEventParts {
  tokens: Record<string, string>;
  extraData: {
    questions: Array<{ text: string; lens: string }>;
    feedback?: Array<{ label: string; url: string }>;
    /** The rule line: its text, and the "Manage rules" link when the card has one. */
    rule?: { text: string; label?: string; url?: string };
  };
}

type FeedbackKey = 'helpful' | 'not_helpful' | 'snooze';

/** Markdown link targets: percent-encode what could close or break out of "(…)". */
const linkTarget = (url: string): string => url.replace(/[()\s<>"'`\\{}]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function feedback(card: Card): Array<{ key: FeedbackKey; label: string; url: string }> {
  const ui = BANKS[card.locale].ui;
  const links = card.feedbackLinks;
  if (links === undefined) return [];
  const entries: Array<[FeedbackKey, string, string]> = [
    ['helpful', ui.helpful, links.helpful],
    ['not_helpful', ui.notHelpful, links.notHelpful],
    ['snooze', ui.snooze, links.snooze],
  ];
  return entries.flatMap(([key, label, url]) => {
    const safe = safeUrl(url);
    return safe === undefined ? [] : [{ key, label: token(label), url: linkTarget(safe) }];
  });
}

/** Tokens and extraData for POST /integrators/timeline/v3/events with TIMELINE_EVENT_TEMPLATE. */
export function renderTimelineEvent(card: Card): TimelineEventParts {
  const links = feedback(card);
  const rule = ruleLine(card);
  return {
    tokens: {
      headline: token(card.headline.text),
      why: token(card.why.text),
      locale: card.locale,
      ruleId: ruleIdOf(card.ruleId) ?? '',
      lenses: card.questions.map((question) => question.lens).join(','),
    },
    extraData: {
      questions: card.questions.map((question) => ({ text: token(question.text), lens: question.lens })),
      ...(links.length > 0 ? { feedback: links.map(({ label, url }) => ({ label, url })) } : {}),
      ...(rule !== undefined && { rule: { text: token(rule.text), ...(rule.manage && { label: token(rule.manage.label), url: linkTarget(rule.manage.url) }) } }),
    },
  };
}

/** What the card does not know itself but the app-event type shows: the card's id. */
export interface AppEventContext {
  cardId?: string;
}

/**
 * Properties for an app event (POST /integrators/timeline/v4/events): flat strings, texts escaped
 * the same way and ids verbatim, named exactly as the app-event type in
 * `extension-manifest/src/app/app-events/` declares them (a test keeps the two in step).
 * `taskSubject` is the rep's task as written ("Instead of: …" in the type's template).
 */
export function renderAppEventProperties(card: Card, context: AppEventContext = {}): Record<string, string> {
  const properties: Record<string, string> = {
    headline: token(card.headline.text),
    why: token(card.why.text),
  };
  const cardId = cardIdOf(context.cardId);
  if (cardId !== undefined) properties.cardId = cardId;
  if (card.taskSubject !== undefined && card.taskSubject !== '') properties.taskSubject = token(card.taskSubject);
  card.questions.slice(0, 3).forEach((question, index) => {
    properties[`question${index + 1}`] = token(question.text);
  });
  const primary = card.questions[0];
  if (primary !== undefined) properties.primaryLens = primary.lens;
  const ruleId = ruleIdOf(card.ruleId);
  if (ruleId !== undefined) properties.ruleId = ruleId;
  if (card.ruleName !== undefined) properties.ruleName = token(card.ruleName);
  const manage = ruleLine(card)?.manage;
  if (manage !== undefined) properties.manageRulesUrl = linkTarget(manage.url);
  const names: Record<FeedbackKey, string> = { helpful: 'helpfulUrl', not_helpful: 'notHelpfulUrl', snooze: 'snoozeUrl' };
  for (const { key, url } of feedback(card)) properties[names[key]] = url;
  return properties;
}
