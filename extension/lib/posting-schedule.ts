import type { PostingSlot, WorkspaceSchedule } from '#shared/api/publishing.js';
import { call } from './api-client.js';

/**
 * A workspace's time zone and weekly posting slots ("Add to queue" fills the next free one), as the
 * options page shows and edits them. Editing needs admin or owner; the service enforces it.
 */

export async function getPostingSchedule(data: { workspaceId: string }): Promise<WorkspaceSchedule> {
  return call('getWorkspaceSchedule', { params: { workspaceId: data.workspaceId } });
}

export async function updatePostingSchedule(data: { workspaceId: string; timeZone?: string; postingSlots?: PostingSlot[] }): Promise<WorkspaceSchedule> {
  const { workspaceId, ...body } = data;
  return call('updateWorkspaceSchedule', { params: { workspaceId }, body });
}
