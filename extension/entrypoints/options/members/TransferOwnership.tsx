import { useId, useState } from 'react';
import type { Member } from '#shared/api/workspaces.js';
import { useLocale } from '../../../lib/i18n/react.js';
import { ConfirmButton } from './ConfirmButton.js';
import { t } from './messages.js';

interface TransferOwnershipProps {
  members: Member[];
  myUserId: string;
  busy: boolean;
  onTransfer: (userId: string) => void;
}

/** For owners: hand the workspace to another member, who becomes an owner while you become an admin. */
export function TransferOwnership({ members, myUserId, busy, onTransfer }: TransferOwnershipProps) {
  useLocale();
  const others = members.filter((member) => member.userId !== myUserId);
  const [userId, setUserId] = useState('');
  const id = useId();
  if (others.length === 0) return null;
  const chosen = others.find((member) => member.userId === userId);
  return (
    <div data-testid="transfer-ownership">
      <h3>{t('transfer')}</h3>
      <div className="field">
        <label htmlFor={id}>{t('newOwner')}</label>
        <select id={id} value={userId} onChange={(event) => setUserId(event.target.value)}>
          <option value="">{t('chooseMember')}</option>
          {others.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.firstName} {member.lastName}
            </option>
          ))}
        </select>
        <p className="hint">{t('transferHint')}</p>
      </div>
      {chosen && (
        <ConfirmButton
          label={t('transfer')}
          question={t('transferQuestion', { name: `${chosen.firstName} ${chosen.lastName}` })}
          confirmLabel={t('transferConfirm')}
          pending={busy}
          onConfirm={() => onTransfer(chosen.userId)}
        />
      )}
    </div>
  );
}
