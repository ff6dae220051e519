import { useState } from 'react';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { WorkspaceSelect } from '../../components/WorkspaceSelect.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type ExtensionState } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: {
    title: 'Your account',
    signedInAs: 'Signed in as',
    defaultWorkspace: 'Default workspace',
    defaultWorkspaceHint: 'Pages, quotes, links and images you save from the right-click menu go here.',
    noWorkspace: 'You are not a member of any workspace yet.',
    saving: 'Saving…',
    saved: 'Saved.',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
  },
  de: {
    title: 'Ihr Konto',
    signedInAs: 'Angemeldet als',
    defaultWorkspace: 'Standard-Arbeitsbereich',
    defaultWorkspaceHint: 'Seiten, Zitate, Links und Bilder, die Sie über das Kontextmenü speichern, landen hier.',
    noWorkspace: 'Sie sind noch in keinem Arbeitsbereich Mitglied.',
    saving: 'Wird gespeichert…',
    saved: 'Gespeichert.',
    signOut: 'Abmelden',
    signingOut: 'Wird abgemeldet…',
  },
});

interface AccountPanelProps {
  state: ExtensionState;
  onState: (state: ExtensionState) => void;
  welcome: string | null;
}

/** Who is signed in, where context-menu captures go, and signing out. */
export function AccountPanel({ state, onState, welcome }: AccountPanelProps) {
  useLocale();
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
      <h2 id="account-title">{t('title')}</h2>
      {welcome && <p className="notice-success" role="status" data-testid="welcome">{welcome}</p>}
      <p data-testid="signed-in-user">
        {t('signedInAs')} <strong>{user.firstName} {user.lastName}</strong> <span className="muted">({user.email})</span>
      </p>
      {state.workspaces.length > 0 ? (
        <WorkspaceSelect
          label={t('defaultWorkspace')}
          workspaces={state.workspaces}
          value={state.defaultWorkspaceId ?? ''}
          disabled={choose.pending}
          onChange={(id) => void choose.run(id)}
          hint={t('defaultWorkspaceHint')}
          testId="default-workspace"
        />
      ) : (
        <p className="muted">{t('noWorkspace')}</p>
      )}
      <p className="small muted" role="status" aria-live="polite" data-testid="default-workspace-status">
        {choose.pending ? t('saving') : saved ? t('saved') : ''}
      </p>
      <FormError message={choose.error?.message ?? signOut.error?.message ?? null} />
      <div className="actions">
        <Button variant="secondary" pending={signOut.pending} pendingLabel={t('signingOut')} onClick={() => void signOut.run()} data-testid="signout">
          {t('signOut')}
        </Button>
      </div>
    </section>
  );
}
