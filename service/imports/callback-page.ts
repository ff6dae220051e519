import type Router from '@koa/router';
import { INTEGRATION_NAMES } from '#shared/api/integrations.js';
import { IMPORT_PROVIDERS, type ImportProvider } from '#shared/imports/source-url.js';
import { finishIntegrationConnect, type FinishedIntegration } from '../actions/finish-integration-connect.js';
import type { AppDeps, AppState } from '../context.js';
import { HttpError } from '../errors.js';
import { escapeHtml, messagePage, sendPage } from '../pages/layout.js';
import { queryValue } from '../lib/query-value.js';

const isProvider = (value: unknown): value is ImportProvider => typeof value === 'string' && (IMPORT_PROVIDERS as readonly string[]).includes(value);

/**
 * Where Canva and Google send people back after authorizing (the redirect URI registered with each):
 * GET /api/v1/integrations/:provider/callback finishes the connection on the service and shows the
 * result in a small page. Every refusal is a page with a sentence, never a JSON error.
 */
export function registerIntegrationCallback(router: Router<AppState>, deps: AppDeps): void {
  router.get('/api/v1/integrations/:provider/callback', async (ctx) => {
    const provider = ctx.params.provider;
    if (!isProvider(provider)) return messagePage(ctx, 404, 'Not connected', 'There is no such service to connect.', 'error');
    try {
      const finished = await finishIntegrationConnect(deps.db.knex, deps.config, ctx.state.log, { provider, state: queryValue(ctx, 'state'), code: queryValue(ctx, 'code'), error: queryValue(ctx, 'error') });
      const page = renderConnected(provider, finished);
      sendPage(ctx, 200, page.title, page.body);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      messagePage(ctx, error.status, 'Not connected', error.message, 'error');
    }
  });
}

/** "Connected": whose vendor account, to which Minopa account, and that the tab can be closed. */
function renderConnected(provider: ImportProvider, finished: FinishedIntegration): { title: string; body: string } {
  const name = INTEGRATION_NAMES[provider];
  const title = `${name} connected`;
  const { connection } = finished;
  const who = [connection.displayName, connection.email].filter(Boolean).map((part) => escapeHtml(part!)).join(' · ') || 'your account';
  return {
    title,
    body: `<h1>${escapeHtml(title)}</h1>
${finished.sandbox ? `<p><span class="badge">SANDBOX</span> This is a sandbox ${escapeHtml(name)} account: its ${provider === 'canva' ? 'designs are' : 'files are'} made up.</p>` : ''}
<p class="success" role="status">Minopa can now import from ${escapeHtml(name)} (${who}) for your Minopa account ${escapeHtml(finished.minopaEmail)}.</p>
<p>You can close this tab and go back to Minopa.</p>`,
  };
}
