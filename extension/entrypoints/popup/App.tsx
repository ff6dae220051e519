import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { useExtensionState } from '../../hooks/useExtensionState.js';
import { useTabContext } from '../../hooks/useTabContext.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { Composer } from './Composer.js';
import type { PrefillOverride } from './prefill.js';

/** The toolbar popup: a quick draft of the current page, or a way to sign in. */
export function App({ override }: { override: PrefillOverride }) {
  const { state, error } = useExtensionState();
  const context = useTabContext(
    override?.kind === 'context' ? { context: override.context } : override?.kind === 'tab' ? { tabId: override.tabId } : {},
  );
  const openOptions = useAction(async () => {
    await sendMessage('openOptionsPage');
    window.close();
  });

  return (
    <main className="popup">
      <header className="brand">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1>Minopa</h1>
      </header>
      <FormError message={error?.message ?? null} testId="state-error" />
      {(!state || (state.user && !context)) && !error && <p className="muted">Loading…</p>}
      {state && !state.user && (
        <section data-testid="signed-out">
          <p>Sign in to Minopa to save drafts to your workspace.</p>
          <Button onClick={() => void openOptions.run()} pending={openOptions.pending} data-testid="open-options">
            Open Minopa settings
          </Button>
        </section>
      )}
      {state?.user && context && <Composer state={state} context={context} />}
    </main>
  );
}
