import { randomBytes } from 'node:crypto';
import type { Language } from '#shared/i18n.js';
import type { AppContext } from '../../context.js';
import { requestLanguage } from '../../lib/accept-language.js';
import { escapeHtml } from '../../legal/render.js';
import { csrfToken } from '../csrf.js';
import { ANALYTICS_DEFAULTS, type AnalyticsConfig } from './config.js';
import { type AnalyticsChoice, readAnalyticsChoice } from './consent-cookie.js';
import { CONSENT_FORM, SETTINGS_PATH, consentText, toolNames } from './texts.js';

/** What routes.ts's middleware puts on every request of the router, for the pages to read. */
export interface PageAnalyticsState {
  analytics: AnalyticsConfig;
  appSecret: string;
}

declare module '../../context.js' {
  interface AppState {
    /** Set when analytics is configured (pages/analytics/routes.ts); absent: pages carry none. */
    pageAnalytics?: PageAnalyticsState;
  }
}

/** The analytics pieces of one page: markup for its head and the end of its body, and its CSP sources. */
export interface AnalyticsPageParts {
  head: string;
  bodyEnd: string;
  nonce: string;
  choice: AnalyticsChoice | null;
  /** Origins the page may load scripts from / send data to: only once the visitor consented. */
  scriptSources: string[];
  dataSources: string[];
}

/**
 * The analytics of a page for this visitor, or null when the operator configured none (the page then
 * stays script-free). Before any tag, a nonce'd inline script sets Consent Mode v2's defaults, all
 * denied (P21); gtag.js and Clarity's tag are in the page only when the visitor's cookie says granted,
 * after the consent update (and only on GET pages without a query). Until they chose, a banner asks;
 * every page links to the cookie settings.
 */
export function analyticsPageParts(ctx: AppContext): AnalyticsPageParts | null {
  const state = ctx.state.pageAnalytics;
  if (!state) return null;
  const { analytics } = state;
  const language = requestLanguage(ctx.get('Accept-Language'));
  const choice = readAnalyticsChoice(ctx);
  const nonce = randomBytes(16).toString('base64');
  // Tags never see a link token or a posted form: pages whose address has a query (emailed links carry
  // their token there) or that answer a POST keep the consent defaults but load no tag.
  const granted = choice === 'granted' && ctx.method === 'GET' && ctx.querystring === '';
  const js = (value: string) => JSON.stringify(value).replaceAll('<', '\\u003c');

  const inline = [
    'window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}',
    "gtag('consent','default',{ad_storage:'denied',ad_user_data:'denied',ad_personalization:'denied',analytics_storage:'denied',wait_for_update:500});",
  ];
  const tags: string[] = [];
  if (granted && analytics.googleId) {
    // Consent covers analytics only: the ad signals stay denied (the service shows no ads, policy 5.1).
    inline.push("gtag('consent','update',{analytics_storage:'granted'});", `gtag('js',new Date());gtag('config',${js(analytics.googleId)},{page_location:location.origin+location.pathname});`);
    const src = new URL(analytics.googleScriptUrl);
    src.searchParams.set('id', analytics.googleId);
    tags.push(src.href);
  }
  if (granted && analytics.clarityId) {
    inline.push(
      'window.clarity=window.clarity||function(){(window.clarity.q=window.clarity.q||[]).push(arguments);};',
      "window.clarity('consentv2',{ad_Storage:'denied',analytics_Storage:'granted'});",
    );
    tags.push(analytics.clarityScriptUrl + analytics.clarityId);
  }
  const head = [`<script nonce="${nonce}">${inline.join('\n')}</script>`, ...tags.map((src) => `<script async nonce="${nonce}" src="${escapeHtml(src)}"></script>`)].join('\n');

  const back = ctx.method === 'GET' ? ctx.originalUrl : '';
  const settingsLink = `${SETTINGS_PATH}${back ? `?back=${encodeURIComponent(back)}` : ''}`;
  const footer = `<footer lang="${language}" class="muted"><p><a href="${escapeHtml(settingsLink)}">${escapeHtml(consentText.settings[language])}</a></p></footer>`;
  // The settings page asks the same question itself.
  const asks = choice === null && ctx.path !== SETTINGS_PATH;
  const bodyEnd = (asks ? banner(ctx, state, language, back) + '\n' : '') + footer;

  const origins = granted ? sourcesFor(analytics) : { script: [], data: [] };
  return { head, bodyEnd, nonce, choice, scriptSources: origins.script, dataSources: origins.data };
}

/** The question, until the visitor answers: two one-button forms posting the choice with a CSRF token (P25). */
function banner(ctx: AppContext, state: PageAnalyticsState, language: Language, back: string): string {
  const csrf = csrfToken(ctx, state.appSecret, CONSENT_FORM);
  const form = (choice: AnalyticsChoice, label: string, cls: string) =>
    `<form method="post" action="${SETTINGS_PATH}" class="consent-choice"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><input type="hidden" name="choice" value="${choice}"><input type="hidden" name="back" value="${escapeHtml(back)}"><button${cls} data-testid="consent-${choice}">${escapeHtml(label)}</button></form>`;
  return `<aside lang="${language}" class="consent-banner" aria-label="${escapeHtml(consentText.bannerLabel[language])}" data-testid="consent-banner" style="border-top:1px solid #ccc;margin-top:2rem;padding-top:.5rem">
<p>${escapeHtml(consentText.question(toolNames(state.analytics, language))[language])} <a href="/legal/privacy">${escapeHtml(consentText.privacyPolicy[language])}</a></p>
${form('granted', consentText.accept[language], '')}
${form('denied', consentText.decline[language], ' class="secondary"')}
</aside>`;
}

const GOOGLE_HOSTS = { script: ['https://*.googletagmanager.com'], data: ['https://*.google-analytics.com', 'https://*.analytics.google.com', 'https://*.googletagmanager.com'] };
const CLARITY_HOSTS = { script: ['https://*.clarity.ms'], data: ['https://*.clarity.ms', 'https://c.bing.com'] };

/** The configured script origins, plus the hosts the real tags send to when they come from their real origins. */
export function sourcesFor(analytics: AnalyticsConfig): { script: string[]; data: string[] } {
  const script = new Set<string>();
  const data = new Set<string>();
  const add = (url: string, defaultUrl: string, known: { script: string[]; data: string[] }) => {
    const origin = new URL(url).origin;
    script.add(origin);
    data.add(origin);
    if (origin === new URL(defaultUrl).origin) {
      known.script.forEach((host) => script.add(host));
      known.data.forEach((host) => data.add(host));
    }
  };
  if (analytics.googleId) add(analytics.googleScriptUrl, ANALYTICS_DEFAULTS.googleScriptUrl, GOOGLE_HOSTS);
  if (analytics.clarityId) add(analytics.clarityScriptUrl, ANALYTICS_DEFAULTS.clarityScriptUrl, CLARITY_HOSTS);
  return { script: [...script], data: [...data] };
}

/**
 * `csp` with what the page's analytics needs: script-src for its nonce (and the tags' origins once
 * consented), connect-src/img-src for where the tags send, form-action for the banner. Unchanged
 * without analytics.
 */
export function withAnalyticsCsp(csp: string, parts: AnalyticsPageParts | null): string {
  if (!parts) return csp;
  const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/);
    return [name!, sources] as const;
  }));
  const add = (name: string, sources: string[]) => directives.set(name, [...new Set([...(directives.get(name) ?? []), ...sources])]);
  add('script-src', [`'nonce-${parts.nonce}'`, ...parts.scriptSources]);
  add('form-action', ["'self'"]);
  if (parts.dataSources.length > 0) {
    add('connect-src', parts.dataSources);
    add('img-src', parts.dataSources);
  }
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** `html` with the parts put before `</head>` and `</body>`; unchanged without analytics. */
export function withAnalyticsMarkup(html: string, parts: AnalyticsPageParts | null): string {
  if (!parts) return html;
  // Replacer functions: the parts hold visitor-given text (the page's URL), whose `$` must stay literal.
  return html.replace('</head>', () => `${parts.head}\n</head>`).replace(/<\/body>(?![\s\S]*<\/body>)/, () => `${parts.bodyEnd}\n</body>`);
}
