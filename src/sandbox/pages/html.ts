/**
 * HTML built from tagged templates that escape every interpolated value unless it is already
 * `SafeHtml` (another template's output, or a sanitiser's). So text a user or HubSpot wrote is
 * escaped by default, and markup enters a page only through `html\`…\`` or `trustedHtml`.
 */
import { escapeHtml } from '../../cards/escape.ts';

export class SafeHtml {
  readonly value: string;
  constructor(value: string) { this.value = value; }
  toString(): string { return this.value; }
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map((item: Part) => render(item)).join('');
  return escapeHtml(String(part));
}

/** `html\`<p>${text}</p>\``: values are escaped; nested `html` results and arrays of them are kept. */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => { out += render(value) + (strings[index + 1] ?? ''); });
  return new SafeHtml(out);
}

/** Marks markup that already passed an allowlist sanitiser (or is our own constant) as safe. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
