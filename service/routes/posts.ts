import { archivePost, unarchivePost } from '../actions/archive-post.js';
import { captureToDraft } from '../actions/capture-to-draft.js';
import { deletePost } from '../actions/delete-post.js';
import { findPost } from '../actions/find-post.js';
import { listPosts } from '../actions/list-posts.js';
import { updatePost } from '../actions/update-post.js';
import { presentPost } from '../presenters/post.js';
import type { Handlers } from './types.js';

/** Captures and posts of a workspace. */
export const postHandlers = {
  createCapture: async (context) => {
    const { knex, auth, input } = context;
    const { post, duplicate } = await captureToDraft(knex, auth.workspaceId, auth.user, input.body);
    // A repeat returns the same draft with 200: nothing new was created.
    if (duplicate) context.status = 200;
    return { post: presentPost(post), duplicate };
  },
  listPosts: async ({ knex, auth, input }) => {
    const page = await listPosts(knex, auth.workspaceId, input.query);
    return { items: page.items.map(presentPost), nextCursor: page.nextCursor };
  },
  getPost: async ({ knex, auth, input }) => presentPost(await findPost(knex, auth.workspaceId, input.params.postId)),
  updatePost: async ({ knex, auth, input }) =>
    presentPost(await updatePost(knex, auth.workspaceId, input.params.postId, input.body)),
  archivePost: async ({ knex, auth, input }) => presentPost(await archivePost(knex, auth.workspaceId, input.params.postId)),
  unarchivePost: async ({ knex, auth, input }) =>
    presentPost(await unarchivePost(knex, auth.workspaceId, input.params.postId)),
  deletePost: async ({ knex, auth, input }) => {
    await deletePost(knex, auth.workspaceId, input.params.postId);
  },
} satisfies Partial<Handlers>;
