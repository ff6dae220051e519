import type { Invitation } from '#shared/api/invitations.js';
import { Button } from '../../../components/Button.js';
import { Interpolate } from '../../../components/Interpolate.js';
import { formatDate } from '../../../lib/i18n/index.js';
import { useLocale } from '../../../lib/i18n/react.js';
import { t } from './messages.js';
import { roleNoun } from './roles.js';

interface InvitationListProps {
  invitations: Invitation[];
  busy: boolean;
  onRevoke: (invitationId: string) => void;
}

/** Invitations waiting for an answer, each with when it expires and a way to withdraw it. */
export function InvitationList({ invitations, busy, onRevoke }: InvitationListProps) {
  useLocale();
  if (invitations.length === 0) return <p className="muted small" data-testid="no-invitations">{t('noInvitations')}</p>;
  return (
    <ul className="list" data-testid="invitation-list">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="actions">
          <span>
            <Interpolate text={t('invitedAs', { role: roleNoun(invitation.role) })} values={{ email: <strong>{invitation.email}</strong> }} />
            <span className="muted small"> · {t('expires', { date: formatDate(invitation.expiresAt, { dateStyle: 'medium' }) })}</span>
          </span>
          <Button variant="secondary" pending={busy} onClick={() => onRevoke(invitation.id)} aria-label={t('revokeLabel', { email: invitation.email })}>
            {t('revoke')}
          </Button>
        </li>
      ))}
    </ul>
  );
}
