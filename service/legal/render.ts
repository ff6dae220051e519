import type { LegalDocument } from '../models/legal-document.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Other versions of the same document, for the "earlier versions" list. */
export interface VersionLink {
  version: string;
  lastUpdated: string;
  url: string;
}

/**
 * A plain readable page for one document version with its "Last updated" date (P33), every piece of
 * text escaped. Headings (`## `) and paragraphs (blank-line separated) are the only formatting.
 */
export function renderLegalPage(document: Pick<LegalDocument, 'title' | 'version' | 'lastUpdated' | 'body'>, versions: VersionLink[]): string {
  const blocks = document.body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => (block.startsWith('## ') ? `<h2>${escapeHtml(block.slice(3))}</h2>` : `<p>${escapeHtml(block)}</p>`));
  const others = versions
    .map((v) => `<li><a href="${escapeHtml(v.url)}">Version ${escapeHtml(v.version)}</a> (last updated ${escapeHtml(v.lastUpdated)})</li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.title)}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#222}.meta{color:#555}</style>
</head>
<body>
<h1>${escapeHtml(document.title)}</h1>
<p class="meta">Version ${escapeHtml(document.version)} · Last updated <time datetime="${escapeHtml(document.lastUpdated)}">${escapeHtml(document.lastUpdated)}</time></p>
${blocks.join('\n')}
${others ? `<h2>All versions</h2><ul>${others}</ul>` : ''}
</body>
</html>
`;
}
