/**
 * The text a browser shows for (sanitised) HTML: tags dropped, entities decoded, whitespace
 * collapsed. For tests that compare what a rep reads on a channel with what the card says.
 */
export function displayedText(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(lt|gt|quot|apos|nbsp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' })[name] as string)
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whitespace collapsed the way {@link displayedText} collapses it. */
export const collapsed = (text: string): string => text.replace(/\s+/g, ' ').trim();
