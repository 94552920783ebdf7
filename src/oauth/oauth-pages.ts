/** The few plain pages the OAuth flow answers with; every value is escaped. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

export interface PageLink {
  href: string;
  label: string;
}

/** A minimal accessible page: a heading, one paragraph, an optional link. No scripts, no styles from outside. */
export function renderPage(title: string, message: string, link?: PageLink): string {
  const action = link === undefined ? '' : `\n<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Unrobot</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>${action}
</main>
</body>
</html>
`;
}
