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
      { en: 'Open this post in Minopa', de: 'Diesen Beitrag in Minopa öffnen' },
      {
        en: 'Your posts are in the Minopa browser extension: click the Minopa button in your browser toolbar, then open the queue. Failed posts are listed there with Retry and Edit.',
        de: 'Ihre Beiträge sind in der Minopa-Browsererweiterung: Klicken Sie in der Symbolleiste Ihres Browsers auf die Minopa-Schaltfläche und öffnen Sie die Warteschlange. Fehlgeschlagene Beiträge stehen dort mit „Erneut versuchen“ und „Bearbeiten“.',
      },
    );
  });
}
