import type { Member } from '#shared/api/workspaces.js';
import type { Role } from '#shared/roles.js';
import { ConfirmButton } from './ConfirmButton.js';
import { useLocale } from '../../../lib/i18n/react.js';
import { t } from './messages.js';
import { assignableRoles, managesMembers, roleLabel } from './roles.js';

interface MemberListProps {
  members: Member[];
  myUserId: string;
  myRole: Role;
  workspaceName: string;
  /** True while a change runs: controls are disabled so nothing is sent twice. */
  busy: boolean;
  onChangeRole: (userId: string, role: Role) => void;
  onRemove: (userId: string) => void;
  onLeave: () => void;
}

/**
 * Everyone in the workspace with their role (P14: name and role only). Admins change roles and remove
 * members (only owners touch owners); everyone can leave.
 */
export function MemberList({ members, myUserId, myRole, workspaceName, busy, onChangeRole, onRemove, onLeave }: MemberListProps) {
  useLocale();
  const manages = managesMembers(myRole);
  return (
    <ul className="list" data-testid="member-list">
      {members.map((member) => {
        const me = member.userId === myUserId;
        const name = `${member.firstName} ${member.lastName}`;
        // Admins cannot change or remove owners; owners can change anyone, themselves included.
        const canChange = manages && (member.role !== 'owner' || myRole === 'owner');
        const roles = assignableRoles(myRole);
        return (
          <li key={member.userId} data-testid={`member-${member.userId}`}>
            <div className="actions">
              <strong>{name}</strong>
              {me && <span className="muted small">{t('you')}</span>}
              {canChange ? (
                <>
                <label className="visually-hidden" htmlFor={`member-role-${member.userId}`}>{t('roleOf', { name })}</label>
                <select
                  id={`member-role-${member.userId}`}
                  value={member.role}
                  disabled={busy}
                  onChange={(event) => onChangeRole(member.userId, event.target.value as Role)}
                >
                  {(roles.includes(member.role) ? roles : [member.role, ...roles]).map((role) => (
                    <option key={role} value={role}>
                      {roleLabel(role)}
                    </option>
                  ))}
                </select>
                </>
              ) : (
                <span className="muted" data-testid="member-role">{roleLabel(member.role)}</span>
              )}
              {me ? (
                <ConfirmButton
                  label={t('leave')}
                  question={t('leaveQuestion', { workspace: workspaceName })}
                  confirmLabel={t('leaveConfirm')}
                  pending={busy}
                  onConfirm={onLeave}
                />
              ) : (
                canChange && (
                  <ConfirmButton label={t('remove')} question={t('removeQuestion', { name })} confirmLabel={t('removeConfirm')} pending={busy} onConfirm={() => onRemove(member.userId)} />
                )
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
