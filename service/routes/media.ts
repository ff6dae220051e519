import { deleteMedia } from '../actions/delete-media.js';
import { findMedia } from '../actions/find-media.js';
import { getMe } from '../actions/get-me.js';
import { listMedia } from '../actions/list-media.js';
import { supplyCaptureMedia } from '../actions/supply-capture-media.js';
import { uploadMedia } from '../actions/upload-media.js';
import { removeAvatar, setAvatar } from '../media/avatar.js';
import type { MediaDeps } from '../media/deps.js';
import { oneWithMedia } from '../media/post-media.js';
import { avatarUrlOf, signFile, urlExpiry } from '../media/urls.js';
import type { MediaRow } from '../models/media.js';
import { presentMedia } from '../presenters/media.js';
import { presentPost } from '../presenters/post.js';
import { presentMe } from '../presenters/user.js';
import type { HandlerContext, Handlers } from './types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any endpoint's context carries the same deps
const depsOf = (context: HandlerContext<any>): MediaDeps => ({ knex: context.knex, storage: context.storage, config: context.config, logger: context.log });

/** Media rows with their addresses signed for the same expiry. */
async function present(deps: Pick<MediaDeps, 'storage' | 'config'>, rows: MediaRow[]) {
  const expiresAt = urlExpiry(deps.config);
  return Promise.all(rows.map(async (row) => presentMedia(row, await signFile(deps.storage, row, expiresAt))));
}

/** The media library, the browser-supplied image of an image capture, and the avatar. */
export const mediaHandlers = {
  uploadMedia: async (context) => {
    const { auth, upload } = context;
    const row = await uploadMedia(depsOf(context), {
      workspaceId: auth.workspaceId,
      uploadedBy: auth.user.id,
      body: upload.stream,
      declaredLength: upload.declaredLength,
      filename: upload.filename,
    });
    const [media] = await present(context, [{ ...row, uploaderFirstName: auth.user.firstName, uploaderLastName: auth.user.lastName }]);
    return media!;
  },
  listMedia: async (context) => {
    const page = await listMedia(context.knex, context.auth.workspaceId, context.input.query);
    return { items: await present(context, page.items), nextCursor: page.nextCursor };
  },
  getMedia: async (context) => (await present(context, [await findMedia(context.knex, context.auth.workspaceId, context.input.params.mediaId)]))[0]!,
  deleteMedia: async (context) => {
    await deleteMedia(depsOf(context), context.auth.workspaceId, context.input.params.mediaId);
  },
  supplyCaptureMedia: async (context) => {
    const deps = depsOf(context);
    const post = await supplyCaptureMedia(deps, { workspaceId: context.auth.workspaceId, userId: context.auth.user.id }, context.input.params.postId, context.upload);
    return presentPost(await oneWithMedia(deps, post));
  },
  setAvatar: async (context) => {
    const deps = depsOf(context);
    await setAvatar(deps, context.auth.user.id, { body: context.upload.stream, declaredLength: context.upload.declaredLength }, 'upload');
    const user = await getMe(context.knex, context.auth.user.id);
    return presentMe(user, await avatarUrlOf(deps, user));
  },
  deleteAvatar: async (context) => {
    await removeAvatar(depsOf(context), context.auth.user.id);
    return presentMe(await getMe(context.knex, context.auth.user.id), null);
  },
} satisfies Partial<Handlers>;
