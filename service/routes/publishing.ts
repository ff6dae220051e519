import { cancelTarget } from '../actions/cancel-target.js';
import { loadTargets } from '../actions/load-post-targets.js';
import { findPost } from '../actions/find-post.js';
import { nextQueueSlot } from '../actions/next-queue-slot.js';
import { retryTarget } from '../actions/retry-target.js';
import { reschedulePost, schedulePost } from '../actions/schedule-post.js';
import { setPostTargets } from '../actions/set-post-targets.js';
import { unschedulePost } from '../actions/unschedule-post.js';
import { getWorkspaceSchedule, updateWorkspaceSchedule } from '../actions/update-workspace-schedule.js';
import { formatLocalTime } from '#shared/time/zones.js';
import { presentPostTarget, presentPostTargets } from '../presenters/post-target.js';
import type { Handlers } from './types.js';

/** Where posts go and when: targets, scheduling, and the workspace's time zone and posting slots. */
export const publishingHandlers = {
  listPostTargets: async ({ knex, auth, input }) => {
    const post = await findPost(knex, auth.workspaceId, input.params.postId);
    return presentPostTargets(post.id, { postStatus: post.status, targets: await loadTargets(knex, post.id) });
  },
  setPostTargets: async ({ knex, auth, input }) =>
    presentPostTargets(input.params.postId, await setPostTargets(knex, auth.workspaceId, input.params.postId, input.body)),
  schedulePost: async ({ knex, config, auth, input }) =>
    presentPostTargets(input.params.postId, await schedulePost(knex, auth.workspaceId, input.params.postId, input.body, config)),
  reschedulePost: async ({ knex, config, auth, input }) =>
    presentPostTargets(input.params.postId, await reschedulePost(knex, auth.workspaceId, input.params.postId, input.body, config)),
  unschedulePost: async ({ knex, auth, input }) =>
    presentPostTargets(input.params.postId, await unschedulePost(knex, auth.workspaceId, input.params.postId)),
  cancelTarget: async ({ knex, auth, input }) =>
    presentPostTarget(await cancelTarget(knex, auth.workspaceId, input.params.postId, input.params.targetId)),
  retryTarget: async ({ knex, auth, input }) =>
    presentPostTarget(await retryTarget(knex, auth.workspaceId, input.params.postId, input.params.targetId, input.body)),
  getWorkspaceSchedule: async ({ knex, auth }) => getWorkspaceSchedule(knex, auth.workspaceId),
  updateWorkspaceSchedule: async ({ knex, auth, input }) => updateWorkspaceSchedule(knex, auth.workspaceId, input.body),
  nextQueueSlot: async ({ knex, auth }) => {
    const slot = await nextQueueSlot(knex, auth.workspaceId, { after: new Date() });
    return { slot: slot ? { at: slot.at.toISOString(), localTime: formatLocalTime(slot.local), timeZone: slot.timeZone } : null };
  },
} satisfies Partial<Handlers>;
