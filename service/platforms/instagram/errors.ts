import { createGraphErrorReader } from '../meta/graph-errors.js';

/**
 * Instagram's Graph errors → failure kinds: the shared Graph codes plus Instagram's subcodes (reference
 * §3 "Errors worth handling"). Media problems of the file itself are invalid content (the default for a
 * 400); a media URL that timed out or was not ready can work on a later attempt.
 */
export const readInstagramError = createGraphErrorReader('Instagram', {
  // Daily publishing limit reached (content_publishing_limit): wait for the rolling window.
  2207042: 'rate_limited',
  // Instagram's own throttle code.
  9: 'rate_limited',
  // Media not ready for publishing yet / download timed out / media expired: a later attempt can work.
  9007: 'transient',
  2207027: 'transient',
  2207003: 'transient',
  2207020: 'transient',
});
