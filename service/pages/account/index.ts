import type Router from '@koa/router';
import { confirmEmailChange } from '../../actions/confirm-email-change.js';
import { verifyEmail } from '../../actions/verify-email.js';
import type { AppDeps, AppState } from '../../context.js';
import { registerConfirmPage } from './confirm-page.js';
import { registerResetPasswordPage } from './reset-password.js';

/** The pages emailed account links open: verify an address, confirm an email change, reset a password. */
export function registerAccountPages(router: Router<AppState>, deps: AppDeps): void {
  registerConfirmPage(router, deps, {
    path: '/account/verify-email',
    title: 'Confirm your email address',
    intro: 'Press the button to confirm that this email address is yours.',
    button: 'Confirm my email address',
    async confirm({ db, config }, token) {
      const user = await verifyEmail(db.knex, config.appSecret, token);
      return `Thank you: ${user.email} is verified. You can close this page and go back to Minopa.`;
    },
  });
  registerConfirmPage(router, deps, {
    path: '/account/confirm-email',
    title: 'Confirm your new email address',
    intro: 'Press the button to make this address the email of your Minopa account.',
    button: 'Use this email address',
    async confirm({ db, config }, token) {
      const user = await confirmEmailChange(db.knex, config.appSecret, token);
      return `Done: your Minopa account now uses ${user.email}. Sign in with this address from now on.`;
    },
  });
  registerResetPasswordPage(router, deps);
}
