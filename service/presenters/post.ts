import type { Post } from '#shared/api/posts.js';
import type { PostWithMedia } from '../media/post-media.js';

/**
 * A post as the API shows it; `createdBy` is null once the author's account is gone. Its media come
 * signed (media/post-media.ts `withMedia`), in order.
 */
export function presentPost(post: PostWithMedia): Post {
  return {
    id: post.id,
    workspaceId: post.workspaceId,
    status: post.status,
    title: post.title,
    body: post.body,
    hashtags: post.hashtags,
    source: post.source,
    media: post.media,
    mediaFetch: post.mediaFetch,
    createdBy:
      post.createdBy && post.authorFirstName !== null && post.authorLastName !== null
        ? { id: post.createdBy, firstName: post.authorFirstName, lastName: post.authorLastName }
        : null,
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
    archivedAt: post.archivedAt ? post.archivedAt.toISOString() : null,
  };
}
