import type { ScheduleInput } from '#shared/api/publishing.js';
import { call } from './api-client.js';
import { captureText } from './capture/messages.js';
import { saveDraft } from './capture/save-draft.js';
import { ApiError } from './errors.js';
import { backgroundLocale } from './i18n/index.js';
import type { PublishPostResult, SaveDraftResult } from './messaging/protocol.js';
import type { QuickPostPublish, QuickPostPublished, QuickPostSave } from './popup-types.js';
import { workspacesItem } from './storage.js';

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

/**
 * The popup's quick post, step one: saves the draft as a page capture (queued offline when the service is
 * down, like any capture) and attaches its media; given the `postId` of an earlier attempt, updates that
 * draft instead, so fixing a refused post never leaves a second draft behind.
 */
export async function saveQuickPost(data: QuickPostSave): Promise<SaveDraftResult> {
  const params = (postId: string) => ({ workspaceId: data.workspaceId, postId });
  if (data.postId) {
    await call('updatePost', { params: params(data.postId), body: { title: data.draft.title.trim() || null, body: data.draft.body, mediaIds: data.mediaIds } });
    const [workspaces] = await Promise.all([workspacesItem.getValue(), backgroundLocale()]);
    const workspaceName = workspaces.find((workspace) => workspace.id === data.workspaceId)?.name ?? captureText('yourWorkspace');
    return { status: 'saved', workspaceName, postId: data.postId, duplicate: false };
  }
  const { mediaIds, postId: _, ...draft } = data;
  const saved = await saveDraft(draft);
  if (saved.status === 'saved' && mediaIds.length > 0) await call('updatePost', { params: params(saved.postId), body: { mediaIds } });
  return saved;
}

/**
 * Step two: points the saved draft at its channels (each with its own text, title, first comment, thread
 * and network options, where the person set them) and schedules it. Content problems come back with fields `targets.<accountId>.<field>` whichever step found
 * them (the service names targets by position when setting them, by account when scheduling).
 */
export async function publishQuickPost(data: QuickPostPublish): Promise<QuickPostPublished> {
  const params = { workspaceId: data.workspaceId, postId: data.postId };
  // Only what the person set goes out: an absent field keeps the post's own (title, no comment, no options).
  const targets = data.targets.map(({ accountId, text, title, firstComment, threadParts, options }) => ({
    accountId,
    ...(text !== undefined ? { text } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(firstComment !== undefined ? { firstComment } : {}),
    ...(threadParts !== undefined ? { threadParts } : {}),
    ...(options !== undefined ? { options } : {}),
  }));
  try {
    await call('setPostTargets', { params, body: { targets } });
    const scheduled = await call('schedulePost', { params, body: data.schedule });
    const due = scheduled.items.map((target) => target.dueAt).filter((at): at is string => at !== null).sort();
    return { postId: data.postId, dueAt: due[0] ?? null, channels: scheduled.items.length };
  } catch (error) {
    if (!(error instanceof ApiError) || !error.fields) throw error;
    const fields = error.fields.map((field) => ({ ...field, path: byAccount(field.path, targets) }));
    throw new ApiError(error.code, error.message, error.status, fields);
  }
}

/** `targets.2.text` → `targets.<accountId of the third target>.text`; other paths as they are. */
function byAccount(path: string, targets: { accountId: string }[]): string {
  const match = /^targets\.(\d+)(\..*)?$/.exec(path);
  const target = match ? targets[Number(match[1])] : undefined;
  return target ? `targets.${target.accountId}${match![2] ?? ''}` : path;
}
