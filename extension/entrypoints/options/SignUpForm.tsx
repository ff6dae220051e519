import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CurrentLegalDocuments } from '#shared/api/legal.js';
import { Button } from '../../components/Button.js';
import { CheckboxField, Field } from '../../components/Field.js';
import { formErrors } from '../../components/field-errors.js';
import { FormError } from '../../components/FormError.js';
import { Interpolate } from '../../components/Interpolate.js';
import { useAction } from '../../hooks/useAction.js';
import { toUiError, type UiError } from '../../lib/errors.js';
import { defineMessages, formatDate } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type ExtensionState } from '../../lib/messaging/protocol.js';
import { GoogleButton } from './GoogleButton.js';

const t = defineMessages({
  en: {
    title: 'Create your Minopa account',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    password: 'Password',
    passwordHint: 'At least 10 characters.',
    age: 'I am 18 or older',
    accept: 'I accept the {terms} and the {privacy}',
    terms: 'Terms of Service',
    privacy: 'Privacy Policy',
    versions: 'Terms version {terms} ({termsUpdated}), Privacy Policy version {privacy} ({privacyUpdated}).',
    legalError: 'Cannot load the Terms and Privacy Policy: {message}',
    tryAgain: 'Try again',
    creating: 'Creating account…',
    create: 'Create account',
    haveAccount: 'Already have an account?',
    switch: 'I already have an account',
  },
  de: {
    title: 'Ihr Minopa-Konto anlegen',
    firstName: 'Vorname',
    lastName: 'Nachname',
    email: 'E-Mail',
    password: 'Passwort',
    passwordHint: 'Mindestens 10 Zeichen.',
    age: 'Ich bin mindestens 18 Jahre alt',
    accept: 'Ich akzeptiere die {terms} und die {privacy}',
    terms: 'Nutzungsbedingungen',
    privacy: 'Datenschutzerklärung',
    versions: 'Nutzungsbedingungen Version {terms} ({termsUpdated}), Datenschutzerklärung Version {privacy} ({privacyUpdated}).',
    legalError: 'Die Nutzungsbedingungen und die Datenschutzerklärung können nicht geladen werden: {message}',
    tryAgain: 'Erneut versuchen',
    creating: 'Konto wird angelegt…',
    create: 'Konto anlegen',
    haveAccount: 'Sie haben schon ein Konto?',
    switch: 'Ich habe bereits ein Konto',
  },
});

/** A document's "last updated" day (YYYY-MM-DD, a calendar day: formatted in UTC so no zone shifts it). */
const updatedOn = (day: string) => formatDate(`${day}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });

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
  useLocale();
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
      <h2 id="sign-up-title">{t('title')}</h2>
      <form onSubmit={onSubmit} noValidate data-testid="signup-form">
        <FormError message={errors.summary} />
        <Field label={t('firstName')} autoComplete="given-name" {...bind('firstName')} />
        <Field label={t('lastName')} autoComplete="family-name" {...bind('lastName')} />
        <Field label={t('email')} type="email" autoComplete="email" {...bind('email')} />
        <Field label={t('password')} type="password" autoComplete="new-password" hint={t('passwordHint')} {...bind('password')} />
        <CheckboxField
          name="ageConfirmed"
          checked={ageConfirmed}
          onChange={(event) => setAgeConfirmed(event.target.checked)}
          error={errors.byField.ageConfirmed}
        >
          {t('age')}
        </CheckboxField>
        <CheckboxField
          name="acceptedLegalVersions"
          checked={accepted}
          disabled={!legal}
          onChange={(event) => setAccepted(event.target.checked)}
          error={errors.byField.acceptedLegalVersions}
          hint={
            legal
              ? t('versions', { terms: legal.terms.version, termsUpdated: updatedOn(legal.terms.lastUpdated), privacy: legal.privacy.version, privacyUpdated: updatedOn(legal.privacy.lastUpdated) })
              : undefined
          }
        >
          <Interpolate
            text={t('accept')}
            values={{
              terms: legal ? <a href={legal.terms.url} target="_blank" rel="noreferrer">{t('terms')}</a> : t('terms'),
              privacy: legal ? <a href={legal.privacy.url} target="_blank" rel="noreferrer">{t('privacy')}</a> : t('privacy'),
            }}
          />
        </CheckboxField>
        {legalError && (
          <div className="form-error" role="alert" data-testid="legal-error">
            <p>{t('legalError', { message: legalError.message })}</p>
            <Button variant="secondary" onClick={() => void loadLegal()}>
              {t('tryAgain')}
            </Button>
          </div>
        )}
        <div className="actions">
          <Button type="submit" pending={signUp.pending} pendingLabel={t('creating')} data-testid="signup-submit">
            {t('create')}
          </Button>
          <GoogleButton pending={google.pending} onClick={() => void google.run()} testId="google-signup" />
        </div>
      </form>
      <p className="switch">
        {t('haveAccount')}{' '}
        <Button variant="link" onClick={onSwitch} data-testid="show-signin">
          {t('switch')}
        </Button>
      </p>
    </section>
  );
}
