import type { Knex } from 'knex';
import type { PostWithAuthor } from '../models/post.js';
import { changePost } from './find-post.js';

/** Archives a post (it leaves the drafts list, nothing is deleted); archiving it again keeps its first archived time. */
export async function archivePost(knex: Knex, workspaceId: string, postId: string): Promise<PostWithAuthor> {
  return changePost(knex, workspaceId, postId, { status: 'archived', archivedAt: knex.raw('coalesce(archived_at, now())') });
}

/** Brings an archived post back as a draft. */
export async function unarchivePost(knex: Knex, workspaceId: string, postId: string): Promise<PostWithAuthor> {
  return changePost(knex, workspaceId, postId, { status: 'draft', archivedAt: null });
}
