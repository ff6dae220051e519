import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import Stripe from 'stripe';
import type { LoadUser } from './seed.js';

/** What each kind of request did over the run, across every instance. */
export interface RouteTally {
  latenciesMs: number[];
  statuses: Record<string, number>;
  /** Connection errors and timeouts (no status at all). */
  errors: number;
}

/** The requests one kind of traffic sends, per second per instance, as one autocannon sequence. */
interface Stream {
  route: string;
  perSecond: number;
  requests: (user: LoadUser, accepted: Set<string>) => autocannon.Request[];
}

const json = { 'content-type': 'application/json' };
const auth = (user: LoadUser) => ({ authorization: `Bearer ${user.token}` });
// The smallest PNG: the library still checks it, measures it and makes a thumbnail.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const capture = (user: LoadUser, accepted: Set<string>, onPost?: (postId: string, context: Record<string, unknown>) => void): autocannon.Request => ({
  method: 'POST',
  path: `/api/v1/workspaces/${user.workspaceId}/captures`,
  headers: { ...json, ...auth(user) },
  setupRequest: (request) => ({
    ...request,
    body: JSON.stringify({ clientId: randomUUID(), kind: 'page', url: `https://example.com/read/${randomUUID()}`, title: 'Worth reading', selectionText: 'A quote from the page.' }),
  }),
  onResponse: (status, body, context) => {
    if (status !== 201) return;
    const postId = (JSON.parse(body) as { post: { id: string } }).post.id;
    accepted.add(postId);
    onPost?.(postId, context as Record<string, unknown>);
  },
});

/**
 * The mix, per second across all instances: captures and post lists most, posts published now (capture, pick the channel,
 * publish: three requests), an image upload, a Stripe webhook delivery now and then.
 */
function streams(webhookSecret: string, subscriptions: Map<string, { subscription: string; customer: string }>): Stream[] {
  return [
    { route: 'POST captures', perSecond: 15, requests: (user, accepted) => [capture(user, accepted)] },
    {
      route: 'GET posts',
      perSecond: 15,
      requests: (user) => [{ method: 'GET', path: `/api/v1/workspaces/${user.workspaceId}/posts?limit=20`, headers: auth(user) }],
    },
    {
      route: 'publish now (capture + targets + schedule)',
      perSecond: 6,
      requests: (user, accepted) => [
        capture(user, accepted, (postId, context) => (context.postId = postId)),
        {
          method: 'PUT',
          headers: { ...json, ...auth(user) },
          // No post (the capture failed): start the sequence again.
          setupRequest: (request, context) => {
            const postId = (context as Record<string, unknown>).postId;
            return postId ? { ...request, path: `/api/v1/workspaces/${user.workspaceId}/posts/${String(postId)}/targets`, body: JSON.stringify({ targets: [{ accountId: user.accountId }] }) } : (undefined as never);
          },
        },
        {
          method: 'POST',
          headers: { ...json, ...auth(user) },
          setupRequest: (request, context) => {
            const postId = (context as Record<string, unknown>).postId;
            (context as Record<string, unknown>).postId = undefined;
            return postId ? { ...request, path: `/api/v1/workspaces/${user.workspaceId}/posts/${String(postId)}/schedule`, body: JSON.stringify({ when: 'now' }) } : (undefined as never);
          },
        },
      ],
    },
    {
      route: 'POST media (image upload)',
      perSecond: 2,
      requests: (user) => [
        { method: 'POST', path: `/api/v1/workspaces/${user.workspaceId}/media`, headers: { ...auth(user), 'content-type': 'image/png', 'x-filename': 'load.png' }, body: PNG },
      ],
    },
    {
      route: 'POST Stripe webhook',
      perSecond: 2,
      requests: (user) => [
        {
          method: 'POST',
          path: '/api/v1/billing/webhooks/stripe',
          headers: json,
          // A subscription update, signed now as Stripe signs it: the service reads the subscription back from Stripe.
          setupRequest: (request) => {
            const ids = subscriptions.get(user.workspaceId)!;
            const payload = JSON.stringify({
              id: `evt_${randomUUID().replaceAll('-', '')}`,
              object: 'event',
              type: 'customer.subscription.updated',
              api_version: Stripe.API_VERSION,
              created: Math.floor(Date.now() / 1000),
              livemode: false,
              data: { object: { id: ids.subscription, object: 'subscription', customer: ids.customer } },
            });
            const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
            return { ...request, body: payload, headers: { ...request.headers, 'stripe-signature': signature } };
          },
        },
      ],
    },
  ];
}

/** Runs the mix through the proxy for `seconds`, `perSecond` of each stream in all; resolves with each route's tally. */
export async function runMix(options: {
  url: string;
  users: LoadUser[];
  seconds: number;
  webhookSecret: string;
  subscriptions: Map<string, { subscription: string; customer: string }>;
  accepted: Set<string>;
}): Promise<Map<string, RouteTally>> {
  const tallies = new Map<string, RouteTally>();
  const runs: Promise<unknown>[] = [];
  let next = 0;
  for (const stream of streams(options.webhookSecret, options.subscriptions)) {
    const tally: RouteTally = { latenciesMs: [], statuses: {}, errors: 0 };
    tallies.set(stream.route, tally);
    // The stream's rate shared by several people (each with their own session), all through the proxy.
    // autocannon paces whole requests per second, so each person gets a whole number of them.
    const rate = stream.perSecond * stream.requests(options.users[0]!, new Set()).length;
    const people = Math.max(...Array.from({ length: Math.min(rate, options.users.length) }, (_, n) => n + 1).filter((n) => rate % n === 0));
    for (let person = 0; person < people; person += 1) {
      const user = options.users[next++ % options.users.length]!;
      const requests = stream.requests(user, options.accepted);
      let finished: (error: Error | null) => void = () => undefined;
      runs.push(new Promise<void>((resolve, reject) => (finished = (error) => (error ? reject(error) : resolve()))));
      const instance = autocannon({ url: options.url, connections: 1, overallRate: rate / people, duration: options.seconds, timeout: 10, requests }, (error) => finished(error));
      instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        tally.latenciesMs.push(responseTime);
        tally.statuses[statusCode] = (tally.statuses[statusCode] ?? 0) + 1;
      });
      instance.on('reqError', () => (tally.errors += 1));
    }
  }
  await Promise.all(runs);
  return tallies;
}
