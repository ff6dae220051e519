import type Router from '@koa/router';
import { type Endpoint, type EndpointName, endpoints } from '#shared/api/endpoints.js';
import type { AppDeps, AppMiddleware, AppState } from '../context.js';
import { clientInfo } from '../lib/client-info.js';
import { requestLanguage } from '../lib/accept-language.js';
import { requireAuth } from '../middleware/auth.js';
import { jsonBody } from '../middleware/json-body.js';
import { abandonUpload, uploadBody } from '../middleware/upload-body.js';
import { validateInput } from '../middleware/validate.js';
import { accountHandlers } from './accounts.js';
import { authHandlers } from './auth.js';
import { integrationHandlers } from './integrations.js';
import { importHandlers } from './imports.js';
import { invitationHandlers } from './invitations.js';
import { legalHandlers } from './legal.js';
import { mediaHandlers } from './media.js';
import { mediaUploadHandlers } from './media-uploads.js';
import { meHandlers } from './me.js';
import { memberHandlers } from './members.js';
import { postHandlers } from './posts.js';
import { publishingHandlers } from './publishing.js';
import type { Handler, HandlerContext, Handlers } from './types.js';
import { workspaceHandlers } from './workspaces.js';
// dashboard
import { calendarHandlers } from './calendar.js';
import { billingHandlers } from './billing.js';
// privacy
import { privacyHandlers } from './privacy.js';
import { usageHandlers } from './usage.js';
import { rightsHandlers } from './rights.js';
import { deletionHandlers } from './deletion.js';
// email preferences
import { emailPreferencesHandlers } from './email-preferences.js';

/** Every endpoint's handler. Typed as `Handlers`, so an endpoint without one fails to compile. */
export const handlers: Handlers = { ...legalHandlers, ...authHandlers, ...meHandlers, ...workspaceHandlers, ...memberHandlers, ...invitationHandlers, ...postHandlers, ...publishingHandlers, ...mediaHandlers, ...mediaUploadHandlers, ...accountHandlers, ...integrationHandlers, ...importHandlers, ...calendarHandlers, ...billingHandlers, ...privacyHandlers, ...usageHandlers, ...rightsHandlers, ...emailPreferencesHandlers, ...deletionHandlers };

/**
 * Endpoints whose action checks the session inside its own write statement: captures are the hot path
 * (benchmarked against a bare INSERT), and this makes them one database round trip instead of two.
 */
const DEFERRED_AUTH = new Set<EndpointName>(['createCapture']);

/** Options for the API router. */
export interface ApiRouterOptions {
  /** Check every response against the endpoint's response schema (tests: presenters cannot drift from the contract). */
  checkResponses?: boolean;
}

/**
 * Registers the JSON API, built from shared/api/endpoints.ts: for each endpoint auth → body →
 * validation → its handler (one action + a presenter).
 */
export function registerApi(router: Router<AppState>, deps: AppDeps, options: ApiRouterOptions = {}): void {
  for (const name of Object.keys(endpoints) as EndpointName[]) {
    const endpoint: Endpoint = endpoints[name];
    router.register(endpoint.path, [endpoint.method], [
      requireAuth(endpoint, deps, { deferred: DEFERRED_AUTH.has(name) }),
      jsonBody(endpoint),
      validateInput(endpoint),
      run(endpoint, handlers[name] as Handler<EndpointName>, deps, options),
    ], { name });
  }
}

function run(endpoint: Endpoint, handler: Handler<EndpointName>, deps: AppDeps, options: ApiRouterOptions): AppMiddleware {
  return async (ctx) => {
    const context = {
      input: ctx.state.input,
      auth: ctx.state.auth,
      deferredAuth: ctx.state.deferredAuth,
      knex: deps.db.knex,
      config: deps.config,
      log: ctx.state.log,
      storage: deps.storage,
      upload: endpoint.upload ? uploadBody(ctx) : undefined,
      // Only sign-up and log-in record the client; the hot paths never pay for reading it.
      get client() {
        return clientInfo(ctx.request);
      },
      // Answers that carry stored sentences (an import's failure) give them in the request's language.
      get language() {
        return requestLanguage(ctx.get('Accept-Language'));
      },
    } as HandlerContext<EndpointName>;
    const body = endpoint.upload ? await handler(context).catch((error: unknown) => abandonUpload(ctx, error)) : await handler(context);
    if (!endpoint.response) {
      ctx.status = 204;
      return;
    }
    if (options.checkResponses) {
      const checked = endpoint.response.safeParse(body);
      if (!checked.success) throw new Error(`Response of ${endpoint.method} ${endpoint.path} breaks its schema: ${checked.error.message}`);
    }
    ctx.status = context.status ?? endpoint.status ?? 200;
    ctx.body = body;
  };
}
