import { browser, type Browser } from 'wxt/browser';
import { CaptureInput as CaptureInputSchema, type CaptureInput } from '#shared/api/captures.js';
import { call, uploadFile } from '../api-client.js';
import { ApiError, ExtensionError, ServiceUnreachableError, toUiError } from '../errors.js';
import { backgroundLocale } from '../i18n/index.js';
import { notify } from '../notifications.js';
import { defaultWorkspaceIdItem, sessionItem, workspacesItem } from '../storage.js';
import { buildCaptureFor } from './build.js';
import { readClickDetails } from './from-click.js';
import { captureText } from './messages.js';

/** What happened to a screenshot; the notification is shown by `saveScreenshot` itself. */
export type ScreenshotOutcome =
  | { status: 'saved'; workspaceId: string; postId: string; mediaId: string }
  | { status: 'not_attached'; workspaceId: string; postId: string; mediaId: string }
  | { status: 'failed'; message: string }
  | { status: 'not_signed_in' };

/** A file name people recognise in the media library: where and when it was taken. */
export function screenshotFileName(pageUrl: string, now: Date): string {
  const host = new URL(pageUrl).hostname.replace(/^www\./, '');
  const stamp = now.toISOString().slice(0, 16).replace('T', ' ').replace(':', '.');
  return captureText('screenshotFile', { host, stamp });
}

/**
 * "Save screenshot of visible area": takes what the tab shows (captureVisibleTab, under the activeTab
 * grant of the click or shortcut), uploads it to the workspace's media library, and makes a draft of
 * the page — with the page's provenance — whose media is that screenshot. The upload comes first, so
 * a draft never appears without its picture. Unlike other captures a screenshot is not kept offline:
 * megabytes of image do not belong in the extension's storage, and the person is told to try again.
 */
export async function saveScreenshot(
  tab: Browser.tabs.Tab | undefined,
  options: { workspaceId?: string | null; pageUrl?: string; now?: Date } = {},
): Promise<ScreenshotOutcome> {
  await backgroundLocale();
  const outcome = await takeAndSave(tab, options.workspaceId ?? null, options.pageUrl, options.now ?? new Date());
  await notifyScreenshot(outcome, await workspaceName(outcome));
  return outcome;
}

async function takeAndSave(
  tab: Browser.tabs.Tab | undefined,
  workspaceId: string | null,
  pageUrl: string | undefined,
  now: Date,
): Promise<ScreenshotOutcome> {
  if (!(await sessionItem.getValue())) return { status: 'not_signed_in' };
  const targetId = workspaceId ?? (await defaultWorkspaceIdItem.getValue());
  if (!targetId) return { status: 'failed', message: captureText('noWorkspace') };

  let capture: CaptureInput;
  let image: Blob;
  try {
    // The picture first: it is of what the tab shows now, before anything else can change it.
    image = await takeScreenshot(tab);
    const details = await readClickDetails({ frameId: 0 }, tab);
    capture = buildCaptureFor('page', { menuItemId: '', pageUrl: pageUrl ?? tab?.url ?? details?.url }, tab, details, now);
  } catch (error) {
    return { status: 'failed', message: toUiError(error).message };
  }
  const checked = CaptureInputSchema.safeParse(capture);
  if (!checked.success) return { status: 'failed', message: captureText('invalidPage') };

  let mediaId: string;
  try {
    const media = await uploadFile('uploadMedia', { params: { workspaceId: targetId } }, image, { filename: screenshotFileName(capture.url ?? '', now) });
    mediaId = media.id;
  } catch (error) {
    const message = toUiError(error).message;
    return { status: 'failed', message: error instanceof ServiceUnreachableError ? captureText('screenshotOffline', { reason: message }) : message };
  }

  let postId: string;
  try {
    postId = (await call('createCapture', { params: { workspaceId: targetId }, body: capture })).post.id;
  } catch (error) {
    const name = await nameOf(targetId);
    return { status: 'failed', message: captureText('inLibraryOnly', { workspace: name, reason: toUiError(error).message }) };
  }
  try {
    await call('updatePost', { params: { workspaceId: targetId, postId }, body: { mediaIds: [mediaId] } });
  } catch (error) {
    if (!(error instanceof ApiError || error instanceof ServiceUnreachableError)) console.warn('[minopa] attaching a screenshot failed', error);
    return { status: 'not_attached', workspaceId: targetId, postId, mediaId };
  }
  return { status: 'saved', workspaceId: targetId, postId, mediaId };
}

/** The visible area of the tab's window as a PNG. */
async function takeScreenshot(tab: Browser.tabs.Tab | undefined): Promise<Blob> {
  let dataUrl: string;
  try {
    dataUrl = tab?.windowId === undefined
      ? await browser.tabs.captureVisibleTab({ format: 'png' })
      : await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  } catch (error) {
    console.warn('[minopa] captureVisibleTab failed', error);
    throw new ExtensionError('cannot_capture', captureText('cannotTake'));
  }
  if (!dataUrl?.startsWith('data:image/')) throw new ExtensionError('cannot_capture', captureText('cannotTake'));
  return await (await fetch(dataUrl)).blob();
}

async function nameOf(workspaceId: string): Promise<string> {
  return (await workspacesItem.getValue()).find((workspace) => workspace.id === workspaceId)?.name ?? captureText('yourWorkspace');
}

async function workspaceName(outcome: ScreenshotOutcome): Promise<string> {
  return 'workspaceId' in outcome ? nameOf(outcome.workspaceId) : '';
}

async function notifyScreenshot(outcome: ScreenshotOutcome, workspace: string): Promise<void> {
  switch (outcome.status) {
    case 'saved':
      await notify('saved', captureText('screenshotSavedTitle'), captureText('screenshotSaved', { workspace }), { postId: outcome.postId });
      return;
    case 'not_attached':
      await notify('rejected', captureText('notAttachedTitle'), captureText('notAttached', { workspace }), { postId: outcome.postId });
      return;
    case 'failed':
      await notify('rejected', captureText('screenshotNotSavedTitle'), outcome.message);
      return;
    case 'not_signed_in':
      await notify('sign-in', captureText('signInTitle'), captureText('screenshotSignIn'));
      return;
  }
}
