import type { TargetStatus } from '#shared/platforms.js';
import type { Post, PostPage } from '#shared/api/posts.js';
import type { PostTarget, PostTargetList } from '#shared/api/publishing.js';
import { call } from './api-client.js';
import type { DashboardCalendar, PostDetails } from './messaging/protocol.js';

/**
 * What the "Queue & calendar" page (entrypoints/dashboard/) asks the service for, run in the background
 * (the page never calls the service itself). Each function is one or two calls; the service checks
 * roles, time zones and every rule, and its refusals reach the page as they are.
 */

/** The workspace's calendar between two dates (its own time zone) and its weekly posting slots. */
export async function getDashboardCalendar(data: { workspaceId: string; from: string; to: string; status?: TargetStatus[] }): Promise<DashboardCalendar> {
  const params = { workspaceId: data.workspaceId };
  const query = { from: data.from, to: data.to, ...(data.status && data.status.length > 0 ? { status: data.status.join(',') } : {}) };
  const [calendar, schedule] = await Promise.all([call('getCalendar', { params, query }), call('getWorkspaceSchedule', { params })]);
  return { calendar, schedule };
}

/** Drafts, newest first (captures land here), a page at a time. */
export async function getDashboardDrafts(data: { workspaceId: string; cursor?: string }): Promise<PostPage> {
  return call('listPosts', { params: { workspaceId: data.workspaceId }, query: { status: 'draft', limit: 50, ...(data.cursor ? { cursor: data.cursor } : {}) } });
}

/** One post with where it goes, the workspace's channels to pick from, and its time zone. */
export async function getPostDetails(data: { workspaceId: string; postId: string }): Promise<PostDetails> {
  const params = { workspaceId: data.workspaceId };
  const [post, targets, accounts, schedule] = await Promise.all([
    call('getPost', { params: { ...params, postId: data.postId } }),
    call('listPostTargets', { params: { ...params, postId: data.postId } }),
    call('listAccounts', { params }),
    call('getWorkspaceSchedule', { params }),
  ]);
  return { post, targets, accounts: accounts.items, schedule };
}

/** Saves a post's title and text. */
export async function updatePostText(data: { workspaceId: string; postId: string; title: string | null; body: string }): Promise<Post> {
  return call('updatePost', { params: { workspaceId: data.workspaceId, postId: data.postId }, body: { title: data.title, body: data.body } });
}

/** Moves a post's scheduled channels to a wall-clock time in the workspace's time zone. */
export async function reschedulePost(data: { workspaceId: string; postId: string; localTime: string }): Promise<PostTargetList> {
  return call('reschedulePost', { params: { workspaceId: data.workspaceId, postId: data.postId }, body: { when: 'at', localTime: data.localTime } });
}

/** Publishes a failed channel again now; an unconfirmed one only when the person says it is not on the network. */
export async function retryTarget(data: { workspaceId: string; postId: string; targetId: string; confirmNotPublished?: boolean }): Promise<PostTarget> {
  return call('retryTarget', {
    params: { workspaceId: data.workspaceId, postId: data.postId, targetId: data.targetId },
    body: data.confirmNotPublished ? { confirmNotPublished: true } : {},
  });
}
