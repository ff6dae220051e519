import { useId } from 'react';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import type { WorkspaceChoice } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: { label: 'Workspace', viewOnly: '{name} (view only)' },
  de: { label: 'Arbeitsbereich', viewOnly: '{name} (nur Ansicht)' },
});

/** Picks the workspace whose queue is shown. Viewers may look, so every workspace is choosable here. */
export function WorkspacePicker({ workspaces, value, onChange }: { workspaces: WorkspaceChoice[]; value: string; onChange: (workspaceId: string) => void }) {
  useLocale();
  const id = useId();
  return (
    <div className="field workspace-picker">
      <label htmlFor={id}>{t('label')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} data-testid="workspace-picker">
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.role === 'viewer' ? t('viewOnly', { name: workspace.name }) : workspace.name}
          </option>
        ))}
      </select>
    </div>
  );
}
