import { publisherDepsOf } from '../publisher/directory.js';
import { publishDueTargets } from '../publisher/publish-due.js';
import type { JobDeps } from './types.js';

/** The publish-due-targets job: one publisher run (claim → publish → record) over every due target. */
export async function runPublishDueTargets(deps: JobDeps): Promise<void> {
  await publishDueTargets(publisherDepsOf(deps));
}
