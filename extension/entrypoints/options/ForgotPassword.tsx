import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { formErrors } from '../../components/field-errors.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: { title: 'Reset your password', email: 'Email for the reset link', sending: 'Sending…', send: 'Email me a reset link', back: 'Back to sign-in' },
  de: { title: 'Passwort zurücksetzen', email: 'E-Mail-Adresse für den Link', sending: 'Wird gesendet…', send: 'Link zum Zurücksetzen senden', back: 'Zurück zur Anmeldung' },
});

/** "Forgot your password?": emails a reset link; the link opens a page of the service to choose a new one. */
export function ForgotPassword({ initialEmail, onClose }: { initialEmail: string; onClose: () => void }) {
  useLocale();
  const [email, setEmail] = useState(initialEmail);
  const [sent, setSent] = useState<string | null>(null);
  const ask = useAction(async () => setSent((await sendMessage('requestPasswordReset', { email })).message));
  const errors = formErrors(ask.error, (path) => (path === 'email' ? 'email' : null));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void ask.run();
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="forgot-password-form">
      <h3>{t('title')}</h3>
      {sent ? (
        <p className="notice-success" role="status" data-testid="forgot-password-sent">{sent}</p>
      ) : (
        <>
          <FormError message={errors.summary} />
          <Field label={t('email')} name="resetEmail" type="email" autoComplete="email" value={email} error={errors.byField.email} onChange={(event) => setEmail(event.target.value)} />
        </>
      )}
      <div className="actions">
        {!sent && (
          <Button type="submit" pending={ask.pending} pendingLabel={t('sending')}>
            {t('send')}
          </Button>
        )}
        <Button variant="link" onClick={onClose}>
          {t('back')}
        </Button>
      </div>
    </form>
  );
}
