/**
 * Rich text from the CRM (note, call, meeting and task bodies; rendered timeline templates),
 * cleaned the way HubSpot's timeline shows it: an allowlist of formatting elements and link
 * attributes, http(s)/mailto links only, no scripts, styles, event handlers or embeds.
 * The page's CSP forbids inline styles, so `style` goes too; the idempotency marker a card
 * carries (`data-unrobot-card`) is kept and hidden by the stylesheet instead.
 */
import sanitizeHtml from 'sanitize-html';
import { trustedHtml, type SafeHtml } from './html.ts';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'a', 'blockquote', 'code', 'pre', 'span', 'div', 'h1', 'h2', 'h3', 'h4', 'hr'],
  allowedAttributes: { a: ['href', 'title', 'rel'], p: ['data-unrobot-card'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

/** Allowlist-sanitised HTML, ready to place in a page. */
export function sanitizeRichText(markup: string): SafeHtml {
  return trustedHtml(sanitizeHtml(markup, OPTIONS));
}
