import type Router from '@koa/router';
import { isPlatformId } from '#shared/platforms.js';
import { chooseConnectAccounts, finishConnect } from '../../actions/finish-connect.js';
import type { AppContext, AppDeps, AppState } from '../../context.js';
import { HttpError } from '../../errors.js';
import { checkCsrf, csrfToken } from '../csrf.js';
import { readFormEntries } from '../form-body.js';
import { escapeHtml, messagePage, pageLanguage, sendPage } from '../layout.js';
import { renderChoice, renderConnected } from './render.js';
import { queryValue } from '../../lib/query-value.js';

const FORM = 'connect-choose';
const NOT_CONNECTED = { en: 'Not connected', de: 'Nicht verbunden' };
const NO_SUCH_NETWORK = { en: 'There is no such network.', de: 'Dieses Netzwerk gibt es nicht.' };
const SEE_PLANS = { en: 'See the plans and upgrade', de: 'Tarife ansehen und upgraden' };

/**
 * Where networks send people back after authorizing (the redirect URI registered with each network):
 * GET /api/v1/connect/:platform/callback finishes the connection on the service and shows the result —
 * or, when the login reaches several accounts, a CSRF-protected form to choose them (P25), posted to
 * /api/v1/connect/:platform/choose. Every refusal is a page with a sentence, never a JSON error. In the
 * visitor's language (English or German).
 */
export function registerConnectPages(router: Router<AppState>, deps: AppDeps): void {
  const { knex } = deps.db;
  const { config } = deps;

  const refuse = (ctx: AppContext, error: unknown) => {
    if (!(error instanceof HttpError)) throw error;
    const language = pageLanguage(ctx);
    // A plan limit links to the plans, as the extension does (issue 7).
    if (error.upgradeUrl) {
      const body = `<h1>${NOT_CONNECTED[language]}</h1>\n<p class="error" role="alert">${escapeHtml(error.text[language])} <a href="${escapeHtml(error.upgradeUrl)}">${SEE_PLANS[language]}</a></p>`;
      return sendPage(ctx, error.status, NOT_CONNECTED[language], body, language);
    }
    messagePage(ctx, error.status, NOT_CONNECTED, error.text, 'error');
  };

  router.get('/api/v1/connect/:platform/callback', async (ctx) => {
    const platform = ctx.params.platform;
    if (!isPlatformId(platform)) return messagePage(ctx, 404, NOT_CONNECTED, NO_SUCH_NETWORK, 'error');
    const language = pageLanguage(ctx);
    try {
      const outcome = await finishConnect(knex, config, ctx.state.log, { platform, state: queryValue(ctx, 'state'), code: queryValue(ctx, 'code'), error: queryValue(ctx, 'error') });
      const page =
        outcome.kind === 'connected'
          ? renderConnected(platform, outcome.accounts, outcome.workspaceName, outcome.sandbox, language)
          : renderChoice({ platform, requestId: outcome.requestId, csrf: csrfToken(ctx, config.appSecret, FORM), profiles: outcome.profiles, workspaceName: outcome.workspaceName, sandbox: outcome.sandbox, language });
      sendPage(ctx, 200, page.title, page.body, language);
    } catch (error) {
      refuse(ctx, error);
    }
  });

  router.post('/api/v1/connect/:platform/choose', async (ctx) => {
    const platform = ctx.params.platform;
    if (!isPlatformId(platform)) return messagePage(ctx, 404, NOT_CONNECTED, NO_SUCH_NETWORK, 'error');
    const language = pageLanguage(ctx);
    try {
      const form = await readFormEntries(ctx);
      checkCsrf(ctx, config.appSecret, FORM, form.get('csrf') ?? undefined);
      const outcome = await chooseConnectAccounts(knex, config, { requestId: form.get('requestId') ?? '', remoteIds: form.getAll('remoteId') });
      const page = renderConnected(platform, outcome.accounts, outcome.workspaceName, outcome.sandbox, language);
      sendPage(ctx, 200, page.title, page.body, language);
    } catch (error) {
      refuse(ctx, error);
    }
  });
}
