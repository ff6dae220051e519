import type Router from '@koa/router';
import { LIMIT_NAMES, limitText, PLAN_IDS, PLANS } from '#shared/billing/plans.js';
import type { Bilingual } from '#shared/i18n.js';
import type { AppDeps, AppState } from '../context.js';
import { escapeHtml, messagePage, pageLanguage, sendPage } from '../pages/layout.js';

const DONE: Record<string, { title: Bilingual; message: Bilingual }> = {
  subscribed: {
    title: { en: 'Thank you', de: 'Vielen Dank' },
    message: {
      en: 'Your payment went to Stripe. The new plan applies as soon as Stripe confirms it, usually within a minute. You can close this tab and go back to Minopa.',
      de: 'Ihre Zahlung ist bei Stripe eingegangen. Der neue Tarif gilt, sobald Stripe sie bestätigt, meist innerhalb einer Minute. Sie können diesen Tab schließen und zu Minopa zurückkehren.',
    },
  },
  cancelled: {
    title: { en: 'Nothing changed', de: 'Nichts geändert' },
    message: {
      en: 'You left the checkout before paying: your plan is the same as before. You can close this tab.',
      de: 'Sie haben die Zahlung vor dem Bezahlen verlassen: Ihr Tarif ist derselbe wie zuvor. Sie können diesen Tab schließen.',
    },
  },
  managed: {
    title: { en: 'Back from billing', de: 'Zurück von der Abrechnung' },
    message: {
      en: 'Changes you made at Stripe show in Minopa within a minute. You can close this tab.',
      de: 'Änderungen, die Sie bei Stripe vorgenommen haben, erscheinen in Minopa innerhalb einer Minute. Sie können diesen Tab schließen.',
    },
  },
};

const PLANS_PAGE = {
  title: { en: 'Minopa plans', de: 'Minopa-Tarife' },
  headings: { en: ['Plan', 'Accounts', 'Members', 'Posts', 'Media'], de: ['Tarif', 'Konten', 'Mitglieder', 'Beiträge', 'Medien'] },
  how: {
    en: 'An owner of the workspace upgrades in Minopa’s options under Billing → Upgrade; payment happens on Stripe’s page.',
    de: 'Eine Inhaberin oder ein Inhaber des Arbeitsbereichs wechselt in Minopas Optionen unter Abrechnung → Upgrade den Tarif; bezahlt wird auf der Seite von Stripe.',
  },
  off: {
    en: 'Billing is off on this Minopa service, so every workspace has the Free plan.',
    de: 'Die Abrechnung ist auf diesem Minopa-Dienst ausgeschaltet, daher hat jeder Arbeitsbereich den Tarif Free.',
  },
} satisfies Record<string, Bilingual | Record<'en' | 'de', string[]>>;

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
    const language = pageLanguage(ctx);
    const rows = PLAN_IDS.map((id) => `<tr><th scope="row">${escapeHtml(PLANS[id].name)}</th>${LIMIT_NAMES.map((limit) => `<td>${escapeHtml(limitText(limit, PLANS[id].limits[limit])[language])}</td>`).join('')}</tr>`).join('\n');
    const how = (deps.config.billing ? PLANS_PAGE.how : PLANS_PAGE.off)[language];
    const title = PLANS_PAGE.title[language];
    const headings = PLANS_PAGE.headings[language].map((heading) => `<th>${escapeHtml(heading)}</th>`).join('');
    sendPage(
      ctx,
      200,
      title,
      `<h1>${escapeHtml(title)}</h1>\n<table>\n<thead><tr>${headings}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n<p>${escapeHtml(how)}</p>`,
      language,
    );
  });
}
