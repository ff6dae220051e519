import { createGraphErrorReader } from '../meta/graph-errors.js';

/**
 * Threads' Graph errors → failure kinds: the shared Graph codes plus the container subcodes Threads
 * shares with Instagram (reference §5 "Errors worth handling").
 */
export const readThreadsError = createGraphErrorReader('Threads', {
  // Media not ready for publishing yet: a later attempt can work.
  9007: 'transient',
  2207027: 'transient',
  // Daily publishing limit (250 posts / 24 h).
  2207042: 'rate_limited',
});
