/**
 * Timeline templates (v3 event templates and app-event types) rendered as HubSpot documents
 * them: Handlebars over the event's tokens (and `extraData` for v3), the result read as
 * Markdown, then sanitised. Handlebars HTML-escapes `{{token}}`; Markdown runs with raw HTML
 * off; the sanitiser is the last word, so a template or token can add formatting, never markup.
 * https://developers.hubspot.com/docs/api-reference/crm-timeline-v3/guide#event-templates
 */
import Handlebars from 'handlebars';
import MarkdownIt from 'markdown-it';
import type { SafeHtml } from './html.ts';
import { sanitizeRichText } from './sanitize.ts';

export interface TemplateRenderer {
  /** The template's Markdown + Handlebars with `context`, as sanitised HTML; a broken template renders its error as text. */
  render(template: string, context: Record<string, unknown>): SafeHtml;
}

export function createTemplateRenderer(): TemplateRenderer {
  const handlebars = Handlebars.create();
  const markdown = new MarkdownIt({ html: false, linkify: false, breaks: false });
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return {
    render(template, context) {
      let source: string;
      try {
        let fn = compiled.get(template);
        if (fn === undefined) {
          // Only the built-in helpers (if, each, unless, with): what HubSpot's templates use.
          fn = handlebars.compile(template, { knownHelpersOnly: true, strict: false });
          compiled.set(template, fn);
        }
        source = fn(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      } catch (error) {
        source = `(template error: ${(error as Error).message})`.replace(/[\\`*_{}[\]()<>#+\-.!|~]/g, '\\$&');
      }
      return sanitizeRichText(markdown.render(source));
    },
  };
}
