import type Router from '@koa/router';
import { isPlatformId } from '#shared/platforms.js';
import { chooseConnectAccounts, finishConnect } from '../../actions/finish-connect.js';
import type { AppContext, AppDeps, AppState } from '../../context.js';
import { HttpError } from '../../errors.js';
import { checkCsrf, csrfToken } from '../csrf.js';
import { readFormEntries } from '../form-body.js';
import { escapeHtml, messagePage, sendPage } from '../layout.js';
import { renderChoice, renderConnected } from './render.js';
import { queryValue } from '../../lib/query-value.js';

const FORM = 'connect-choose';

/**
 * Where networks send people back after authorizing (the redirect URI registered with each network):
 * GET /api/v1/connect/:platform/callback finishes the connection on the service and shows the result —
 * or, when the login reaches several accounts, a CSRF-protected form to choose them (P25), posted to
 * /api/v1/connect/:platform/choose. Every refusal is a page with a sentence, never a JSON error.
 */
export function registerConnectPages(router: Router<AppState>, deps: AppDeps): void {
  const { knex } = deps.db;
  const { config } = deps;

  const refuse = (ctx: AppContext, error: unknown) => {
    if (!(error instanceof HttpError)) throw error;
    // A plan limit links to the plans, as the extension does (issue 7).
    if (error.upgradeUrl) {
      const body = `<h1>Not connected</h1>\n<p class="error" role="alert">${escapeHtml(error.message)} <a href="${escapeHtml(error.upgradeUrl)}">See the plans and upgrade</a></p>`;
      return sendPage(ctx, error.status, 'Not connected', body);
    }
    messagePage(ctx, error.status, 'Not connected', error.message, 'error');
  };

  router.get('/api/v1/connect/:platform/callback', async (ctx) => {
    const platform = ctx.params.platform;
    if (!isPlatformId(platform)) return messagePage(ctx, 404, 'Not connected', 'There is no such network.', 'error');
    try {
      const outcome = await finishConnect(knex, config, ctx.state.log, { platform, state: queryValue(ctx, 'state'), code: queryValue(ctx, 'code'), error: queryValue(ctx, 'error') });
      const page =
        outcome.kind === 'connected'
          ? renderConnected(platform, outcome.accounts, outcome.workspaceName, outcome.sandbox)
          : renderChoice({ platform, requestId: outcome.requestId, csrf: csrfToken(ctx, config.appSecret, FORM), profiles: outcome.profiles, workspaceName: outcome.workspaceName, sandbox: outcome.sandbox });
      sendPage(ctx, 200, page.title, page.body);
    } catch (error) {
      refuse(ctx, error);
    }
  });

  router.post('/api/v1/connect/:platform/choose', async (ctx) => {
    const platform = ctx.params.platform;
    if (!isPlatformId(platform)) return messagePage(ctx, 404, 'Not connected', 'There is no such network.', 'error');
    try {
      const form = await readFormEntries(ctx);
      checkCsrf(ctx, config.appSecret, FORM, form.get('csrf') ?? undefined);
      const outcome = await chooseConnectAccounts(knex, config, { requestId: form.get('requestId') ?? '', remoteIds: form.getAll('remoteId') });
      const page = renderConnected(platform, outcome.accounts, outcome.workspaceName, outcome.sandbox);
      sendPage(ctx, 200, page.title, page.body);
    } catch (error) {
      refuse(ctx, error);
    }
  });
}
