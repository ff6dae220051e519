import type { Invitation } from '#shared/api/invitations.js';
import { Button } from '../../../components/Button.js';
import { ROLE_LABELS } from './roles.js';

interface InvitationListProps {
  invitations: Invitation[];
  busy: boolean;
  onRevoke: (invitationId: string) => void;
}

/** Invitations waiting for an answer, each with when it expires and a way to withdraw it. */
export function InvitationList({ invitations, busy, onRevoke }: InvitationListProps) {
  if (invitations.length === 0) return <p className="muted small" data-testid="no-invitations">No pending invitations.</p>;
  return (
    <ul className="list" data-testid="invitation-list">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="actions">
          <span>
            <strong>{invitation.email}</strong> as {ROLE_LABELS[invitation.role].toLowerCase()}
            <span className="muted small"> · expires {new Date(invitation.expiresAt).toLocaleDateString()}</span>
          </span>
          <Button variant="secondary" pending={busy} onClick={() => onRevoke(invitation.id)} aria-label={`Revoke the invitation of ${invitation.email}`}>
            Revoke
          </Button>
        </li>
      ))}
    </ul>
  );
}
