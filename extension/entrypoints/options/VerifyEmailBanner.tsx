import { useState } from 'react';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { Interpolate } from '../../components/Interpolate.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type ExtensionState } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: {
    title: 'Verify your email address',
    sent: 'We sent a link to {email}. You can save drafts now; publishing and inviting people wait until you open the link.',
    sending: 'Sending…',
    resend: 'Resend link',
  },
  de: {
    title: 'Bestätigen Sie Ihre E-Mail-Adresse',
    sent: 'Wir haben einen Link an {email} gesendet. Entwürfe können Sie schon jetzt speichern; Beiträge veröffentlichen und Personen einladen können Sie, sobald Sie den Link geöffnet haben.',
    sending: 'Wird gesendet…',
    resend: 'Link erneut senden',
  },
});

/** Reminds a person who has not verified their address yet what waits for it, with "Resend link". */
export function VerifyEmailBanner({ state }: { state: ExtensionState }) {
  useLocale();
  const [sent, setSent] = useState<string | null>(null);
  const resend = useAction(async () => setSent((await sendMessage('resendVerificationEmail')).message));
  const user = state.user;
  if (!user || user.emailVerified) return null;
  return (
    <section className="notice" role="status" aria-labelledby="verify-title" data-testid="verify-email-banner">
      <h2 id="verify-title" className="small">{t('title')}</h2>
      <p>
        <Interpolate text={t('sent')} values={{ email: <strong>{user.email}</strong> }} />
      </p>
      {sent && <p className="notice-success" data-testid="verify-email-sent">{sent}</p>}
      <FormError message={resend.error?.message ?? null} />
      <div className="actions">
        <Button variant="secondary" pending={resend.pending} pendingLabel={t('sending')} onClick={() => void resend.run()} data-testid="resend-verification">
          {t('resend')}
        </Button>
      </div>
    </section>
  );
}
