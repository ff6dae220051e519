import { useState } from 'react';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { sendMessage, type ExtensionState } from '../../lib/messaging/protocol.js';

/** Reminds a person who has not verified their address yet what waits for it, with "Resend link". */
export function VerifyEmailBanner({ state }: { state: ExtensionState }) {
  const [sent, setSent] = useState<string | null>(null);
  const resend = useAction(async () => setSent((await sendMessage('resendVerificationEmail')).message));
  const user = state.user;
  if (!user || user.emailVerified) return null;
  return (
    <section className="notice" role="status" aria-labelledby="verify-title" data-testid="verify-email-banner">
      <h2 id="verify-title" className="small">Verify your email address</h2>
      <p>
        We sent a link to <strong>{user.email}</strong>. You can save drafts now; publishing and inviting people wait until you
        open the link.
      </p>
      {sent && <p className="notice-success" data-testid="verify-email-sent">{sent}</p>}
      <FormError message={resend.error?.message ?? null} />
      <div className="actions">
        <Button variant="secondary" pending={resend.pending} pendingLabel="Sending…" onClick={() => void resend.run()} data-testid="resend-verification">
          Resend link
        </Button>
      </div>
    </section>
  );
}
