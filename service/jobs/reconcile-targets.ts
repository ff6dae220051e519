import { publisherDepsOf } from '../publisher/directory.js';
import { reconcileTargets } from '../publisher/reconcile.js';
import type { JobDeps } from './types.js';

/** The reconcile-targets job: asks the networks about every target whose last attempt had an unknown outcome. */
export async function runReconcileTargets(deps: JobDeps): Promise<void> {
  await reconcileTargets(publisherDepsOf(deps));
}
