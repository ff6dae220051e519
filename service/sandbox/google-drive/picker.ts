import type Router from '@koa/router';
import type { AppState } from '../../context.js';
import type { OAuthStore } from '../networks/kit/oauth-store.js';
import { DRIVE_PATHS } from './paths.js';
import { driveError, type World } from './world.js';

/**
 * The simulator's stand-in for the Google Picker: POST /picker/pick?fileId=… with the person's bearer
 * token marks a file they own or that is shared with them as picked for the app, so drive.file reaches
 * it (what choosing it in Google's Picker does). 204; 401 for a bad token, 404 for a file they cannot see.
 */
export function registerPicker(router: Router<AppState>, sim: { store: OAuthStore; world: World }, options: { autoCreateFiles: boolean }): void {
  router.post(DRIVE_PATHS.pick, (ctx) => {
    const auth = sim.store.authenticate(ctx.get('authorization'));
    if (!auth.ok) return driveError(ctx, 401, 'authError', 'Invalid Credentials', { location: 'Authorization', locationType: 'header' });
    const person = sim.world.person(auth.grant.subject);
    const fileId = typeof ctx.query.fileId === 'string' ? ctx.query.fileId : '';
    const file = sim.world.fileFor(fileId, person.email, options.autoCreateFiles);
    if (!file || (file.owner !== person.email && !file.sharedWith.includes(person.email))) {
      return driveError(ctx, 404, 'notFound', `File not found: ${fileId}.`, { location: 'fileId', locationType: 'parameter' });
    }
    sim.world.pick(person.email, file.id);
    ctx.status = 204;
  });
}
