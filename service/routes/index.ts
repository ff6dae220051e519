import Router from '@koa/router';
import type { AppDeps, AppState } from '../context.js';
import { buildOpenApi } from '../openapi.js';
import { type ApiRouterOptions, registerApi } from './api.js';
import { registerDevEmails } from './dev-emails.js';
import { registerEmailUnsubscribe } from './email-unsubscribe.js';
import { registerInvitationPages } from '../pages/invitations/accept-page.js';
import { registerHealth } from './health.js';
import { registerLegalPages } from './legal-pages.js';
import { registerMediaFiles } from './media-files.js';
import { registerGoogleRoutes } from '../auth/google/routes.js';
import { registerAccountPages } from '../pages/account/index.js';
import { registerConnectPages } from '../pages/connect/callback-page.js';
import { registerPostLinkPage } from '../pages/post-link.js';
import { mountGoogleSandbox } from '../sandbox/google/mount.js';
import { mountNetworkSandboxes } from '../sandbox/networks/mount.js';
import { registerIntegrationCallback } from '../imports/callback-page.js';
import { mountIntegrationSandboxes } from '../imports/sandbox.js';
import { registerDrivePickerPage } from '../imports/google-drive/picker-page.js';
import { registerBillingPages } from '../billing/pages.js';
import { registerAnalyticsConsent } from '../pages/analytics/routes.js';
import { registerStripeWebhook } from '../billing/webhook.js';

/** Every route of the service in one router, so a known path with another method answers 405. */
export function buildRouter(deps: AppDeps, options: ApiRouterOptions = {}): Router<AppState> {
  const router = new Router<AppState>();
  // First: its middleware tells every page below whether analytics is configured (P21).
  registerAnalyticsConsent(router, deps);
  registerHealth(router, deps);
  let openApi: unknown;
  router.get('/api/v1/openapi.json', (ctx) => {
    openApi ??= buildOpenApi(deps.config.publicUrl);
    ctx.body = openApi;
  });
  registerLegalPages(router, deps);
  registerAccountPages(router, deps);
  registerGoogleRoutes(router, deps);
  mountGoogleSandbox(router, deps);
  mountNetworkSandboxes(router, deps);
  mountIntegrationSandboxes(router, deps);
  registerInvitationPages(router, deps);
  registerConnectPages(router, deps);
  registerIntegrationCallback(router, deps);
  registerDrivePickerPage(router, deps);
  registerPostLinkPage(router);
  registerEmailUnsubscribe(router, deps);
  registerDevEmails(router, deps);
  registerMediaFiles(router, deps);
  registerBillingPages(router, deps);
  registerStripeWebhook(router, deps);
  registerApi(router, deps, options);
  return router;
}

/**
 * Marks a path that exists asked with a method it does not take: status 405 (or 501 for methods no
 * route uses) with the Allow header; the error handler then writes the error body. (Throwing from here
 * would lose the Allow header.)
 */
export function methodNotAllowed(router: Router<AppState>) {
  return router.allowedMethods({ throw: false });
}
