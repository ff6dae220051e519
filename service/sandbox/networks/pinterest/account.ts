import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { authed } from './auth.js';
import type { World } from './world.js';

/** `GET /v5/user_account` and `GET /v5/boards` (bookmark pagination: the bookmark is the next offset). */
export function registerAccount(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory'>, world: World): void {
  router.get(
    '/v5/user_account',
    authed(sim, (ctx, person) => {
      ctx.body = { account_type: 'BUSINESS', id: person.id, username: person.username, business_name: person.name, profile_image: person.avatarUrl, website_url: '', about: '' };
    }),
  );

  router.get(
    '/v5/boards',
    authed(sim, (ctx, person) => {
      const size = Number(ctx.query.page_size ?? 25);
      const offset = Number(ctx.query.bookmark ?? 0);
      const boards = world.boardsOf(person);
      const page = boards.slice(offset, offset + size);
      ctx.body = {
        items: page.map((board) => ({ id: board.id, name: board.name, privacy: board.privacy, owner: { username: person.username } })),
        bookmark: offset + size < boards.length ? String(offset + size) : null,
      };
    }),
  );
}
