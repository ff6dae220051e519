import { Model } from 'objection';
import type { PostSource, PostStatus } from '#shared/api/posts.js';

/** A post of a workspace. `source` is the capture it was made from (provenance), if any. */
export class Post extends Model {
  static override tableName = 'posts';
  // Only `source` is jsonb; `hashtags` is a text[] and must reach pg as a plain array.
  static override jsonAttributes = ['source'];

  declare id: string;
  declare workspaceId: string;
  declare createdBy: string | null;
  declare status: PostStatus;
  declare title: string | null;
  declare body: string;
  declare hashtags: string[];
  declare source: PostSource | null;
  declare clientId: string | null;
  declare createdAt: Date;
  declare updatedAt: Date;
  declare archivedAt: Date | null;
}

/** A post read together with its author's name (for `createdBy`). */
export type PostWithAuthor = Pick<
  Post,
  'id' | 'workspaceId' | 'createdBy' | 'status' | 'title' | 'body' | 'hashtags' | 'source' | 'createdAt' | 'updatedAt' | 'archivedAt'
> & { authorFirstName: string | null; authorLastName: string | null };
