import type Router from '@koa/router';
import type { AppState } from '../../context.js';
import type { SimClient } from '../networks/kit/oauth-store.js';
import { createCanvaSimulator, type CanvaSimulator } from './index.js';
import { SANDBOX_CANVA_PATH } from './paths.js';

/**
 * Mounts the Canva simulator in the service at PUBLIC_URL/sandbox/canva (sandbox mode: no Canva app
 * configured, outside production), knowing the one sandbox client and its redirect URI. Any design id
 * pasted there becomes the person's own design, so a made-up canva.com link imports something.
 * The caller decides when to mount (the Canva connection's settings); not wired into the service yet.
 */
export function mountCanvaSandbox(router: Router<AppState>, options: { publicUrl: string; client: SimClient }): CanvaSimulator {
  const simulator = createCanvaSimulator({ baseUrl: `${options.publicUrl}${SANDBOX_CANVA_PATH}`, basePath: SANDBOX_CANVA_PATH, clients: [options.client], autoCreateDesigns: true });
  router.use(simulator.router.routes());
  return simulator;
}
