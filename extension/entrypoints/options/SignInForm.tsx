import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { formErrors } from '../../components/field-errors.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { sendMessage, type ExtensionState } from '../../lib/messaging/protocol.js';
import { ForgotPassword } from './ForgotPassword.js';
import { GoogleButton } from './GoogleButton.js';

interface SignInFormProps {
  onSignedIn: (state: ExtensionState) => void;
  onSwitch: () => void;
}

/** Sign in with email and password, or with Google; a forgotten password is reset by email. */
export function SignInForm({ onSignedIn, onSwitch }: SignInFormProps) {
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
      <h2 id="sign-in-title">Sign in to Minopa</h2>
      <GoogleButton pending={google.pending} onClick={() => void google.run()} testId="google-signin" />
      <FormError message={google.error?.message ?? null} testId="google-error" />
      {google.error?.code === 'account_not_found' && (
        <p>
          <Button variant="link" onClick={onSwitch} data-testid="google-offer-signup">
            Create an account with Google
          </Button>
        </p>
      )}
      {forgot ? (
        <ForgotPassword initialEmail={email} onClose={() => setForgot(false)} />
      ) : (
        <form onSubmit={onSubmit} noValidate data-testid="signin-form">
          <FormError message={errors.summary} />
          <Field label="Email" name="email" type="email" autoComplete="email" value={email} error={errors.byField.email} onChange={(event) => setEmail(event.target.value)} />
          <Field label="Password" name="password" type="password" autoComplete="current-password" value={password} error={errors.byField.password} onChange={(event) => setPassword(event.target.value)} />
          <div className="actions">
            <Button type="submit" pending={signIn.pending} pendingLabel="Signing in…" data-testid="signin-submit">
              Sign in
            </Button>
            <Button variant="link" onClick={() => setForgot(true)} data-testid="forgot-password">
              Forgot your password?
            </Button>
          </div>
        </form>
      )}
      <p className="switch">
        New to Minopa?{' '}
        <Button variant="link" onClick={onSwitch} data-testid="show-signup">
          I am new here
        </Button>
      </p>
    </section>
  );
}
