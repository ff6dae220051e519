import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { formErrors } from '../../components/field-errors.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type ExtensionState } from '../../lib/messaging/protocol.js';
import { ForgotPassword } from './ForgotPassword.js';
import { GoogleButton } from './GoogleButton.js';

const t = defineMessages({
  en: {
    title: 'Sign in to Minopa',
    offerSignUp: 'Create an account with Google',
    email: 'Email',
    password: 'Password',
    signingIn: 'Signing in…',
    signIn: 'Sign in',
    forgot: 'Forgot your password?',
    newHere: 'New to Minopa?',
    switch: 'I am new here',
  },
  de: {
    title: 'Bei Minopa anmelden',
    offerSignUp: 'Mit Google ein Konto anlegen',
    email: 'E-Mail',
    password: 'Passwort',
    signingIn: 'Wird angemeldet…',
    signIn: 'Anmelden',
    forgot: 'Passwort vergessen?',
    newHere: 'Neu bei Minopa?',
    switch: 'Ich bin neu hier',
  },
});

interface SignInFormProps {
  onSignedIn: (state: ExtensionState) => void;
  onSwitch: () => void;
}

/** Sign in with email and password, or with Google; a forgotten password is reset by email. */
export function SignInForm({ onSignedIn, onSwitch }: SignInFormProps) {
  useLocale();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [forgot, setForgot] = useState(false);
  const signIn = useAction(async () => onSignedIn(await sendMessage('signIn', { email, password })));
  const google = useAction(async () => onSignedIn(await sendMessage('signInWithGoogle', { intent: 'sign-in' })));
  const errors = formErrors(signIn.error, (path) => (path === 'email' || path === 'password' ? path : null));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void signIn.run();
  };

  return (
    <section className="card" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('title')}</h2>
      <GoogleButton pending={google.pending} onClick={() => void google.run()} testId="google-signin" />
      <FormError message={google.error?.message ?? null} testId="google-error" />
      {google.error?.code === 'account_not_found' && (
        <p>
          <Button variant="link" onClick={onSwitch} data-testid="google-offer-signup">
            {t('offerSignUp')}
          </Button>
        </p>
      )}
      {forgot ? (
        <ForgotPassword initialEmail={email} onClose={() => setForgot(false)} />
      ) : (
        <form onSubmit={onSubmit} noValidate data-testid="signin-form">
          <FormError message={errors.summary} />
          <Field label={t('email')} name="email" type="email" autoComplete="email" value={email} error={errors.byField.email} onChange={(event) => setEmail(event.target.value)} />
          <Field label={t('password')} name="password" type="password" autoComplete="current-password" value={password} error={errors.byField.password} onChange={(event) => setPassword(event.target.value)} />
          <div className="actions">
            <Button type="submit" pending={signIn.pending} pendingLabel={t('signingIn')} data-testid="signin-submit">
              {t('signIn')}
            </Button>
            <Button variant="link" onClick={() => setForgot(true)} data-testid="forgot-password">
              {t('forgot')}
            </Button>
          </div>
        </form>
      )}
      <p className="switch">
        {t('newHere')}{' '}
        <Button variant="link" onClick={onSwitch} data-testid="show-signup">
          {t('switch')}
        </Button>
      </p>
    </section>
  );
}
