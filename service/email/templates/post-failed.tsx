// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Action, Layout, P, Small } from './layout.js';

/** Props of the "your post could not be published" alert (P10). */
export interface PostFailedProps {
  firstName: string;
  excerpt: string;
  workspaceName: string;
  /** Each network it failed on: why (what the network said, in words) and how to fix it. */
  failures: { network: string; account: string; reason: string; fix: string }[];
  postUrl: string;
}

/** Tells the author which networks a post failed on, why, and what to do (once per post). */
export const postFailed: EmailTemplate<PostFailedProps> = {
  kind: 'post-failed',
  requested: false,
  secrets: ['postUrl'],
  subject: (p) => `Not published on ${p.failures.map((failure) => failure.network).join(', ')}: “${p.excerpt}”`,
  render: (p) => (
    <Layout preview={`Your post could not be published on ${p.failures.map((failure) => failure.network).join(', ')}.`} heading={`Hi ${p.firstName},`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>Your post “{p.excerpt}” in {p.workspaceName} could not be published:</P>
      {p.failures.map((failure) => (
        <P key={`${failure.network}:${failure.account}`}>
          {failure.network} ({failure.account}): {failure.reason} What to do: {failure.fix}
        </P>
      ))}
      <Action href={p.postUrl} label="Open the post" />
      <Small>Its other networks are not affected. You can turn these alerts off with the link below.</Small>
    </Layout>
  ),
  preview: {
    firstName: 'Ada',
    excerpt: 'Our new engine computes Bernoulli numbers…',
    workspaceName: 'Analytical Engines',
    failures: [
      {
        network: 'X',
        account: '@engines',
        reason: 'The network no longer accepts this account’s connection.',
        fix: 'Reconnect the X account in Minopa’s settings, then retry the post.',
      },
    ],
    postUrl: 'http://localhost:8787/posts/example',
  },
};
