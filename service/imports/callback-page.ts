import type Router from '@koa/router';
import type { Language } from '#shared/i18n.js';
import { INTEGRATION_NAMES } from '#shared/api/integrations.js';
import { IMPORT_PROVIDERS, type ImportProvider } from '#shared/imports/source-url.js';
import { finishIntegrationConnect, type FinishedIntegration } from '../actions/finish-integration-connect.js';
import type { AppDeps, AppState } from '../context.js';
import { HttpError } from '../errors.js';
import { escapeHtml, messagePage, pageLanguage, sendPage } from '../pages/layout.js';
import { queryValue } from '../lib/query-value.js';

const isProvider = (value: unknown): value is ImportProvider => typeof value === 'string' && (IMPORT_PROVIDERS as readonly string[]).includes(value);

/**
 * Where Canva and Google send people back after authorizing (the redirect URI registered with each):
 * GET /api/v1/integrations/:provider/callback finishes the connection on the service and shows the
 * result in a small page, in the visitor's language (English or German). Every refusal is a page with a
 * sentence, never a JSON error.
 */
export function registerIntegrationCallback(router: Router<AppState>, deps: AppDeps): void {
  router.get('/api/v1/integrations/:provider/callback', async (ctx) => {
    const provider = ctx.params.provider;
    if (!isProvider(provider)) return messagePage(ctx, 404, TEXT.notConnected, TEXT.noSuchService, 'error');
    const language = pageLanguage(ctx);
    try {
      const finished = await finishIntegrationConnect(deps.db.knex, deps.config, ctx.state.log, { provider, state: queryValue(ctx, 'state'), code: queryValue(ctx, 'code'), error: queryValue(ctx, 'error') });
      const page = renderConnected(provider, finished, language);
      sendPage(ctx, 200, page.title, page.body, language);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      messagePage(ctx, error.status, TEXT.notConnected, error.text, 'error');
    }
  });
}

/** The page's sentences in each language; `{…}` values are already escaped HTML. */
const TEXT = {
  notConnected: { en: 'Not connected', de: 'Nicht verbunden' },
  noSuchService: { en: 'There is no such service to connect.', de: 'Diesen Dienst kann man nicht verbinden.' },
  title: { en: (name: string) => `${name} connected`, de: (name: string) => `${name} verbunden` },
  yourAccount: { en: 'your account', de: 'Ihr Konto' },
  sandbox: {
    en: (name: string, provider: ImportProvider) => `This is a sandbox ${name} account: its ${provider === 'canva' ? 'designs are' : 'files are'} made up.`,
    de: (name: string, provider: ImportProvider) => `Dies ist ein Sandbox-Konto von ${name}: Die ${provider === 'canva' ? 'Designs' : 'Dateien'} darin sind erfunden.`,
  },
  connected: {
    en: (name: string, who: string, email: string) => `Minopa can now import from ${name} (${who}) for your Minopa account ${email}.`,
    de: (name: string, who: string, email: string) => `Minopa kann jetzt für Ihr Minopa-Konto ${email} aus ${name} (${who}) importieren.`,
  },
  closeTab: { en: 'You can close this tab and go back to Minopa.', de: 'Sie können diesen Tab schließen und zu Minopa zurückkehren.' },
};

/** "Connected": whose vendor account, to which Minopa account, and that the tab can be closed. */
function renderConnected(provider: ImportProvider, finished: FinishedIntegration, language: Language): { title: string; body: string } {
  const name = INTEGRATION_NAMES[provider];
  const title = TEXT.title[language](name);
  const { connection } = finished;
  const who = [connection.displayName, connection.email].filter(Boolean).map((part) => escapeHtml(part!)).join(' · ') || TEXT.yourAccount[language];
  return {
    title,
    body: `<h1>${escapeHtml(title)}</h1>
${finished.sandbox ? `<p><span class="badge">SANDBOX</span> ${TEXT.sandbox[language](escapeHtml(name), provider)}</p>` : ''}
<p class="success" role="status">${TEXT.connected[language](escapeHtml(name), who, escapeHtml(finished.minopaEmail))}</p>
<p>${TEXT.closeTab[language]}</p>`,
  };
}
