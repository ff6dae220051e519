import type { AppContext } from '../context.js';
import { escapeHtml } from '../legal/render.js';

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
 * `body` is trusted markup: escape every value put into it with escapeHtml.
 */
export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Minopa</title>
<style>${STYLE}</style>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * Answers with a page. Forms post to this service only (CSP form-action 'self'); no scripts at all; the
 * page is never cached or framed, and its URL (which may hold a link token) is never sent as a referrer.
 */
export function sendPage(ctx: AppContext, status: number, title: string, body: string): void {
  ctx.status = status;
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'");
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.body = renderPage(title, body);
}

/** A page that says one thing: a heading and a paragraph (the text is escaped). */
export function messagePage(ctx: AppContext, status: number, title: string, message: string, kind: 'error' | 'success' | 'plain' = 'plain'): void {
  const cls = kind === 'plain' ? '' : ` class="${kind}"`;
  sendPage(ctx, status, title, `<h1>${escapeHtml(title)}</h1>\n<p${cls} role="${kind === 'error' ? 'alert' : 'status'}">${escapeHtml(message)}</p>`);
}
