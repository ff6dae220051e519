import { useState, type FormEvent } from 'react';
import type { InvitationPreview } from '#shared/api/invitations.js';
import { Button } from '../../../components/Button.js';
import { Field } from '../../../components/Field.js';
import { formErrors } from '../../../components/field-errors.js';
import { FormError } from '../../../components/FormError.js';
import { useAction } from '../../../hooks/useAction.js';
import { sendMessage, type ExtensionState } from '../../../lib/messaging/protocol.js';
import { Interpolate } from '../../../components/Interpolate.js';
import { useLocale } from '../../../lib/i18n/react.js';
import { t } from './messages.js';
import { roleNoun } from './roles.js';

interface JoinWorkspaceFormProps {
  onState: (state: ExtensionState) => void;
}

/** Paste the link of an invitation email, see what it offers, and accept it with this account. */
export function JoinWorkspaceForm({ onState }: JoinWorkspaceFormProps) {
  useLocale();
  const [link, setLink] = useState('');
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [joined, setJoined] = useState<string | null>(null);
  const look = useAction(async () => setPreview(await sendMessage('previewInvitation', { link })));
  const accept = useAction(async () => {
    onState(await sendMessage('acceptInvitation', { link }));
    setJoined(preview ? t('joined', { workspace: preview.workspaceName }) : t('joinedUnnamed'));
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
      <h3>{t('join')}</h3>
      {joined && <p className="notice-success" role="status" data-testid="joined">{joined}</p>}
      <FormError message={summary} testId="join-error" />
      <Field
        label={t('link')}
        value={link}
        error={byField.link}
        onChange={(event) => {
          setLink(event.target.value);
          setPreview(null);
        }}
        hint={t('linkHint')}
      />
      {preview ? (
        <div className="notice" data-testid="invitation-preview">
          <p>
            <Interpolate
              text={t('preview', { inviter: preview.inviterName ?? t('aMember'), email: preview.email, role: roleNoun(preview.role) })}
              values={{ workspace: <strong>{preview.workspaceName}</strong> }}
            />
          </p>
          <Button pending={accept.pending} pendingLabel={t('joining')} onClick={() => void accept.run()}>
            {t('accept')}
          </Button>
        </div>
      ) : (
        <Button type="submit" variant="secondary" pending={look.pending} pendingLabel={t('checking')}>
          {t('show')}
        </Button>
      )}
    </form>
  );
}
