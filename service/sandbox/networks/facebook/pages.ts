import type Router from '@koa/router';
import type { Context } from 'koa';
import { SANDBOX_ENDPOINTS } from '../../../platforms/settings.js';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { graphGrant } from '../meta/auth.js';
import { graphError } from '../meta/graph-error.js';
import { graphParams } from '../meta/params.js';
import type { MetaTokens } from '../meta/tokens.js';
import type { FacebookWorld, SimPage } from './world.js';

const API = SANDBOX_ENDPOINTS.facebook.apiUrl;

/**
 * The Page a request acts as: its token must be that Page's token (`#210` otherwise, as Graph answers a
 * user token on a Page edge). Null after answering the error.
 */
export function actingPage(ctx: Context, sim: NetworkSimulator, world: FacebookWorld, pageId: string): SimPage | null {
  const grant = graphGrant(ctx, sim.store);
  if (!grant) return null;
  const page = world.page(pageId);
  if (!page) {
    graphError(ctx, 404, 803, `(#803) Some of the aliases you requested do not exist: ${pageId}`);
    return null;
  }
  if (grant.subject !== `page:${page.id}`) {
    graphError(ctx, 403, 210, '(#210) A page access token is required to request this resource.');
    return null;
  }
  return page;
}

/** `GET /me/accounts`: the person's Pages with Page tokens, tasks and picture, paginated with `after`. */
export function registerFacebookPages(router: Router<AppState>, sim: NetworkSimulator, tokens: MetaTokens, world: FacebookWorld, baseUrl: string): void {
  router.get(`${API}/me/accounts`, (ctx) => {
    const grant = graphGrant(ctx, sim.store);
    if (!grant) return;
    const person = sim.directory.get(grant.subject);
    if (!person) return graphError(ctx, 400, 100, '(#100) Tried accessing nonexisting field (accounts) on node type (Page)');
    const params = graphParams(ctx);
    const limit = Math.min(Number(params.limit ?? 25) || 25, 100);
    const offset = Number(params.after ?? 0) || 0;
    const all = world.pagesOf(person);
    const data = all.slice(offset, offset + limit).map((page) => ({
      id: page.id,
      name: page.name,
      ...(page.username ? { username: page.username } : {}),
      access_token: tokens.pageToken(page.id, grant),
      tasks: page.tasks,
      picture: { data: { url: `${baseUrl}/avatars/${page.id}.png` } },
    }));
    const more = offset + limit < all.length;
    const next = new URL(`${baseUrl}${API}/me/accounts`);
    next.search = new URLSearchParams({ ...params, after: String(offset + limit) }).toString();
    ctx.body = { data, paging: { cursors: { after: String(offset + limit) }, ...(more ? { next: next.toString() } : {}) } };
  });
}
