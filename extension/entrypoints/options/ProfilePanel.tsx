import { useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.js';
import { AvatarForm } from './AvatarForm.js';
import { Field } from '../../components/Field.js';
import { formErrors } from '../../components/field-errors.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { sendMessage, type ExtensionState, type SignedInUser } from '../../lib/messaging/protocol.js';

const only = (...names: string[]) => (path: string) => (names.includes(path) ? path : null);

/** Names (P28): corrected at once. */
function NamesForm({ user, onState }: { user: SignedInUser; onState: (state: ExtensionState) => void }) {
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
      <Field label="First name" autoComplete="given-name" {...bind('firstName')} />
      <Field label="Last name" autoComplete="family-name" {...bind('lastName')} />
      <div className="actions">
        <Button type="submit" pending={save.pending} pendingLabel="Saving…">Save name</Button>
        <span className="small muted" role="status">{saved ? 'Saved.' : ''}</span>
      </div>
    </form>
  );
}

/** Email change: confirmed from the new inbox before it takes effect. */
function EmailForm({ user }: { user: SignedInUser }) {
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
      <h3>Email address</h3>
      <p className="small muted">Now: {user.email}</p>
      {sent && <p className="notice-success" role="status" data-testid="email-change-sent">{sent}</p>}
      <FormError message={errors.summary} />
      <Field label="New email address" name="email" type="email" autoComplete="email" value={email} error={errors.byField.email} onChange={(event) => setEmail(event.target.value)} />
      {user.hasPassword && (
        <Field label="Your password" name="password" type="password" autoComplete="current-password" value={password} error={errors.byField.password} onChange={(event) => setPassword(event.target.value)} />
      )}
      <div className="actions">
        <Button type="submit" pending={change.pending} pendingLabel="Sending…">Send confirmation link</Button>
      </div>
    </form>
  );
}

/** Password change (signs out every other session), or, without a password yet, a reset link to set one. */
function PasswordForm({ user }: { user: SignedInUser }) {
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [done, setDone] = useState<string | null>(null);
  const change = useAction(async () => {
    const { signedOutSessions } = await sendMessage('changePassword', values);
    setValues({ currentPassword: '', newPassword: '' });
    setDone(`Password changed. ${signedOutSessions === 1 ? '1 other session was' : `${signedOutSessions} other sessions were`} signed out.`);
  });
  const setOne = useAction(async () => setDone((await sendMessage('requestPasswordReset', { email: user.email })).message));
  const errors = formErrors(change.error, only('currentPassword', 'newPassword'));
  if (!user.hasPassword) {
    return (
      <div data-testid="password-form">
        <h3>Password</h3>
        <p className="small muted">You sign in with Google. To also sign in with a password, we email you a link to set one.</p>
        {done && <p className="notice-success" role="status">{done}</p>}
        <FormError message={setOne.error?.message ?? null} />
        <Button variant="secondary" pending={setOne.pending} pendingLabel="Sending…" onClick={() => void setOne.run()}>Email me a link to set a password</Button>
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
      <h3>Password</h3>
      {done && <p className="notice-success" role="status" data-testid="password-changed">{done}</p>}
      <FormError message={errors.summary} />
      <Field label="Current password" autoComplete="current-password" {...bind('currentPassword')} />
      <Field label="New password" autoComplete="new-password" hint="At least 10 characters. Your other devices will be signed out." {...bind('newPassword')} />
      <div className="actions">
        <Button type="submit" pending={change.pending} pendingLabel="Changing…">Change password</Button>
      </div>
    </form>
  );
}

/** The Profile panel: correct your names, email and password (P28). */
export function ProfilePanel({ state, onState }: { state: ExtensionState; onState: (state: ExtensionState) => void }) {
  const user = state.user;
  if (!user) return null;
  return (
    <section className="card" aria-labelledby="profile-title" data-testid="profile-panel">
      <h2 id="profile-title">Profile</h2>
      <AvatarForm user={user} onState={onState} />
      <NamesForm key={user.id} user={user} onState={onState} />
      <EmailForm user={user} />
      <PasswordForm user={user} />
    </section>
  );
}
