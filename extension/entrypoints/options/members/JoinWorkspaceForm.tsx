import { useState, type FormEvent } from 'react';
import type { InvitationPreview } from '#shared/api/invitations.js';
import { Button } from '../../../components/Button.js';
import { Field } from '../../../components/Field.js';
import { formErrors } from '../../../components/field-errors.js';
import { FormError } from '../../../components/FormError.js';
import { useAction } from '../../../hooks/useAction.js';
import { sendMessage, type ExtensionState } from '../../../lib/messaging/protocol.js';
import { ROLE_LABELS } from './roles.js';

interface JoinWorkspaceFormProps {
  onState: (state: ExtensionState) => void;
}

/** Paste the link of an invitation email, see what it offers, and accept it with this account. */
export function JoinWorkspaceForm({ onState }: JoinWorkspaceFormProps) {
  const [link, setLink] = useState('');
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [joined, setJoined] = useState<string | null>(null);
  const look = useAction(async () => setPreview(await sendMessage('previewInvitation', { link })));
  const accept = useAction(async () => {
    onState(await sendMessage('acceptInvitation', { link }));
    setJoined(`You joined ${preview?.workspaceName ?? 'the workspace'}.`);
    setPreview(null);
    setLink('');
  });
  const error = accept.error ?? look.error;
  const { byField, summary } = formErrors(error, (path) => (path === 'link' || path === 'token' ? 'link' : null));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setJoined(null);
    void look.run();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="join-form">
      <h3>Got an invitation?</h3>
      {joined && <p className="notice-success" role="status" data-testid="joined">{joined}</p>}
      <FormError message={summary} testId="join-error" />
      <Field
        label="Invitation link"
        value={link}
        error={byField.link}
        onChange={(event) => {
          setLink(event.target.value);
          setPreview(null);
        }}
        hint="Paste the link from the invitation email."
      />
      {preview ? (
        <div className="notice" data-testid="invitation-preview">
          <p>
            {preview.inviterName ?? 'A member'} invited {preview.email} to <strong>{preview.workspaceName}</strong> as{' '}
            {ROLE_LABELS[preview.role].toLowerCase()}.
          </p>
          <Button pending={accept.pending} pendingLabel="Joining…" onClick={() => void accept.run()}>
            Accept and join
          </Button>
        </div>
      ) : (
        <Button type="submit" variant="secondary" pending={look.pending} pendingLabel="Checking…">
          Show invitation
        </Button>
      )}
    </form>
  );
}
