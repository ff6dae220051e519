// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Layout, P, Small } from './layout.js';

/** Props of the operator's alert about a privacy request past its deadline (P30). */
export interface PrivacyRequestOverdueProps {
  requestId: string;
  kind: string;
  /** Who asked. */
  requesterEmail: string;
  /** The deadline that passed, written for people. */
  dueAt: string;
}

/** Tells the operator (PRIVACY_CONTACT_EMAIL) that a person's request passed its 30 days unanswered. */
export const privacyRequestOverdue: EmailTemplate<PrivacyRequestOverdueProps> = {
  kind: 'account',
  requested: false,
  transactional: true,
  secrets: [],
  subject: (p) => `Overdue privacy request (${p.kind}) from ${p.requesterEmail}`,
  render: (p) => (
    <Layout preview="A privacy request passed its 30-day deadline." heading="A privacy request is overdue" unsubscribeUrl={p.unsubscribeUrl}>
      <P>
        The {p.kind} request {p.requestId} from {p.requesterEmail} was due on {p.dueAt} and has no answer yet.
      </P>
      <Small>Answer it and record the answer with: npm run privacy-requests -- resolve {p.requestId} --resolution &quot;…&quot;</Small>
    </Layout>
  ),
  preview: { requestId: '0b8a3f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', kind: 'erasure', requesterEmail: 'ada@example.com', dueAt: '28 December 2026' },
};
