import type Router from '@koa/router';
import type { Bilingual } from '#shared/i18n.js';
import type { AppContext, AppDeps, AppState } from '../../context.js';
import { HttpError } from '../../errors.js';
import { checkCsrf, csrfToken } from '../csrf.js';
import { readForm } from '../form-body.js';
import { escapeHtml, messagePage, pageLanguage, sendPage } from '../layout.js';

/** A page that confirms something with the token of an emailed link; every sentence in English and German. */
export interface ConfirmPage {
  path: string;
  title: Bilingual;
  intro: Bilingual;
  button: Bilingual;
  /** Uses the token; returns the sentence shown on success. Throws HttpError for a bad link. */
  confirm(deps: AppDeps, token: string): Promise<Bilingual>;
}

/** Shown when a link arrives without its token (cut off by a mail program, say). */
export const INCOMPLETE_LINK: Bilingual = {
  en: 'This link is incomplete. Open it again from the email, or copy the whole address.',
  de: 'Dieser Link ist unvollständig. Öffnen Sie ihn erneut aus der E-Mail oder kopieren Sie die ganze Adresse.',
};

/**
 * GET shows a button and POST does the work: mail scanners that open every link in an email only ever
 * GET, so they cannot use the link up before the person does. The POST is CSRF-protected (P25). In the
 * visitor's language (English or German).
 */
export function registerConfirmPage(router: Router<AppState>, deps: AppDeps, page: ConfirmPage): void {
  const form = page.path;
  router.get(page.path, (ctx) => {
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
    if (!token) return messagePage(ctx, 400, page.title, INCOMPLETE_LINK, 'error');
    const language = pageLanguage(ctx);
    sendPage(
      ctx,
      200,
      page.title[language],
      `<h1>${escapeHtml(page.title[language])}</h1>
<p>${escapeHtml(page.intro[language])}</p>
<form method="post" action="${escapeHtml(page.path)}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrfToken(ctx, deps.config.appSecret, form))}">
<button type="submit">${escapeHtml(page.button[language])}</button>
</form>`,
      language,
    );
  });
  router.post(page.path, async (ctx: AppContext) => {
    try {
      const fields = await readForm(ctx);
      checkCsrf(ctx, deps.config.appSecret, form, fields.csrf);
      messagePage(ctx, 200, page.title, await page.confirm(deps, fields.token ?? ''), 'success');
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      messagePage(ctx, error.status, page.title, error.text, 'error');
    }
  });
}
