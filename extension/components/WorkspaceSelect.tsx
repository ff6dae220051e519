import { useId } from 'react';
import { defineMessages } from '../lib/i18n/index.js';
import { useLocale } from '../lib/i18n/react.js';
import type { WorkspaceChoice } from '../lib/messaging/protocol.js';

const t = defineMessages({
  en: { choose: 'Choose a workspace', viewOnly: '{name} (view only)' },
  de: { choose: 'Arbeitsbereich wählen', viewOnly: '{name} (nur Ansicht)' },
});

interface WorkspaceSelectProps {
  label: string;
  workspaces: WorkspaceChoice[];
  value: string;
  onChange: (workspaceId: string) => void;
  disabled?: boolean;
  hint?: string;
  testId?: string;
}

/** Picks a workspace. Viewers cannot add drafts, so their workspaces are listed but not choosable. */
export function WorkspaceSelect({ label, workspaces, value, onChange, disabled, hint, testId }: WorkspaceSelectProps) {
  const id = useId();
  useLocale();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        data-testid={testId}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {value === '' && <option value="">{t('choose')}</option>}
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id} disabled={workspace.role === 'viewer'}>
            {workspace.role === 'viewer' ? t('viewOnly', { name: workspace.name }) : workspace.name}
          </option>
        ))}
      </select>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
    </div>
  );
}
