import { useCallback, useEffect, useState } from 'react';
import type { Role } from '#shared/roles.js';
import { FormError } from '../../../components/FormError.js';
import { useAction } from '../../../hooks/useAction.js';
import { toUiError, type UiError } from '../../../lib/errors.js';
import { useLocale } from '../../../lib/i18n/react.js';
import { sendMessage, type ExtensionState, type MembersPanelData } from '../../../lib/messaging/protocol.js';
import { AuditLog } from './AuditLog.js';
import { InvitationList } from './InvitationList.js';
import { InviteForm } from './InviteForm.js';
import { JoinWorkspaceForm } from './JoinWorkspaceForm.js';
import { MemberList } from './MemberList.js';
import { t } from './messages.js';
import { managesMembers } from './roles.js';
import { TransferOwnership } from './TransferOwnership.js';

interface MembersPanelProps {
  state: ExtensionState;
  onState: (state: ExtensionState) => void;
}

/**
 * The team of the default workspace: members and roles, pending invitations, inviting, handing over
 * ownership, leaving — and joining another workspace from an invitation link. Everything goes through
 * the background (messages); each change answers with the panel's data as the service now holds it.
 */
export function MembersPanel({ state, onState }: MembersPanelProps) {
  useLocale();
  const workspaceId = state.defaultWorkspaceId;
  const [data, setData] = useState<MembersPanelData | null>(null);
  const [loadError, setLoadError] = useState<UiError | null>(null);

  const load = useCallback(async () => {
    if (!workspaceId) return;
    try {
      setData(await sendMessage('getMembers', { workspaceId }));
      setLoadError(null);
    } catch (error) {
      setLoadError(toUiError(error));
    }
  }, [workspaceId]);
  useEffect(() => {
    setData(null);
    void load();
  }, [load]);

  const change = useAction(async (message: () => Promise<MembersPanelData>) => setData(await message()));
  const invite = useAction(async (email: string, role: Role) => {
    setData(await sendMessage('inviteMember', { workspaceId: workspaceId!, email, role }));
    return true;
  });
  const leave = useAction(async () => onState(await sendMessage('leaveWorkspace', { workspaceId: workspaceId! })));

  if (!state.user) return null;
  const busy = change.pending || leave.pending;
  const id = workspaceId ?? '';

  return (
    <section className="card" aria-labelledby="members-title" data-testid="members-panel">
      <h2 id="members-title">{data ? t('titleOf', { workspace: data.workspace.name }) : t('title')}</h2>
      <FormError message={loadError?.message ?? change.error?.message ?? leave.error?.message ?? null} testId="members-error" />
      {workspaceId && !data && !loadError && <p className="muted">{t('loading')}</p>}
      {data && (
        <>
          <MemberList
            members={data.members}
            myUserId={data.myUserId}
            myRole={data.workspace.role}
            workspaceName={data.workspace.name}
            busy={busy}
            onChangeRole={(userId, role) => void change.run(() => sendMessage('changeMemberRole', { workspaceId: id, userId, role }))}
            onRemove={(userId) => void change.run(() => sendMessage('removeMember', { workspaceId: id, userId }))}
            onLeave={() => void leave.run()}
          />
          {data.invitations && (
            <>
              <h3>{t('pendingInvitations')}</h3>
              <InvitationList
                invitations={data.invitations}
                busy={busy}
                onRevoke={(invitationId) => void change.run(() => sendMessage('revokeInvitation', { workspaceId: id, invitationId }))}
              />
            </>
          )}
          {managesMembers(data.workspace.role) && (
            <InviteForm
              myRole={data.workspace.role}
              pending={invite.pending}
              error={invite.error}
              onInvite={async (email, role) => (await invite.run(email, role)) === true}
            />
          )}
          {managesMembers(data.workspace.role) && <AuditLog workspaceId={id} changed={data} />}
          {data.workspace.role === 'owner' && (
            <TransferOwnership
              members={data.members}
              myUserId={data.myUserId}
              busy={busy}
              onTransfer={(userId) => void change.run(() => sendMessage('transferOwnership', { workspaceId: id, userId }))}
            />
          )}
        </>
      )}
      <JoinWorkspaceForm onState={onState} />
    </section>
  );
}
