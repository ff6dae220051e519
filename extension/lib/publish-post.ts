import type { ScheduleInput } from '#shared/api/publishing.js';
import { call } from './api-client.js';
import type { PublishPostResult } from './messaging/protocol.js';

/**
 * The popup's "Post now / Add to queue / Schedule": points the saved draft at the chosen channels, then
 * schedules it. The service checks each network's rules (errors name the channel and the rule) and
 * guards against posting the same text to the same account twice in a day.
 */
export async function publishPost(data: { workspaceId: string; postId: string; accountIds: string[]; schedule: ScheduleInput }): Promise<PublishPostResult> {
  const params = { workspaceId: data.workspaceId, postId: data.postId };
  await call('setPostTargets', { params, body: { targets: data.accountIds.map((accountId) => ({ accountId })) } });
  const scheduled = await call('schedulePost', { params, body: data.schedule });
  const due = scheduled.items.map((target) => target.dueAt).filter((at): at is string => at !== null).sort();
  return { postId: data.postId, dueAt: due[0] ?? null, channels: scheduled.items.length };
}
