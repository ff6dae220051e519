import type { Endpoint } from '../endpoint.js';
import { WorkspaceParams } from '../common.js';
import { PostParams } from '../posts.js';
import {
  NextQueueSlot, PostTarget, PostTargetList, RetryTargetInput, ScheduleInput, SetTargetsInput, TargetParams,
  UpdateWorkspaceScheduleInput, WorkspaceSchedule,
} from '../publishing.js';

const base = '/api/v1/workspaces/:workspaceId' as const;

export const publishingEndpoints = {
  listPostTargets: {
    method: 'GET', path: `${base}/posts/:postId/targets`, tag: 'posts', auth: 'member', role: 'viewer',
    summary: "Where a post goes: each account's status, due time (UTC), link once published, and why it failed.",
    params: PostParams, response: PostTargetList,
  },
  setPostTargets: {
    method: 'PUT', path: `${base}/posts/:postId/targets`, tag: 'posts', auth: 'member', role: 'editor',
    summary: "Choose the connected accounts a post goes to, with per-account overrides; checked against each network's rules (422 content_invalid). Published targets stay.",
    params: PostParams, body: SetTargetsInput, response: PostTargetList,
  },
  schedulePost: {
    method: 'POST', path: `${base}/posts/:postId/schedule`, tag: 'posts', auth: 'member', role: 'editor', verifiedEmail: true,
    summary: 'Schedule the draft targets: now, at a time in the workspace time zone, or in the next free posting slot. 409 duplicate_post when the same text went to the same account within 24 h.',
    params: PostParams, body: ScheduleInput, response: PostTargetList,
  },
  reschedulePost: {
    method: 'POST', path: `${base}/posts/:postId/reschedule`, tag: 'posts', auth: 'member', role: 'editor', verifiedEmail: true,
    summary: 'Move the scheduled targets of a post to another time.', params: PostParams, body: ScheduleInput, response: PostTargetList,
  },
  unschedulePost: {
    method: 'POST', path: `${base}/posts/:postId/unschedule`, tag: 'posts', auth: 'member', role: 'editor',
    summary: 'Take the scheduled targets of a post back to draft.', params: PostParams, response: PostTargetList,
  },
  cancelTarget: {
    method: 'POST', path: `${base}/posts/:postId/targets/:targetId/cancel`, tag: 'posts', auth: 'member', role: 'editor',
    summary: 'Stop one target from being published (not one being published right now).', params: TargetParams, response: PostTarget,
  },
  retryTarget: {
    method: 'POST', path: `${base}/posts/:postId/targets/:targetId/retry`, tag: 'posts', auth: 'member', role: 'editor', verifiedEmail: true,
    summary: 'Publish a failed target again now; an unconfirmed one only with confirmNotPublished.',
    params: TargetParams, body: RetryTargetInput, response: PostTarget,
  },
  getWorkspaceSchedule: {
    method: 'GET', path: `${base}/schedule`, tag: 'workspaces', auth: 'member', role: 'viewer',
    summary: "The workspace's time zone and weekly posting slots.", params: WorkspaceParams, response: WorkspaceSchedule,
  },
  updateWorkspaceSchedule: {
    method: 'PATCH', path: `${base}/schedule`, tag: 'workspaces', auth: 'member', role: 'admin',
    summary: 'Change the time zone (IANA name) or the weekly posting slots. Posts already scheduled keep their time in UTC.',
    params: WorkspaceParams, body: UpdateWorkspaceScheduleInput, response: WorkspaceSchedule,
  },
  nextQueueSlot: {
    method: 'GET', path: `${base}/schedule/next-slot`, tag: 'workspaces', auth: 'member', role: 'viewer',
    summary: '"Add to queue" preview: the next free posting slot, in UTC and local time.', params: WorkspaceParams, response: NextQueueSlot,
  },
} as const satisfies Record<string, Endpoint>;
