import type Router from '@koa/router';
import type { AppState } from '../../context.js';
import type { Directory } from '../networks/kit/directory.js';
import type { OAuthStore } from '../networks/kit/oauth-store.js';
import { authed } from './auth.js';
import { CANVA_PATHS } from './paths.js';
import { canvaError, canvaIds, type CanvaDesign, type World } from './world.js';

const DESIGN_ID = /^[A-Za-z0-9_-]{1,50}$/;

/**
 * The design `id` if `username` may open it: its owner or someone it is shared with. Canva answers
 * 404 `design_not_found` for an id that does not exist and 403 `permission_denied` for one the person
 * cannot open (platform-apis.md §9: "403/404 if the user can't open the design").
 */
export function openDesign(world: World, id: string, username: string, autoCreate: boolean): { design: CanvaDesign } | { status: 403 | 404 } {
  const design = world.designFor(id, username, autoCreate);
  if (!design) return { status: 404 };
  if (design.owner !== username && !design.sharedWith.includes(username)) return { status: 403 };
  return { design };
}

/** `GET /rest/v1/designs/{designId}` (design:meta:read): title, owner, thumbnail, temporary edit/view URLs, page count. */
export function registerDesigns(router: Router<AppState>, sim: { store: OAuthStore; directory: Directory; world: World }, options: { baseUrl: string; autoCreateDesigns: boolean }): void {
  router.get(
    '/rest/v1/designs/:designId',
    authed(sim, 'design:meta:read', (ctx, person) => {
      const id = ctx.params.designId ?? '';
      if (!DESIGN_ID.test(id)) return canvaError(ctx, 400, 'invalid_field', 'designId must match ^[a-zA-Z0-9_-]{1,50}$.');
      const opened = openDesign(sim.world, id, person.username, options.autoCreateDesigns);
      if ('status' in opened) {
        return opened.status === 404 ? canvaError(ctx, 404, 'design_not_found', `Design with id '${id}' not found`) : canvaError(ctx, 403, 'permission_denied', 'Not allowed to access this design');
      }
      const design = opened.design;
      const owner = canvaIds(design.owner);
      const thumbnailPath = `${CANVA_PATHS.downloads}/thumbnail/${design.id}.png`;
      const thumbnailExpires = Date.now() + sim.world.timing.thumbnailTtlMs;
      ctx.body = {
        design: {
          id: design.id,
          title: design.title,
          owner: { user_id: owner.userId, team_id: owner.teamId },
          // A signed CDN address that works for 15 minutes, like Canva's (fetch it promptly, never store it).
          thumbnail: { width: 595, height: 335, url: `${options.baseUrl}${thumbnailPath}?${sim.world.signedQuery(thumbnailPath, thumbnailExpires)}` },
          urls: {
            edit_url: `https://www.canva.com/api/design/${design.id}/edit?token=sandbox`,
            view_url: `https://www.canva.com/api/design/${design.id}/view?token=sandbox`,
          },
          created_at: Math.floor(design.createdAt.getTime() / 1000),
          updated_at: Math.floor(design.updatedAt.getTime() / 1000),
          page_count: design.pageCount,
        },
      };
    }),
  );
}
