import type { Bilingual, Language } from '#shared/i18n.js';
import type { AppContext } from '../context.js';
import { requestLanguage } from '../lib/accept-language.js';
import { escapeHtml } from '../legal/render.js';
import { analyticsPageParts, withAnalyticsCsp, withAnalyticsMarkup } from './analytics/page-parts.js';

export { escapeHtml };

const STYLE = `body{font:16px/1.6 system-ui,sans-serif;max-width:30rem;margin:3rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}label{display:block;margin:.8rem 0 .2rem;font-weight:600}
input[type=password],input[type=email],input[type=text]{width:100%;box-sizing:border-box;padding:.5rem;font:inherit;border:1px solid #888;border-radius:4px}
button{margin-top:1rem;padding:.55rem 1.2rem;font:inherit;border:0;border-radius:4px;background:#3b47c4;color:#fff;cursor:pointer}
button.secondary{background:#e4e4ea;color:#222}
.error{color:#a40000}.field-error{color:#a40000;margin:.2rem 0 0}.success{color:#17662b}.muted{color:#555;font-size:.9rem}
.sandbox{border:3px dashed #c47a00;padding:.3rem 1rem 1rem;border-radius:8px}.badge{background:#c47a00;color:#fff;padding:.1rem .5rem;border-radius:4px;font-size:.8rem}`;

/**
 * A small HTML page of the service (account links opened from emails, Google sign-in messages).
 * `body` is trusted markup: escape every value put into it with escapeHtml. `language` is the language
 * `title` and `body` are written in (most pages are English only; localised ones pass the visitor's).
 */
export function renderPage(title: string, body: string, language: Language = 'en'): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Minopa</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * Answers with a page. Forms post to this service only (CSP form-action 'self'); no scripts, unless the
 * operator configured analytics (then only the consent-gated ones of pages/analytics, P21); the page is
 * never cached or framed, and its URL (which may hold a link token) is never sent as a referrer.
 */
export function sendPage(ctx: AppContext, status: number, title: string, body: string, language: Language = 'en'): void {
  const analytics = analyticsPageParts(ctx);
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', withAnalyticsCsp("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'", analytics));
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.body = withAnalyticsMarkup(renderPage(title, body, language), analytics);
}

/** The visitor's language (Accept-Language: English or German), for pages written in both. */
export function pageLanguage(ctx: AppContext): Language {
  return requestLanguage(ctx.get('Accept-Language'));
}

/**
 * A page that says one thing: a heading and a paragraph (the text is escaped). Given both in every
 * language (Bilingual), it is in the visitor's language; plain strings are English.
 */
export function messagePage(ctx: AppContext, status: number, title: string | Bilingual, message: string | Bilingual, kind: 'error' | 'success' | 'plain' = 'plain'): void {
  const language = typeof title === 'string' || typeof message === 'string' ? 'en' : pageLanguage(ctx);
  const [heading, text] = [title, message].map((part) => (typeof part === 'string' ? part : part[language]));
  const cls = kind === 'plain' ? '' : ` class="${kind}"`;
  sendPage(ctx, status, heading!, `<h1>${escapeHtml(heading!)}</h1>\n<p${cls} role="${kind === 'error' ? 'alert' : 'status'}">${escapeHtml(text!)}</p>`, language);
}
