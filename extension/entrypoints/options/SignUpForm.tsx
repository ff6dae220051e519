import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CurrentLegalDocuments } from '#shared/api/legal.js';
import { Button } from '../../components/Button.js';
import { CheckboxField, Field } from '../../components/Field.js';
import { formErrors } from '../../components/field-errors.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { toUiError, type UiError } from '../../lib/errors.js';
import { sendMessage, type ExtensionState } from '../../lib/messaging/protocol.js';
import { GoogleButton } from './GoogleButton.js';

const FIELD_NAMES = ['firstName', 'lastName', 'email', 'password', 'ageConfirmed'];

/** Service paths → inputs: both legal versions belong to the one "I accept" checkbox. */
function fieldFor(path: string): string | null {
  if (path.startsWith('acceptedLegalVersions')) return 'acceptedLegalVersions';
  return FIELD_NAMES.includes(path) ? path : null;
}

interface SignUpFormProps {
  onSignedUp: (state: ExtensionState) => void;
  onSwitch: () => void;
}

/**
 * Create an account: name, email, password, age confirmation, and acceptance of the current legal documents;
 * or with Google, which takes the name and email from Google but needs the same two boxes ticked.
 */
export function SignUpForm({ onSignedUp, onSwitch }: SignUpFormProps) {
  const [values, setValues] = useState({ firstName: '', lastName: '', email: '', password: '' });
  const [ageConfirmed, setAgeConfirmed] = useState(false);
  const [accepted, setAccepted] = useState(false);
  const [legal, setLegal] = useState<CurrentLegalDocuments | null>(null);
  const [legalError, setLegalError] = useState<UiError | null>(null);

  const loadLegal = useCallback(async () => {
    setLegalError(null);
    try {
      setLegal(await sendMessage('getLegalDocuments'));
    } catch (error) {
      setLegalError(toUiError(error));
    }
  }, []);
  useEffect(() => void loadLegal(), [loadLegal]);

  const signUp = useAction(async () => {
    const state = await sendMessage('signUp', {
      ...values,
      ageConfirmed,
      // The versions the person saw when ticking the box; the service refuses outdated ones.
      acceptedLegalVersions: accepted && legal ? { terms: legal.terms.version, privacy: legal.privacy.version } : null,
    });
    onSignedUp(state);
  });
  const google = useAction(async () => {
    const state = await sendMessage('signInWithGoogle', {
      intent: 'sign-up',
      ageConfirmed,
      acceptedLegalVersions: accepted && legal ? { terms: legal.terms.version, privacy: legal.privacy.version } : null,
    });
    onSignedUp(state);
  });
  const errors = formErrors(signUp.error ?? google.error, fieldFor);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void signUp.run();
  };
  const bind = (name: keyof typeof values) => ({
    name,
    value: values[name],
    error: errors.byField[name],
    onChange: (event: { target: { value: string } }) => setValues((old) => ({ ...old, [name]: event.target.value })),
  });

  return (
    <section className="card" aria-labelledby="sign-up-title">
      <h2 id="sign-up-title">Create your Minopa account</h2>
      <form onSubmit={onSubmit} noValidate data-testid="signup-form">
        <FormError message={errors.summary} />
        <Field label="First name" autoComplete="given-name" {...bind('firstName')} />
        <Field label="Last name" autoComplete="family-name" {...bind('lastName')} />
        <Field label="Email" type="email" autoComplete="email" {...bind('email')} />
        <Field label="Password" type="password" autoComplete="new-password" hint="At least 10 characters." {...bind('password')} />
        <CheckboxField
          name="ageConfirmed"
          checked={ageConfirmed}
          onChange={(event) => setAgeConfirmed(event.target.checked)}
          error={errors.byField.ageConfirmed}
        >
          I am 18 or older
        </CheckboxField>
        <CheckboxField
          name="acceptedLegalVersions"
          checked={accepted}
          disabled={!legal}
          onChange={(event) => setAccepted(event.target.checked)}
          error={errors.byField.acceptedLegalVersions}
          hint={
            legal
              ? `Terms version ${legal.terms.version} (${legal.terms.lastUpdated}), Privacy Policy version ${legal.privacy.version} (${legal.privacy.lastUpdated}).`
              : undefined
          }
        >
          I accept the{' '}
          {legal ? <a href={legal.terms.url} target="_blank" rel="noreferrer">Terms of Service</a> : 'Terms of Service'} and
          the{' '}
          {legal ? <a href={legal.privacy.url} target="_blank" rel="noreferrer">Privacy Policy</a> : 'Privacy Policy'}
        </CheckboxField>
        {legalError && (
          <div className="form-error" role="alert" data-testid="legal-error">
            <p>Cannot load the Terms and Privacy Policy: {legalError.message}</p>
            <Button variant="secondary" onClick={() => void loadLegal()}>
              Try again
            </Button>
          </div>
        )}
        <div className="actions">
          <Button type="submit" pending={signUp.pending} pendingLabel="Creating account…" data-testid="signup-submit">
            Create account
          </Button>
          <GoogleButton pending={google.pending} onClick={() => void google.run()} testId="google-signup" />
        </div>
      </form>
      <p className="switch">
        Already have an account?{' '}
        <Button variant="link" onClick={onSwitch} data-testid="show-signin">
          I already have an account
        </Button>
      </p>
    </section>
  );
}
