import { useId, useState } from 'react';
import type { Member } from '#shared/api/workspaces.js';
import { ConfirmButton } from './ConfirmButton.js';

interface TransferOwnershipProps {
  members: Member[];
  myUserId: string;
  busy: boolean;
  onTransfer: (userId: string) => void;
}

/** For owners: hand the workspace to another member, who becomes an owner while you become an admin. */
export function TransferOwnership({ members, myUserId, busy, onTransfer }: TransferOwnershipProps) {
  const others = members.filter((member) => member.userId !== myUserId);
  const [userId, setUserId] = useState('');
  const id = useId();
  if (others.length === 0) return null;
  const chosen = others.find((member) => member.userId === userId);
  return (
    <div data-testid="transfer-ownership">
      <h3>Transfer ownership</h3>
      <div className="field">
        <label htmlFor={id}>New owner</label>
        <select id={id} value={userId} onChange={(event) => setUserId(event.target.value)}>
          <option value="">Choose a member</option>
          {others.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.firstName} {member.lastName}
            </option>
          ))}
        </select>
        <p className="hint">They become an owner; you become an admin.</p>
      </div>
      {chosen && (
        <ConfirmButton
          label="Transfer ownership"
          question={`Make ${chosen.firstName} ${chosen.lastName} an owner and yourself an admin?`}
          confirmLabel="Yes, transfer"
          pending={busy}
          onConfirm={() => onTransfer(chosen.userId)}
        />
      )}
    </div>
  );
}
