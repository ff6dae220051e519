import type Router from '@koa/router';
import { Password } from '#shared/api/auth.js';
import { resetPassword } from '../../actions/reset-password.js';
import type { AppContext, AppDeps, AppState } from '../../context.js';
import { HttpError } from '../../errors.js';
import { checkCsrf, csrfToken } from '../csrf.js';
import { readForm } from '../form-body.js';
import { escapeHtml, messagePage, sendPage } from '../layout.js';

const PATH = '/account/reset-password';
const TITLE = 'Choose a new password';

/**
 * The page a password reset email opens: a form for the new password (typed twice), CSRF-protected
 * (P25), that works from any browser without the extension. Mistakes re-show the form with the reason.
 */
export function registerResetPasswordPage(router: Router<AppState>, deps: AppDeps): void {
  const { appSecret } = deps.config;
  const showForm = (ctx: AppContext, status: number, token: string, error?: string) =>
    sendPage(
      ctx,
      status,
      TITLE,
      `<h1>${TITLE}</h1>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${PATH}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrfToken(ctx, appSecret, PATH))}">
<label for="password">New password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="10">
<p class="muted">At least 10 characters. Every device signed in to your account will be signed out.</p>
<label for="confirm">New password again</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
<button type="submit">Set new password</button>
</form>`,
    );

  router.get(PATH, (ctx) => {
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
    if (!token) return messagePage(ctx, 400, TITLE, 'This link is incomplete. Open it again from the email, or copy the whole address.', 'error');
    showForm(ctx, 200, token);
  });

  router.post(PATH, async (ctx) => {
    let token = '';
    try {
      const fields = await readForm(ctx);
      token = fields.token ?? '';
      checkCsrf(ctx, appSecret, PATH, fields.csrf);
      const password = Password.safeParse(fields.password ?? '');
      if (!password.success) return showForm(ctx, 400, token, `The password ${password.error.issues[0]!.message}.`);
      if (fields.password !== fields.confirm) return showForm(ctx, 400, token, 'The two passwords are not the same. Type the new password twice.');
      await resetPassword(deps.db.knex, appSecret, token, password.data);
      messagePage(ctx, 200, 'Password changed', 'Your password is changed and every device was signed out. Sign in again from Minopa with the new password.', 'success');
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      if (error.code === 'csrf_failed' && token) return showForm(ctx, 403, token, error.message);
      messagePage(ctx, error.status, TITLE, error.message, 'error');
    }
  });
}
