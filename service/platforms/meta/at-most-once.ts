import { isPlatformError } from '../lib/errors.js';
import type { Checkpoint, PlatformContext } from '../types.js';

/**
 * Runs a follow-up step of an already published post (the first comment) at most once: the checkpoint
 * records the attempt BEFORE the request, so a resumed publish never comments twice. The post is out, so
 * a network failure here is logged rather than failing the target.
 */
export async function atMostOnce(context: PlatformContext, checkpoint: Checkpoint, key: string, step: () => Promise<void>): Promise<void> {
  if (checkpoint.state[key]) return;
  await checkpoint.save({ [key]: true });
  try {
    await step();
  } catch (error) {
    if (!isPlatformError(error)) throw error;
    context.log.warn('a follow-up step of a published post failed; the post itself is out', { step: key, kind: error.kind, vendorCode: error.details.vendorCode });
  }
}
