import { createGraphErrorReader } from '../meta/graph-errors.js';

/**
 * Facebook's Graph errors → failure kinds: the Graph codes every Meta API shares (190 auth, 4/17/32/613
 * throttled, 506 duplicate …, see meta/graph-errors.ts) plus Page publishing subcodes seen in practice
 * (reference §2 "Errors worth handling").
 */
export const readFacebookError = createGraphErrorReader('Facebook', {
  // Posting too fast for this Page.
  1390008: 'rate_limited',
  // The same photos were already posted.
  1366051: 'invalid_content',
  // Photos should be smaller than 4 MB.
  1366046: 'invalid_content',
  // The link in the post could not be read.
  1609005: 'invalid_content',
  // Page Publishing Authorization, identity confirmation: a person must act on Facebook first.
  1404078: 'auth',
  4854002: 'auth',
});
