import { call } from './api-client.js';
import { backgroundLocale } from './i18n/index.js';
import { toPopupMedia } from './media-upload.js';
import type { LibraryPage } from './popup-types.js';

/**
 * The popup's "Library" picker, background side: a page of the workspace's media library through the
 * one API client. The service lists newest first and signs each thumbnail; nothing is cached here, so
 * every opening of the picker shows the library (and fresh signed addresses) as it is now.
 */

/** Files per page: a few screens of rows in the popup, one "Show more" away from the next. */
export const LIBRARY_PAGE_SIZE = 12;

/** One page of the library; without `cursor` the newest, with it the page after the one that gave it. */
export async function listLibraryMedia(data: { workspaceId: string; cursor?: string }): Promise<LibraryPage> {
  // The client's own sentences (service unreachable) follow the chosen language.
  await backgroundLocale();
  const page = await call('listMedia', {
    params: { workspaceId: data.workspaceId },
    query: { limit: LIBRARY_PAGE_SIZE, ...(data.cursor ? { cursor: data.cursor } : {}) },
  });
  return { items: page.items.map((media) => ({ ...toPopupMedia(media), createdAt: media.createdAt })), nextCursor: page.nextCursor };
}
