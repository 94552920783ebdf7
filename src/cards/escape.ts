/** Escaping for the channels a card goes to. Every CRM-derived value passes through one of these. */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text safe inside HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => HTML[char] as string);
}

/**
 * Text safe as a value inside a HubSpot timeline template (Markdown + Handlebars): every Markdown
 * and Handlebars punctuation character is backslash-escaped, so `{{`, links, images and emphasis
 * in a CRM value render as the literal characters. Handlebars itself HTML-escapes `{{token}}`.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/[\\`*_{}[\]()<>#+\-.!|~"'=:&]/g, '\\$&');
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
