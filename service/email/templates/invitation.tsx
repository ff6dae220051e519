// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Action, Layout, P, Small } from './layout.js';

/** Props of a workspace invitation. */
export interface InvitationProps {
  inviterName: string;
  workspaceName: string;
  /** The role offered, as people read it (e.g. "editor"). */
  role: string;
  acceptUrl: string;
  /** When the invitation expires, already written for people (e.g. "5 December 2026"). */
  expiresAt: string;
}

/** Invites someone (with or without an account) to join a workspace with a role. */
export const invitation: EmailTemplate<InvitationProps> = {
  kind: 'invitation',
  requested: false,
  secrets: ['acceptUrl'],
  subject: (p) => `${p.inviterName} invited you to ${p.workspaceName} on Minopa`,
  render: (p) => (
    <Layout preview={`Join ${p.workspaceName} as ${p.role}.`} heading={`Join ${p.workspaceName} on Minopa`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>
        {p.inviterName} invited you to the workspace {p.workspaceName} as {p.role}. Minopa lets a team capture what they find on the web
        into posts and publish them on time.
      </P>
      <Action href={p.acceptUrl} label="Accept the invitation" />
      <Small>
        The invitation works once and expires on {p.expiresAt}. No account yet? You can create one after clicking. If you were not
        expecting this, you can ignore it.
      </Small>
    </Layout>
  ),
  preview: {
    inviterName: 'Grace Hopper',
    workspaceName: 'Analytical Engines',
    role: 'editor',
    acceptUrl: 'http://localhost:8787/invitations/accept?token=example',
    expiresAt: '5 December 2026',
  },
};
