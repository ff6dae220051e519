// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Action, Layout, P, Small } from './layout.js';

/** Props of the "your post is scheduled" confirmation (P10). */
export interface PostScheduledProps {
  firstName: string;
  /** The start of the post, as people recognise it. */
  excerpt: string;
  workspaceName: string;
  /** Where it goes and when, already written for people in the workspace's time zone. */
  destinations: { network: string; account: string; when: string }[];
  postUrl: string;
}

/** Confirms to the author that a post is scheduled, where and when (once per post). */
export const postScheduled: EmailTemplate<PostScheduledProps> = {
  kind: 'post-scheduled',
  requested: false,
  secrets: ['postUrl'],
  subject: (p) => `Scheduled: “${p.excerpt}”`,
  render: (p) => (
    <Layout preview={`Your post in ${p.workspaceName} is scheduled.`} heading={`Hi ${p.firstName},`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>Your post “{p.excerpt}” in {p.workspaceName} is scheduled:</P>
      {p.destinations.map((destination) => (
        <P key={`${destination.network}:${destination.account}`}>
          {destination.network} ({destination.account}): {destination.when}
        </P>
      ))}
      <Action href={p.postUrl} label="See the post" />
      <Small>We will email you if it cannot be published. You can turn these confirmations off with the link below.</Small>
    </Layout>
  ),
  preview: {
    firstName: 'Ada',
    excerpt: 'Our new engine computes Bernoulli numbers…',
    workspaceName: 'Analytical Engines',
    destinations: [
      { network: 'LinkedIn', account: 'Analytical Engines Ltd', when: '3 December 2026, 09:30 (Europe/London)' },
      { network: 'X', account: '@engines', when: '3 December 2026, 09:30 (Europe/London)' },
    ],
    postUrl: 'http://localhost:8787/posts/example',
  },
};
