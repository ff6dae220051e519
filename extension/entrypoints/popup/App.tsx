import { lazy, Suspense, useState } from 'react';
import { recogniseImportSource } from '#shared/imports/source-url.js';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { useExtensionState } from '../../hooks/useExtensionState.js';
import { useTabContext } from '../../hooks/useTabContext.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type ExtensionState } from '../../lib/messaging/protocol.js';
import { dashboardUrl } from '../../lib/dashboard-links.js';
import type { StateSnapshot } from '../../lib/state-snapshot.js';
import { Composer } from './Composer.js';
import { ConsentReminder } from './ConsentReminder.js';
import type { PrefillOverride } from './prefill.js';

// Only a Canva design or Drive file page needs the import section: loaded then, it costs other pages nothing.
const ImportSection = lazy(() => import('./ImportSection.js').then((module) => ({ default: module.ImportSection })));

const t = defineMessages({
  en: {
    dashboard: 'Queue & calendar',
    loading: 'Loading…',
    signedOut: 'Sign in to Minopa to save drafts to your workspace.',
    openOptions: 'Open Minopa settings',
  },
  de: {
    dashboard: 'Warteschlange & Kalender',
    loading: 'Wird geladen…',
    signedOut: 'Melden Sie sich bei Minopa an, um Entwürfe in Ihrem Arbeitsbereich zu speichern.',
    openOptions: 'Minopa-Einstellungen öffnen',
  },
});

/**
 * The toolbar popup: a quick post of the current page, or a way to sign in. From main.tsx: `firstState`,
 * the state asked of the background before React loaded, and `snapshot`, what a page last heard of it
 * (lib/state-snapshot.ts), shown until the background answers. Tests may leave both out.
 */
export function App({ override, firstState, snapshot = null }: { override: PrefillOverride; firstState?: Promise<ExtensionState>; snapshot?: StateSnapshot | null }) {
  useLocale();
  const { state, error } = useExtensionState(firstState);
  // Signed in as far as the popup knows: the background says so, or (until it answers) the snapshot does.
  const signedIn = state ? state.user !== null : snapshot !== null && !error;
  const known = state ?? snapshot;
  const context = useTabContext(
    override?.kind === 'context' ? { context: override.context } : override?.kind === 'tab' ? { tabId: override.tabId } : {},
  );
  const [workspaceId, setWorkspaceId] = useState('');
  const source = context ? recogniseImportSource(context.url) : null;
  const openOptions = useAction(async () => {
    await sendMessage('openOptionsPage');
    window.close();
  });

  return (
    <main className="popup">
      <header className="brand">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1>Minopa</h1>
        {signedIn && (
          <a className="header-link" href={dashboardUrl()} target="_blank" rel="noreferrer" data-testid="open-dashboard">
            {t('dashboard')}
          </a>
        )}
      </header>
      <FormError message={error?.message ?? null} testId="state-error" />
      <ConsentReminder />
      {!state && !error && !snapshot && <p className="muted">{t('loading')}</p>}
      {state && !state.user && (
        <section data-testid="signed-out">
          <p>{t('signedOut')}</p>
          <Button onClick={() => void openOptions.run()} pending={openOptions.pending} data-testid="open-options">
            {t('openOptions')}
          </Button>
        </section>
      )}
      {/* Usable at once: the page's text fills in when it has been read, if nothing was typed yet. */}
      {signedIn && known && context && source && (
        <Suspense fallback={null}>
          <ImportSection url={context.url} provider={source.provider} workspace={known.workspaces.find((workspace) => workspace.id === workspaceId) ?? null} />
        </Suspense>
      )}
      {signedIn && known && <Composer state={known} context={context} onWorkspace={setWorkspaceId} />}
    </main>
  );
}
