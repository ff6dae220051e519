import { useId, useState, type FormEvent } from 'react';
import type { Role } from '#shared/roles.js';
import { Button } from '../../../components/Button.js';
import { Field } from '../../../components/Field.js';
import { formErrors } from '../../../components/field-errors.js';
import { FormError } from '../../../components/FormError.js';
import type { UiError } from '../../../lib/errors.js';
import { assignableRoles, ROLE_HINTS, ROLE_LABELS } from './roles.js';

interface InviteFormProps {
  myRole: Role;
  pending: boolean;
  error: UiError | null;
  /** Resolves true when the invitation was sent (the form then empties). */
  onInvite: (email: string, role: Role) => Promise<boolean>;
}

/** Invite someone by email with a role; the service's field errors appear next to the field. */
export function InviteForm({ myRole, pending, error, onInvite }: InviteFormProps) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [sent, setSent] = useState<string | null>(null);
  const roleId = useId();
  const { byField, summary } = formErrors(error, (path) => (path === 'email' || path === 'role' ? path : null));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    if (await onInvite(email, role)) {
      setSent(`Invitation sent to ${email.trim()}.`);
      setEmail('');
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="invite-form">
      <h3>Invite someone</h3>
      <FormError message={summary} testId="invite-error" />
      {sent && <p className="notice-success" role="status" data-testid="invite-sent">{sent}</p>}
      <Field label="Email address" type="email" autoComplete="off" value={email} error={byField.email} onChange={(event) => setEmail(event.target.value)} />
      <div className="field">
        <label htmlFor={roleId}>Role</label>
        <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as Role)} aria-describedby={`${roleId}-hint`}>
          {assignableRoles(myRole).map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </select>
        <p id={`${roleId}-hint`} className="hint">
          {ROLE_LABELS[role]}: {ROLE_HINTS[role]}.
        </p>
        {byField.role && <p className="field-error">{byField.role}</p>}
      </div>
      <Button type="submit" pending={pending} pendingLabel="Sending…">
        Send invitation
      </Button>
    </form>
  );
}
