import type Router from '@koa/router';
import type { Language } from '#shared/i18n.js';
import type { AppContext, AppDeps, AppState } from '../../context.js';
import { HttpError } from '../../errors.js';
import { requestLanguage } from '../../lib/accept-language.js';
import { checkCsrf, csrfToken } from '../csrf.js';
import { readForm } from '../form-body.js';
import { escapeHtml, sendPage } from '../layout.js';
import { type AnalyticsChoice, expireAnalyticsCookies, readAnalyticsChoice, writeAnalyticsChoice } from './consent-cookie.js';
import { CONSENT_FORM, SETTINGS_PATH, consentText, toolNames } from './texts.js';

/**
 * Analytics consent on the service's own pages (P21, P25). Must be registered before the pages: its
 * router middleware tells every page (layout.ts sendPage, the legal pages) whether analytics is
 * configured. `GET /cookie-settings` shows the choice in the visitor's language with Accept / Decline;
 * `POST /cookie-settings` (CSRF-checked, from the banner or that page) records it in the consent cookie,
 * on Decline also expires the analytics cookies, and goes back to the page it was made on.
 */
export function registerAnalyticsConsent(router: Router<AppState>, deps: AppDeps): void {
  const { analytics, appSecret } = deps.config;
  if (analytics) {
    router.use((ctx, next) => {
      ctx.state.pageAnalytics = { analytics, appSecret };
      return next();
    });
  }

  router.get(SETTINGS_PATH, (ctx) => settingsPage(ctx, deps, 200, { back: sameSitePath(ctx.query.back) }));

  router.post(SETTINGS_PATH, async (ctx) => {
    const form = await readForm(ctx);
    const back = sameSitePath(form.back);
    try {
      checkCsrf(ctx, appSecret, CONSENT_FORM, form.csrf);
      const choice = form.choice;
      if (choice !== 'granted' && choice !== 'denied') throw new HttpError('validation_failed', consentText.badChoice);
      writeAnalyticsChoice(ctx, choice);
      const expired = choice === 'denied' ? expireAnalyticsCookies(ctx) : [];
      ctx.state.log.info('analytics choice recorded', { choice, expiredCookies: expired.length });
      if (back) {
        ctx.status = 303;
        ctx.redirect(back);
        return;
      }
      settingsPage(ctx, deps, 200, { saved: choice });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      settingsPage(ctx, deps, error.status, { back, error });
    }
  });
}

/**
 * A path on this site to go back to after choosing, or undefined: only `/…` paths, never `//host` or
 * `/\host` (which browsers read as another site), so the form cannot redirect elsewhere.
 */
function sameSitePath(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) && value.length <= 2000 && !/[\r\n]/.test(value) ? value : undefined;
}

interface SettingsView {
  back?: string;
  /** Just recorded (the page then says so; the cookie of this response is not read back yet). */
  saved?: AnalyticsChoice;
  error?: HttpError;
}

function settingsPage(ctx: AppContext, deps: AppDeps, status: number, view: SettingsView): void {
  const language: Language = requestLanguage(ctx.get('Accept-Language'));
  const title = consentText.settings[language];
  const analytics = deps.config.analytics;
  const parts = [`<h1>${escapeHtml(title)}</h1>`];
  if (view.error) parts.push(`<p class="error" role="alert" data-code="${view.error.code}">${escapeHtml(view.error.text[language])}</p>`);
  if (!analytics) {
    parts.push(`<p>${escapeHtml(consentText.none[language])}</p>`);
  } else {
    const choice = view.saved ?? readAnalyticsChoice(ctx);
    const csrf = csrfToken(ctx, deps.config.appSecret, CONSENT_FORM);
    const button = (value: AnalyticsChoice, label: string, cls: string) =>
      `<form method="post" action="${SETTINGS_PATH}"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><input type="hidden" name="choice" value="${value}"><input type="hidden" name="back" value="${escapeHtml(view.back ?? '')}"><button${cls} data-testid="consent-${value}">${escapeHtml(label)}</button></form>`;
    parts.push(
      `<p>${escapeHtml(consentText.settingsIntro(toolNames(analytics, language))[language])} <a href="/legal/privacy">${escapeHtml(consentText.privacyPolicy[language])}</a></p>`,
      view.saved ? `<p class="success" role="status">${escapeHtml(consentText.saved[language])}</p>` : '',
      `<p data-testid="consent-current">${escapeHtml(consentText.current[choice ?? 'none'][language])}</p>`,
      button('granted', consentText.accept[language], ''),
      button('denied', consentText.decline[language], ' class="secondary"'),
    );
  }
  if (view.back) parts.push(`<p><a href="${escapeHtml(view.back)}">${escapeHtml(consentText.back[language])}</a></p>`);
  sendPage(ctx, status, title, parts.filter(Boolean).join('\n'), language);
}
