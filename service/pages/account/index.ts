import type Router from '@koa/router';
import { confirmEmailChange } from '../../actions/confirm-email-change.js';
import { verifyEmail } from '../../actions/verify-email.js';
import type { AppDeps, AppState } from '../../context.js';
import { registerConfirmPage } from './confirm-page.js';
import { registerResetPasswordPage } from './reset-password.js';

/** The pages emailed account links open: verify an address, confirm an email change, reset a password (English and German). */
export function registerAccountPages(router: Router<AppState>, deps: AppDeps): void {
  registerConfirmPage(router, deps, {
    path: '/account/verify-email',
    title: { en: 'Confirm your email address', de: 'Bestätigen Sie Ihre E-Mail-Adresse' },
    intro: { en: 'Press the button to confirm that this email address is yours.', de: 'Drücken Sie die Schaltfläche, um zu bestätigen, dass diese E-Mail-Adresse Ihnen gehört.' },
    button: { en: 'Confirm my email address', de: 'Meine E-Mail-Adresse bestätigen' },
    async confirm({ db, config }, token) {
      const { email } = await verifyEmail(db.knex, config.appSecret, token);
      return {
        en: `Thank you: ${email} is verified. You can close this page and go back to Minopa.`,
        de: `Danke: ${email} ist bestätigt. Sie können diese Seite schließen und zu Minopa zurückkehren.`,
      };
    },
  });
  registerConfirmPage(router, deps, {
    path: '/account/confirm-email',
    title: { en: 'Confirm your new email address', de: 'Bestätigen Sie Ihre neue E-Mail-Adresse' },
    intro: {
      en: 'Press the button to make this address the email of your Minopa account.',
      de: 'Drücken Sie die Schaltfläche, um diese Adresse zur E-Mail-Adresse Ihres Minopa-Kontos zu machen.',
    },
    button: { en: 'Use this email address', de: 'Diese E-Mail-Adresse verwenden' },
    async confirm({ db, config }, token) {
      const { email } = await confirmEmailChange(db.knex, config.appSecret, token);
      return {
        en: `Done: your Minopa account now uses ${email}. Sign in with this address from now on.`,
        de: `Erledigt: Ihr Minopa-Konto verwendet jetzt ${email}. Melden Sie sich ab jetzt mit dieser Adresse an.`,
      };
    },
  });
  registerResetPasswordPage(router, deps);
}
