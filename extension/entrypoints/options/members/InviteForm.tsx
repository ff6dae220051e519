import { useId, useState, type FormEvent } from 'react';
import type { Role } from '#shared/roles.js';
import { Button } from '../../../components/Button.js';
import { Field } from '../../../components/Field.js';
import { formErrors } from '../../../components/field-errors.js';
import { FormError } from '../../../components/FormError.js';
import type { UiError } from '../../../lib/errors.js';
import { useLocale } from '../../../lib/i18n/react.js';
import { t } from './messages.js';
import { assignableRoles, roleHint, roleLabel } from './roles.js';

interface InviteFormProps {
  myRole: Role;
  pending: boolean;
  error: UiError | null;
  /** Resolves true when the invitation was sent (the form then empties). */
  onInvite: (email: string, role: Role) => Promise<boolean>;
}

/** Invite someone by email with a role; the service's field errors appear next to the field. */
export function InviteForm({ myRole, pending, error, onInvite }: InviteFormProps) {
  useLocale();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [sent, setSent] = useState<string | null>(null);
  const roleId = useId();
  const { byField, summary, upgradeUrl } = formErrors(error, (path) => (path === 'email' || path === 'role' ? path : null));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    if (await onInvite(email, role)) {
      setSent(t('inviteSent', { email: email.trim() }));
      setEmail('');
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="invite-form">
      <h3>{t('invite')}</h3>
      <FormError message={summary} upgradeUrl={upgradeUrl} testId="invite-error" />
      {sent && <p className="notice-success" role="status" data-testid="invite-sent">{sent}</p>}
      <Field label={t('email')} type="email" autoComplete="off" value={email} error={byField.email} onChange={(event) => setEmail(event.target.value)} />
      <div className="field">
        <label htmlFor={roleId}>{t('role')}</label>
        <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as Role)} aria-describedby={`${roleId}-hint`}>
          {assignableRoles(myRole).map((option) => (
            <option key={option} value={option}>
              {roleLabel(option)}
            </option>
          ))}
        </select>
        <p id={`${roleId}-hint`} className="hint">
          {t('roleHint', { role: roleLabel(role), hint: roleHint(role) })}
        </p>
        {byField.role && <p className="field-error">{byField.role}</p>}
      </div>
      <Button type="submit" pending={pending} pendingLabel={t('sending')}>
        {t('sendInvitation')}
      </Button>
    </form>
  );
}
