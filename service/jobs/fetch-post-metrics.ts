import { publisherDepsOf } from '../publisher/directory.js';
import { fetchPostMetrics } from '../publisher/metrics.js';
import type { JobDeps } from './types.js';

/** The fetch-post-metrics job: engagement numbers of recently published posts (shown with the post). */
export async function runFetchPostMetrics(deps: JobDeps): Promise<void> {
  await fetchPostMetrics(publisherDepsOf(deps));
}
