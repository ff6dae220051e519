import type Router from '@koa/router';
import type { AppState } from '../context.js';
import { messagePage } from './layout.js';

/**
 * Where "Open the post" in publishing emails leads. Posts live in the extension (the session is there,
 * not in this browser tab), so the page says where to find it — and, like every page without a session,
 * nothing about whether the post exists (P14).
 */
export function registerPostLinkPage(router: Router<AppState>): void {
  router.get('/posts/:postId', (ctx) => {
    messagePage(
      ctx,
      200,
      'Open this post in Minopa',
      'Your posts are in the Minopa browser extension: click the Minopa button in your browser toolbar, then open the queue. Failed posts are listed there with Retry and Edit.',
    );
  });
}
