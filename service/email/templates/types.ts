import type { ReactElement } from 'react';
import type { EmailKind } from '../kinds.js';

/** What every template receives besides its own props: where the footer's unsubscribe link points. */
export interface FrameProps {
  unsubscribeUrl: string;
}

/**
 * One email template: its kind, whether the recipient asked for it, its subject and its React body.
 * `requested` emails (verify, reset, email change) are sent even to someone who unsubscribed from the
 * kind: they exist only because that person just asked for them.
 */
export interface EmailTemplate<P> {
  kind: EmailKind;
  requested: boolean;
  /**
   * Notices about the contract itself (a failed payment, the plan falling back to Free): sent even to
   * someone who unsubscribed from the kind, like `requested` ones, though nobody asked for them.
   */
  transactional?: true;
  subject(props: P): string;
  render(props: P & FrameProps): ReactElement;
  /**
   * Props that carry a one-time credential (a link with a token). In production they are removed from
   * the outbox row once it is sent or given up, so the database keeps no usable link (only hashes).
   */
  secrets: readonly (keyof P)[];
  /** Realistic props, for the template tests and the dev email page. */
  preview: P;
}
