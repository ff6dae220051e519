import { useState } from 'react';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { WorkspaceSelect } from '../../components/WorkspaceSelect.js';
import { useAction } from '../../hooks/useAction.js';
import { sendMessage, type ExtensionState } from '../../lib/messaging/protocol.js';

interface AccountPanelProps {
  state: ExtensionState;
  onState: (state: ExtensionState) => void;
  welcome: string | null;
}

/** Who is signed in, where context-menu captures go, and signing out. */
export function AccountPanel({ state, onState, welcome }: AccountPanelProps) {
  const [saved, setSaved] = useState(false);
  const choose = useAction(async (workspaceId: string) => {
    setSaved(false);
    onState(await sendMessage('setDefaultWorkspace', { workspaceId }));
    setSaved(true);
  });
  const signOut = useAction(async () => onState(await sendMessage('signOut')));
  const user = state.user;
  if (!user) return null;

  return (
    <section className="card" aria-labelledby="account-title">
      <h2 id="account-title">Your account</h2>
      {welcome && <p className="notice-success" role="status" data-testid="welcome">{welcome}</p>}
      <p data-testid="signed-in-user">
        Signed in as <strong>{user.firstName} {user.lastName}</strong> <span className="muted">({user.email})</span>
      </p>
      {state.workspaces.length > 0 ? (
        <WorkspaceSelect
          label="Default workspace"
          workspaces={state.workspaces}
          value={state.defaultWorkspaceId ?? ''}
          disabled={choose.pending}
          onChange={(id) => void choose.run(id)}
          hint="Pages, quotes, links and images you save from the right-click menu go here."
          testId="default-workspace"
        />
      ) : (
        <p className="muted">You are not a member of any workspace yet.</p>
      )}
      <p className="small muted" role="status" aria-live="polite" data-testid="default-workspace-status">
        {choose.pending ? 'Saving…' : saved ? 'Saved.' : ''}
      </p>
      <FormError message={choose.error?.message ?? signOut.error?.message ?? null} />
      <div className="actions">
        <Button variant="secondary" pending={signOut.pending} pendingLabel="Signing out…" onClick={() => void signOut.run()} data-testid="signout">
          Sign out
        </Button>
      </div>
    </section>
  );
}
