import { archivePost, unarchivePost } from '../actions/archive-post.js';
import { captureToDraft } from '../actions/capture-to-draft.js';
import { deletePost } from '../actions/delete-post.js';
import { findPost } from '../actions/find-post.js';
import { listPosts } from '../actions/list-posts.js';
import { updatePost } from '../actions/update-post.js';
import { oneWithMedia, withMedia } from '../media/post-media.js';
import { presentPost } from '../presenters/post.js';
import type { Handlers } from './types.js';

/** Captures and posts of a workspace; every post comes with its media (signed addresses) in order. */
export const postHandlers = {
  createCapture: async (context) => {
    const { knex, deferredAuth, input, config } = context;
    const { post, duplicate, mediaFetch } = await captureToDraft(knex, deferredAuth!, input.body, {
      fetchAllowedAddresses: config.media.fetchAllowedAddresses,
    });
    // A repeat returns the same draft with 200: nothing new was created.
    if (duplicate) {
      context.status = 200;
      return { post: presentPost(await oneWithMedia(context, post)), duplicate };
    }
    // A new draft has no media yet: no query needed on the hot path.
    return { post: presentPost({ ...post, media: [], mediaFetch: mediaFetch ?? null }), duplicate };
  },
  listPosts: async (context) => {
    const page = await listPosts(context.knex, context.auth.workspaceId, context.input.query);
    return { items: (await withMedia(context, page.items)).map(presentPost), nextCursor: page.nextCursor };
  },
  getPost: async (context) => presentPost(await oneWithMedia(context, await findPost(context.knex, context.auth.workspaceId, context.input.params.postId))),
  updatePost: async (context) =>
    presentPost(await oneWithMedia(context, await updatePost(context.knex, context.auth.workspaceId, context.input.params.postId, context.input.body))),
  archivePost: async (context) => presentPost(await oneWithMedia(context, await archivePost(context.knex, context.auth.workspaceId, context.input.params.postId))),
  unarchivePost: async (context) =>
    presentPost(await oneWithMedia(context, await unarchivePost(context.knex, context.auth.workspaceId, context.input.params.postId))),
  deletePost: async ({ knex, auth, input }) => {
    await deletePost(knex, auth.workspaceId, input.params.postId);
  },
} satisfies Partial<Handlers>;
