import type Router from '@koa/router';
import type { AppContext, AppDeps, AppState } from '../context.js';
import { confirmPage, donePage, invalidLinkPage, UNSUBSCRIBE_PAGE_CSP } from '../email/pages.js';
import { unsubscribeByLink } from '../email/preferences.js';
import { isSuppressed } from '../email/suppressions.js';
import { type UnsubscribeClaim, verifyUnsubscribeToken } from '../email/unsubscribe-token.js';
import { pageLanguage } from '../pages/layout.js';

/**
 * The unsubscribe link every email carries (P11); no sign-in needed, the signed token is the authority.
 * GET shows a confirmation page (scanners that prefetch links must not unsubscribe anyone); POST — the
 * page's button, or a mail client's RFC 8058 one-click request (body `List-Unsubscribe=One-Click`) —
 * records the suppression at once and turns the kind off in the preferences of the address's account
 * (P10). Both answer 400 with a page for a malformed or tampered token.
 */
export function registerEmailUnsubscribe(router: Router<AppState>, deps: AppDeps): void {
  const claimOf = (ctx: AppContext): UnsubscribeClaim | null => {
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', UNSUBSCRIBE_PAGE_CSP);
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : undefined;
    const claim = verifyUnsubscribeToken(deps.config.appSecret, token);
    if (!claim) {
      ctx.status = 400;
      ctx.body = invalidLinkPage(pageLanguage(ctx));
    }
    return claim;
  };
  router.get('/email/unsubscribe', async (ctx) => {
    const claim = claimOf(ctx);
    if (!claim) return;
    const alreadyUnsubscribed = await isSuppressed(deps.db.knex, claim.email, claim.kind);
    ctx.body = confirmPage({ ...claim, token: String(ctx.query.token), alreadyUnsubscribed }, pageLanguage(ctx));
  });
  router.post('/email/unsubscribe', async (ctx) => {
    const claim = claimOf(ctx);
    if (!claim) return;
    await unsubscribeByLink(deps.db.knex, claim);
    ctx.state.log.info('email unsubscribed', { kind: claim.kind });
    ctx.body = donePage(claim, pageLanguage(ctx));
  });
}
