/**
 * What a rep sees on each channel: the card's texts rendered the way HubSpot renders each channel
 * (the sandbox's renderers: note and task bodies through the rich-text allowlist; timeline-v3 events
 * and app events through Handlebars + Markdown + the allowlist), then read back as displayed text.
 * Quoted CRM text must show exactly as written (an apostrophe is an apostrophe, not `&#x27;`) and
 * stay inert (no tag, link, image, emphasis or template evaluation from it).
 */
import { readFileSync } from 'node:fs';
import type { Card } from '../../../src/cards/card.ts';
import { composeCard } from '../../../src/cards/compose-card.ts';
import { renderNoteBody } from '../../../src/cards/render-note.ts';
import { renderAppEventProperties, renderTimelineEvent, TIMELINE_EVENT_TEMPLATE } from '../../../src/cards/render-timeline.ts';
import { deriveSignals } from '../../../src/context/derive-signals.ts';
import { renderTaskBodyHtml } from '../../../src/hubspot/card-marker.ts';
import { createTemplateRenderer } from '../../../src/sandbox/pages/render-template.ts';
import { sanitizeRichText } from '../../../src/sandbox/pages/sanitize.ts';
import { collapsed as collapse, displayedText as displayed } from '../../helpers/displayed-text.ts';
import { loadFixtures, NOW } from '../context/build-snapshot.ts';

const APP_EVENT = JSON.parse(readFileSync(new URL('../../../extension-manifest/src/app/app-events/reflection-card-hsmeta.json', import.meta.url), 'utf8')).config as {
  headerTemplate: string;
  detailTemplate: string;
};

/** A subject as a client or colleague could have typed it: apostrophes, quotes, ampersands, markup, template syntax, links. */
const QUOTED = `Mei's "Contract" redlines & R&D <b>bold</b> = 5 \`code\` {{constructor}} [x](https://evil.example/a) ![i](https://evil.example/i.png) https://evil.example/b *em* _u_ # h 1. ~s~ &amp; \\`;

const LINKS = { helpful: 'https://app.example.com/f/h', notHelpful: 'https://app.example.com/f/n', snooze: 'https://app.example.com/f/s' };

function quotedCard(): Card {
  return {
    locale: 'en',
    headline: { templateId: 'headline.calm.last-subject', text: `Your last email with Mei was about “${QUOTED}”: where do things stand?` },
    questions: [
      { templateId: 'calm.last-subject', lens: 'calm-attentiveness', text: `What did Mei answer about “${QUOTED}”?`, facts: [] },
      { templateId: 'scenes.role', lens: 'behind-the-scenes', text: "What is on Mei's plate this quarter?", facts: [] },
    ],
    why: { facts: [], missing: [], text: `Why this card: last email “${QUOTED}” 6 days ago` },
    ruleId: 'generic-follow-up',
    ruleName: "Rep's \"generic\" follow-up",
    manageRuleUrl: 'https://app.example.com/settings#rule-generic-follow-up',
    feedbackLinks: LINKS,
    taskSubject: "Follow up on Mei's email",
  };
}

const renderer = createTemplateRenderer();
const CHANNELS: Record<string, (card: Card) => string> = {
  note: (card) => String(sanitizeRichText(renderNoteBody(card))),
  'task body': (card) => String(sanitizeRichText(renderTaskBodyHtml(card, 'card-1'))),
  'timeline-v3': (card) => {
    const { tokens, extraData } = renderTimelineEvent(card);
    const context = { ...tokens, extraData };
    return `${String(renderer.render(TIMELINE_EVENT_TEMPLATE.headerTemplate, context))}${String(renderer.render(TIMELINE_EVENT_TEMPLATE.detailTemplate, context))}`;
  },
  'app event': (card) => {
    const properties = renderAppEventProperties(card, { cardId: 'card-1' });
    return `${String(renderer.render(APP_EVENT.headerTemplate, properties))}${String(renderer.render(APP_EVENT.detailTemplate, properties))}`;
  },
};

/** Our own links on the card: the only `href`s any channel may carry. */
const OWN_HREFS = new Set([...Object.values(LINKS), 'https://app.example.com/settings#rule-generic-follow-up']);

describe.each(Object.keys(CHANNELS))('the %s channel', (channel) => {
  const render = CHANNELS[channel] as (card: Card) => string;

  test('when a card quotes CRM text with apostrophes, quotes and ampersands, then the rep reads it exactly as written, never as entities or backslashes', () => {
    const card = quotedCard();
    const html = render(card);
    const text = displayed(html);
    for (const value of [card.headline.text, ...card.questions.map((q) => q.text), card.why.text]) expect(text).toContain(collapse(value));
    expect(text).toContain("Rep's \"generic\" follow-up");
    expect(text).not.toMatch(/&#x?[0-9a-f]+;|&(?:quot|lt|gt|apos);|\\['"&<>=`]/i);
    expect(text.split('&amp;').length - 1).toBe(3); // headline, one question, why: only the literal "&amp;" the subject itself contains
  });

  test('when the quoted CRM text carries markup, template syntax and URLs, then it stays inert text', () => {
    const html = render(quotedCard());
    expect(html).not.toMatch(/<b>|<img|<script|<code|<h1|<s>|<ol/i);
    expect(html).not.toContain('<em>em</em>');
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&')).every((href) => OWN_HREFS.has(href))).toBe(true);
    expect(html).not.toContain('evil.example/a"');
    expect(displayed(html)).toContain('{{constructor}}');
  });

  test('when the injection fixture goes through the composer, then every value it shows is inert and the rendered text carries no entity residue', () => {
    const { snapshot } = loadFixtures().find((f) => f.name === 'injection-in-every-field')!;
    const card = { ...composeCard({ snapshot, signals: deriveSignals(snapshot, NOW), now: NOW }), feedbackLinks: LINKS };
    const html = render(card);
    expect(html).not.toMatch(/<script|<img|<b>|href="javascript/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => OWN_HREFS.has((m[1] as string).replace(/&amp;/g, '&')))).toBe(true);
    const text = displayed(html);
    expect(text).toContain(collapse(card.headline.text));
    for (const question of card.questions) expect(text).toContain(collapse(question.text));
    expect(text).not.toMatch(/&#x?[0-9a-f]+;|\\['"&<>]/i);
  });
});
