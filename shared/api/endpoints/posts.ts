import type { Endpoint } from '../endpoint.js';
import { CaptureInput } from '../captures.js';
import { WorkspaceParams } from '../common.js';
import { CaptureResult, ListPostsQuery, Post, PostPage, PostParams, UpdatePostInput } from '../posts.js';

export const postsEndpoints = {
  createCapture: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/captures', tag: 'posts', auth: 'member', role: 'editor',
    summary: 'Turn a capture (page, selection, link or image) into a draft that keeps its provenance. Idempotent on clientId.',
    params: WorkspaceParams, body: CaptureInput, response: CaptureResult, status: 201,
  },
  listPosts: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/posts', tag: 'posts', auth: 'member', role: 'viewer',
    summary: 'Posts, newest first, optionally of one status; paginated with `cursor`.',
    params: WorkspaceParams, query: ListPostsQuery, response: PostPage,
  },
  getPost: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/posts/:postId', tag: 'posts', auth: 'member', role: 'viewer',
    summary: 'One post.', params: PostParams, response: Post,
  },
  updatePost: {
    method: 'PATCH', path: '/api/v1/workspaces/:workspaceId/posts/:postId', tag: 'posts', auth: 'member', role: 'editor',
    summary: "Edit a post's title, text or hashtags.", params: PostParams, body: UpdatePostInput, response: Post,
  },
  archivePost: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/posts/:postId/archive', tag: 'posts', auth: 'member', role: 'editor',
    summary: 'Archive a post (it leaves the drafts list; nothing is deleted).', params: PostParams, response: Post,
  },
  unarchivePost: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/posts/:postId/unarchive', tag: 'posts', auth: 'member', role: 'editor',
    summary: 'Bring an archived post back as a draft.', params: PostParams, response: Post,
  },
  deletePost: {
    method: 'DELETE', path: '/api/v1/workspaces/:workspaceId/posts/:postId', tag: 'posts', auth: 'member', role: 'editor',
    summary: 'Delete a post for good.', params: PostParams,
  },
} as const satisfies Record<string, Endpoint>;
