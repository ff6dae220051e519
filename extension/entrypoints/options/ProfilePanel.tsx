import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.js';
import { AvatarForm } from './AvatarForm.js';
import { Field } from '../../components/Field.js';
import { formErrors } from '../../components/field-errors.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type ExtensionState, type SignedInUser } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: {
    title: 'Profile',
    firstName: 'First name',
    lastName: 'Last name',
    saving: 'Saving…',
    saveName: 'Save name',
    saved: 'Saved.',
    emailTitle: 'Email address',
    emailNow: 'Now: {email}',
    newEmail: 'New email address',
    yourPassword: 'Your password',
    sending: 'Sending…',
    sendConfirmation: 'Send confirmation link',
    passwordTitle: 'Password',
    passwordChanged: { one: 'Password changed. {count} other session was signed out.', other: 'Password changed. {count} other sessions were signed out.' },
    googleOnly: 'You sign in with Google. To also sign in with a password, we email you a link to set one.',
    setPassword: 'Email me a link to set a password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordHint: 'At least 10 characters. Your other devices will be signed out.',
    changing: 'Changing…',
    changePassword: 'Change password',
  },
  de: {
    title: 'Profil',
    firstName: 'Vorname',
    lastName: 'Nachname',
    saving: 'Wird gespeichert…',
    saveName: 'Namen speichern',
    saved: 'Gespeichert.',
    emailTitle: 'E-Mail-Adresse',
    emailNow: 'Aktuell: {email}',
    newEmail: 'Neue E-Mail-Adresse',
    yourPassword: 'Ihr Passwort',
    sending: 'Wird gesendet…',
    sendConfirmation: 'Bestätigungslink senden',
    passwordTitle: 'Passwort',
    passwordChanged: { one: 'Passwort geändert. {count} andere Sitzung wurde abgemeldet.', other: 'Passwort geändert. {count} andere Sitzungen wurden abgemeldet.' },
    googleOnly: 'Sie melden sich mit Google an. Damit Sie sich auch mit einem Passwort anmelden können, senden wir Ihnen einen Link, um eines festzulegen.',
    setPassword: 'Link zum Festlegen eines Passworts senden',
    currentPassword: 'Aktuelles Passwort',
    newPassword: 'Neues Passwort',
    newPasswordHint: 'Mindestens 10 Zeichen. Ihre anderen Geräte werden abgemeldet.',
    changing: 'Wird geändert…',
    changePassword: 'Passwort ändern',
  },
});

const only = (...names: string[]) => (path: string) => (names.includes(path) ? path : null);

/** Names (P28): corrected at once. */
function NamesForm({ user, onState }: { user: SignedInUser; onState: (state: ExtensionState) => void }) {
  useLocale();
  const [names, setNames] = useState({ firstName: user.firstName, lastName: user.lastName });
  const [saved, setSaved] = useState(false);
  const save = useAction(async () => {
    setSaved(false);
    onState(await sendMessage('updateProfile', names));
    setSaved(true);
  });
  const errors = formErrors(save.error, only('firstName', 'lastName'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };
  const bind = (name: keyof typeof names) => ({
    name,
    value: names[name],
    error: errors.byField[name],
    onChange: (event: { target: { value: string } }) => setNames((old) => ({ ...old, [name]: event.target.value })),
  });
  return (
    <form onSubmit={submit} noValidate data-testid="names-form">
      <FormError message={errors.summary} />
      <Field label={t('firstName')} autoComplete="given-name" {...bind('firstName')} />
      <Field label={t('lastName')} autoComplete="family-name" {...bind('lastName')} />
      <div className="actions">
        <Button type="submit" pending={save.pending} pendingLabel={t('saving')}>{t('saveName')}</Button>
        <span className="small muted" role="status">{saved ? t('saved') : ''}</span>
      </div>
    </form>
  );
}

/** Email change: confirmed from the new inbox before it takes effect. */
function EmailForm({ user }: { user: SignedInUser }) {
  useLocale();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const change = useAction(async () => {
    setSent((await sendMessage('changeEmail', { email, ...(user.hasPassword ? { password } : {}) })).message);
    setPassword('');
  });
  const errors = formErrors(change.error, only('email', 'password'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void change.run();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="email-form">
      <h3>{t('emailTitle')}</h3>
      <p className="small muted">{t('emailNow', { email: user.email })}</p>
      {sent && <p className="notice-success" role="status" data-testid="email-change-sent">{sent}</p>}
      <FormError message={errors.summary} />
      <Field label={t('newEmail')} name="email" type="email" autoComplete="email" value={email} error={errors.byField.email} onChange={(event) => setEmail(event.target.value)} />
      {user.hasPassword && (
        <Field label={t('yourPassword')} name="password" type="password" autoComplete="current-password" value={password} error={errors.byField.password} onChange={(event) => setPassword(event.target.value)} />
      )}
      <div className="actions">
        <Button type="submit" pending={change.pending} pendingLabel={t('sending')}>{t('sendConfirmation')}</Button>
      </div>
    </form>
  );
}

/** Password change (signs out every other session), or, without a password yet, a reset link to set one. */
function PasswordForm({ user }: { user: SignedInUser }) {
  useLocale();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [done, setDone] = useState<string | null>(null);
  const change = useAction(async () => {
    const { signedOutSessions } = await sendMessage('changePassword', values);
    setValues({ currentPassword: '', newPassword: '' });
    setDone(t('passwordChanged', { count: signedOutSessions }));
  });
  const setOne = useAction(async () => setDone((await sendMessage('requestPasswordReset', { email: user.email })).message));
  const errors = formErrors(change.error, only('currentPassword', 'newPassword'));
  if (!user.hasPassword) {
    return (
      <div data-testid="password-form">
        <h3>{t('passwordTitle')}</h3>
        <p className="small muted">{t('googleOnly')}</p>
        {done && <p className="notice-success" role="status">{done}</p>}
        <FormError message={setOne.error?.message ?? null} />
        <Button variant="secondary" pending={setOne.pending} pendingLabel={t('sending')} onClick={() => void setOne.run()}>{t('setPassword')}</Button>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void change.run();
  };
  const bind = (name: keyof typeof values) => ({
    name,
    type: 'password',
    value: values[name],
    error: errors.byField[name],
    onChange: (event: { target: { value: string } }) => setValues((old) => ({ ...old, [name]: event.target.value })),
  });
  return (
    <form onSubmit={submit} noValidate data-testid="password-form">
      <h3>{t('passwordTitle')}</h3>
      {done && <p className="notice-success" role="status" data-testid="password-changed">{done}</p>}
      <FormError message={errors.summary} />
      <Field label={t('currentPassword')} autoComplete="current-password" {...bind('currentPassword')} />
      <Field label={t('newPassword')} autoComplete="new-password" hint={t('newPasswordHint')} {...bind('newPassword')} />
      <div className="actions">
        <Button type="submit" pending={change.pending} pendingLabel={t('changing')}>{t('changePassword')}</Button>
      </div>
    </form>
  );
}

/** The Profile panel: correct your names, email and password (P28). */
export function ProfilePanel({ state, onState }: { state: ExtensionState; onState: (state: ExtensionState) => void }) {
  useLocale();
  const user = state.user;
  if (!user) return null;
  return (
    <section className="card" aria-labelledby="profile-title" data-testid="profile-panel">
      <h2 id="profile-title">{t('title')}</h2>
      <AvatarForm user={user} onState={onState} />
      <NamesForm key={user.id} user={user} onState={onState} />
      <EmailForm user={user} />
      <PasswordForm user={user} />
    </section>
  );
}
