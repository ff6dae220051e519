import { cancelMediaUpload } from '../actions/cancel-media-upload.js';
import { createMediaUpload } from '../actions/create-media-upload.js';
import { findMediaUpload } from '../actions/find-media-upload.js';
import { sendMediaUploadChunk } from '../actions/send-media-upload-chunk.js';
import type { MediaDeps } from '../media/deps.js';
import { signFile, urlExpiry } from '../media/urls.js';
import { presentMedia } from '../presenters/media.js';
import { presentMediaUpload } from '../presenters/media-upload.js';
import type { HandlerContext, Handlers } from './types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any endpoint's context carries the same deps
const depsOf = (context: HandlerContext<any>): MediaDeps => ({ knex: context.knex, storage: context.storage, config: context.config, logger: context.log });

/** Resumable uploads into the media library (shared/api/endpoints/media-uploads.ts). */
export const mediaUploadHandlers = {
  createMediaUpload: async (context) => {
    const { auth, input } = context;
    return presentMediaUpload(await createMediaUpload(context, { workspaceId: auth.workspaceId, userId: auth.user.id }, input.body));
  },
  sendMediaUploadChunk: async (context) => {
    const { auth, input, upload } = context;
    const result = await sendMediaUploadChunk(depsOf(context), {
      workspaceId: auth.workspaceId,
      uploadId: input.params.uploadId,
      offset: input.query.offset,
      body: upload.stream,
      declaredLength: upload.declaredLength,
    });
    if (!result.media) return { ...presentMediaUpload(result.upload), media: null };
    context.status = 201;
    const media = presentMedia(result.media, await signFile(context.storage, result.media, urlExpiry(context.config)));
    return { ...presentMediaUpload(result.upload), media };
  },
  getMediaUpload: async (context) => presentMediaUpload(await findMediaUpload(context.knex, context.auth.workspaceId, context.input.params.uploadId)),
  cancelMediaUpload: async (context) => {
    await cancelMediaUpload(context, context.auth.workspaceId, context.input.params.uploadId);
  },
} satisfies Partial<Handlers>;
