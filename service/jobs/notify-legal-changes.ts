import { notifyLegalChanges } from '../legal/notify-changes.js';
import type { JobDeps } from './types.js';

/** Announces material changes to the Terms or Privacy Policy to every account concerned (P12, P33). */
export async function runNotifyLegalChanges(deps: JobDeps): Promise<void> {
  await notifyLegalChanges({ knex: deps.knex, logger: deps.logger, publicUrl: deps.config.publicUrl, signal: deps.signal });
}
