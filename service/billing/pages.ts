import type Router from '@koa/router';
import { LIMIT_NAMES, limitText, PLAN_IDS, PLANS } from '#shared/billing/plans.js';
import type { AppDeps, AppState } from '../context.js';
import { escapeHtml, messagePage, sendPage } from '../pages/layout.js';

const DONE: Record<string, { title: string; message: string }> = {
  subscribed: {
    title: 'Thank you',
    message: 'Your payment went to Stripe. The new plan applies as soon as Stripe confirms it, usually within a minute. You can close this tab and go back to Minopa.',
  },
  cancelled: { title: 'Nothing changed', message: 'You left the checkout before paying: your plan is the same as before. You can close this tab.' },
  managed: { title: 'Back from billing', message: 'Changes you made at Stripe show in Minopa within a minute. You can close this tab.' },
};

/**
 * The pages around billing: `/billing/plans` (the `upgradeUrl` of plan_limit_reached: every plan's
 * limits, and where owners upgrade) and `/billing/done` (where Stripe's hosted pages send people back).
 * Neither needs a session, so neither says anything about a workspace (P14).
 */
export function registerBillingPages(router: Router<AppState>, deps: AppDeps): void {
  router.get('/billing/done', (ctx) => {
    const page = DONE[String(ctx.query.result)] ?? DONE.managed!;
    messagePage(ctx, 200, page.title, page.message, 'success');
  });
  router.get('/billing/plans', (ctx) => {
    const rows = PLAN_IDS.map((id) => `<tr><th scope="row">${escapeHtml(PLANS[id].name)}</th>${LIMIT_NAMES.map((limit) => `<td>${escapeHtml(limitText(limit, PLANS[id].limits[limit]).en)}</td>`).join('')}</tr>`).join('\n');
    const how = deps.config.billing
      ? 'An owner of the workspace upgrades in Minopa’s options under Billing → Upgrade; payment happens on Stripe’s page.'
      : 'Billing is off on this Minopa service, so every workspace has the Free plan.';
    sendPage(
      ctx,
      200,
      'Minopa plans',
      `<h1>Minopa plans</h1>\n<table>\n<thead><tr><th>Plan</th><th>Accounts</th><th>Members</th><th>Posts</th><th>Media</th></tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n<p>${escapeHtml(how)}</p>`,
    );
  });
}
