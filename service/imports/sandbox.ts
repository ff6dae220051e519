import type Router from '@koa/router';
import { INTEGRATION_NAMES } from '#shared/api/integrations.js';
import type { AppDeps, AppState } from '../context.js';
import { mountCanvaSandbox } from '../sandbox/canva/mount.js';
import { mountDriveSandbox } from '../sandbox/google-drive/mount.js';
import { integrationCallbackUrl, integrationSettings } from './settings.js';

/**
 * Sandbox mode for imports: Canva without CANVA_CLIENT_ID, Drive without GOOGLE_CLIENT_ID (outside
 * production) get their simulators mounted at PUBLIC_URL/sandbox/canva and /sandbox/google-drive, knowing
 * the one sandbox client and our callback, so a new user can connect made-up accounts — clearly labelled.
 */
export function mountIntegrationSandboxes(router: Router<AppState>, deps: AppDeps): void {
  const mounted: string[] = [];
  const canva = integrationSettings(deps.config, 'canva');
  if (canva?.sandbox) {
    mountCanvaSandbox(router, { publicUrl: deps.config.publicUrl, client: { clientId: canva.clientId, clientSecret: canva.clientSecret, redirectUris: [integrationCallbackUrl(deps.config, 'canva')] } });
    mounted.push(INTEGRATION_NAMES.canva);
  }
  const drive = integrationSettings(deps.config, 'google_drive');
  if (drive?.sandbox) {
    mountDriveSandbox(router, { publicUrl: deps.config.publicUrl, client: { clientId: drive.clientId, clientSecret: drive.clientSecret, redirectUris: [integrationCallbackUrl(deps.config, 'google_drive')] } });
    mounted.push(INTEGRATION_NAMES.google_drive);
  }
  if (mounted.length > 0) deps.logger.info(`Sandbox imports (local simulators, the designs and files are made up): ${mounted.join(', ')}`);
}
