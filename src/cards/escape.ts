/** Escaping for the channels a card goes to. Every CRM-derived value passes through one of these. */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text safe inside HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => HTML[char] as string);
}

/**
 * Text safe as a value inside a HubSpot timeline template (timeline v3 event or app event: Markdown
 * + Handlebars). Handlebars HTML-escapes every `{{token}}` (`& < > " ' \` =` become entities, which
 * Markdown shows as the literal characters and never reads as syntax), so those are left to it: a
 * backslash before them would turn `'` into `\&#x27;`, which Markdown shows as the text `&#x27;`.
 * Every other Markdown punctuation character is backslash-escaped, so links, images, emphasis,
 * headings, lists and bare URLs in a CRM value render as the literal characters; `{{` in a value is
 * never evaluated (Handlebars does not re-read what it substitutes) and is escaped all the same.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/[\\*_{}[\]()#+\-.!|~:]/g, '\\$&');
}

/** An absolute https (or loopback http, for the sandbox) URL, else undefined: never `javascript:`. */
export function safeUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const loopback = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopback) ? parsed.href : undefined;
}
