import type Router from '@koa/router';
import { Password } from '#shared/api/auth.js';
import { fromZodMessage, type Bilingual, type Language } from '#shared/i18n.js';
import { resetPassword } from '../../actions/reset-password.js';
import type { AppContext, AppDeps, AppState } from '../../context.js';
import { HttpError } from '../../errors.js';
import { checkCsrf, csrfToken } from '../csrf.js';
import { readForm } from '../form-body.js';
import { escapeHtml, messagePage, pageLanguage, sendPage } from '../layout.js';
import { INCOMPLETE_LINK } from './confirm-page.js';

const PATH = '/account/reset-password';

const TEXT = {
  title: { en: 'Choose a new password', de: 'Wählen Sie ein neues Passwort' },
  password: { en: 'New password', de: 'Neues Passwort' },
  hint: {
    en: 'At least 10 characters. Every device signed in to your account will be signed out.',
    de: 'Mindestens 10 Zeichen. Alle bei Ihrem Konto angemeldeten Geräte werden abgemeldet.',
  },
  again: { en: 'New password again', de: 'Neues Passwort wiederholen' },
  submit: { en: 'Set new password', de: 'Neues Passwort festlegen' },
  invalid: { en: (why: string) => `The password ${why}.`, de: (why: string) => `Das Passwort ${why}.` },
  mismatch: {
    en: 'The two passwords are not the same. Type the new password twice.',
    de: 'Die beiden Passwörter stimmen nicht überein. Geben Sie das neue Passwort zweimal ein.',
  },
  changedTitle: { en: 'Password changed', de: 'Passwort geändert' },
  changed: {
    en: 'Your password is changed and every device was signed out. Sign in again from Minopa with the new password.',
    de: 'Ihr Passwort ist geändert, und alle Geräte wurden abgemeldet. Melden Sie sich in Minopa mit dem neuen Passwort erneut an.',
  },
};

/**
 * The page a password reset email opens: a form for the new password (typed twice), CSRF-protected
 * (P25), that works from any browser without the extension. Mistakes re-show the form with the reason.
 * In the visitor's language (English or German).
 */
export function registerResetPasswordPage(router: Router<AppState>, deps: AppDeps): void {
  const { appSecret } = deps.config;
  const showForm = (ctx: AppContext, status: number, token: string, error?: Bilingual) => {
    const language: Language = pageLanguage(ctx);
    const title = TEXT.title[language];
    sendPage(
      ctx,
      status,
      title,
      `<h1>${title}</h1>
${error ? `<p class="error" role="alert">${escapeHtml(error[language])}</p>` : ''}
<form method="post" action="${PATH}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrfToken(ctx, appSecret, PATH))}">
<label for="password">${TEXT.password[language]}</label>
<input id="password" name="password" type="password" autocomplete="new-password" required minlength="10">
<p class="muted">${TEXT.hint[language]}</p>
<label for="confirm">${TEXT.again[language]}</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
<button type="submit">${TEXT.submit[language]}</button>
</form>`,
      language,
    );
  };

  router.get(PATH, (ctx) => {
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
    if (!token) return messagePage(ctx, 400, TEXT.title, INCOMPLETE_LINK, 'error');
    showForm(ctx, 200, token);
  });

  router.post(PATH, async (ctx) => {
    let token = '';
    try {
      const fields = await readForm(ctx);
      token = fields.token ?? '';
      checkCsrf(ctx, appSecret, PATH, fields.csrf);
      const password = Password.safeParse(fields.password ?? '');
      if (!password.success) {
        const why = fromZodMessage(password.error.issues[0]!.message);
        return showForm(ctx, 400, token, { en: TEXT.invalid.en(why.en), de: TEXT.invalid.de(why.de) });
      }
      if (fields.password !== fields.confirm) return showForm(ctx, 400, token, TEXT.mismatch);
      await resetPassword(deps.db.knex, appSecret, token, password.data);
      messagePage(ctx, 200, TEXT.changedTitle, TEXT.changed, 'success');
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      if (error.code === 'csrf_failed' && token) return showForm(ctx, 403, token, error.text);
      messagePage(ctx, error.status, TEXT.title, error.text, 'error');
    }
  });
}
