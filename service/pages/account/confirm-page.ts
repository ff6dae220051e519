import type Router from '@koa/router';
import type { AppContext, AppDeps, AppState } from '../../context.js';
import { HttpError } from '../../errors.js';
import { checkCsrf, csrfToken } from '../csrf.js';
import { readForm } from '../form-body.js';
import { escapeHtml, messagePage, sendPage } from '../layout.js';

/** A page that confirms something with the token of an emailed link. */
export interface ConfirmPage {
  path: string;
  title: string;
  intro: string;
  button: string;
  /** Uses the token; returns the sentence shown on success. Throws HttpError for a bad link. */
  confirm(deps: AppDeps, token: string): Promise<string>;
}

/**
 * GET shows a button and POST does the work: mail scanners that open every link in an email only ever
 * GET, so they cannot use the link up before the person does. The POST is CSRF-protected (P25).
 */
export function registerConfirmPage(router: Router<AppState>, deps: AppDeps, page: ConfirmPage): void {
  const form = page.path;
  router.get(page.path, (ctx) => {
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
    if (!token) return messagePage(ctx, 400, page.title, 'This link is incomplete. Open it again from the email, or copy the whole address.', 'error');
    sendPage(
      ctx,
      200,
      page.title,
      `<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.intro)}</p>
<form method="post" action="${escapeHtml(page.path)}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrfToken(ctx, deps.config.appSecret, form))}">
<button type="submit">${escapeHtml(page.button)}</button>
</form>`,
    );
  });
  router.post(page.path, async (ctx: AppContext) => {
    try {
      const fields = await readForm(ctx);
      checkCsrf(ctx, deps.config.appSecret, form, fields.csrf);
      const message = await page.confirm(deps, fields.token ?? '');
      messagePage(ctx, 200, page.title, message, 'success');
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      messagePage(ctx, error.status, page.title, error.message, 'error');
    }
  });
}
