import type Router from '@koa/router';
import type { AppState } from '../../context.js';
import type { Directory } from '../networks/kit/directory.js';
import type { OAuthStore } from '../networks/kit/oauth-store.js';
import { authed } from './auth.js';
import { canvaIds } from './world.js';

/** `GET /rest/v1/users/me` (any valid token → team_user ids) and `GET /rest/v1/users/me/profile` (profile:read). */
export function registerUsers(router: Router<AppState>, sim: { store: OAuthStore; directory: Directory }): void {
  router.get(
    '/rest/v1/users/me',
    authed(sim, null, (ctx, person) => {
      const ids = canvaIds(person.username);
      ctx.body = { team_user: { user_id: ids.userId, team_id: ids.teamId } };
    }),
  );
  router.get(
    '/rest/v1/users/me/profile',
    authed(sim, 'profile:read', (ctx, person) => {
      ctx.body = { profile: { display_name: person.name } };
    }),
  );
}
