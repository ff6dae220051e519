import { useEffect, useState } from 'react';
import type { AuditEvent } from '#shared/api/audit.js';
import { Button } from '../../../components/Button.js';
import { FormError } from '../../../components/FormError.js';
import { useAction } from '../../../hooks/useAction.js';
import { defineMessages, formatDate } from '../../../lib/i18n/index.js';
import { useLocale } from '../../../lib/i18n/react.js';
import { sendMessage } from '../../../lib/messaging/protocol.js';
import { t as panel } from './messages.js';
import { roleNoun } from './roles.js';

const t = defineMessages({
  en: {
    deletedActor: 'A deleted account',
    someone: 'someone',
    someoneOf: 'someone',
    asMember: 'a member',
    aMember: 'a member',
    ofMember: 'a member',
    invited: '{actor} invited {email} as {role}',
    revoked: '{actor} withdrew the invitation of {email}',
    joined: '{actor} joined as {role}',
    removed: '{actor} removed {target}',
    left: '{actor} left the workspace',
    roleChanged: '{actor} changed {target}’s role from {from} to {to}',
    transferred: '{actor} handed ownership to {target}',
    renamed: '{actor} renamed the workspace from “{from}” to “{to}”',
    settingsChanged: '{actor} changed the workspace settings',
    connected: '{actor} connected the {network} account {name}',
    disconnected: '{actor} disconnected the {network} account {name}',
  },
  de: {
    deletedActor: 'Ein gelöschtes Konto',
    someone: 'jemanden',
    someoneOf: 'jemandem',
    asMember: 'Mitglied',
    aMember: 'ein Mitglied',
    ofMember: 'einem Mitglied',
    invited: '{actor} hat {email} als {role} eingeladen',
    revoked: '{actor} hat die Einladung von {email} zurückgezogen',
    joined: '{actor} ist als {role} beigetreten',
    removed: '{actor} hat {target} entfernt',
    left: '{actor} hat den Arbeitsbereich verlassen',
    roleChanged: '{actor} hat die Rolle von {target} von {from} zu {to} geändert',
    transferred: '{actor} hat die Eigentümerschaft an {target} übergeben',
    renamed: '{actor} hat den Arbeitsbereich von „{from}“ in „{to}“ umbenannt',
    settingsChanged: '{actor} hat die Einstellungen des Arbeitsbereichs geändert',
    connected: '{actor} hat das Konto {name} bei {network} verbunden',
    disconnected: '{actor} hat das Konto {name} bei {network} getrennt',
  },
});

const fullName = (person: NonNullable<AuditEvent['actor']>) => `${person.firstName} ${person.lastName}`;

/** One sentence per event, as a person would say it (in the chosen language). */
export function describeEvent(event: AuditEvent): string {
  const actor = event.actor ? fullName(event.actor) : t('deletedActor');
  // German declines the fallbacks by their place in the sentence, hence one key per place.
  const target = (fallback: 'aMember' | 'ofMember') => (event.target ? fullName(event.target) : t(fallback));
  const details = event.details as Record<string, string | undefined>;
  const role = (value: string | undefined) => (value ? roleNoun(value) : t('asMember'));
  switch (event.action) {
    case 'member.invited':
      return t('invited', { actor, email: details.email ?? t('someone'), role: role(details.role) });
    case 'invitation.revoked':
      return t('revoked', { actor, email: details.email ?? t('someoneOf') });
    case 'member.joined':
      return t('joined', { actor, role: role(details.role) });
    case 'member.removed':
      return t('removed', { actor, target: target('aMember') });
    case 'member.left':
      return t('left', { actor });
    case 'member.role_changed':
      return t('roleChanged', { actor, target: target('ofMember'), from: details.from ? roleNoun(details.from) : '?', to: details.to ? roleNoun(details.to) : '?' });
    case 'ownership.transferred':
      return t('transferred', { actor, target: target('aMember') });
    case 'workspace.renamed':
      return t('renamed', { actor, from: details.from ?? '?', to: details.to ?? '?' });
    case 'workspace.settings_changed':
      return t('settingsChanged', { actor });
    case 'account.connected':
      return tidy(t('connected', { actor, network: details.network ?? '', name: details.name ?? '' }));
    case 'account.disconnected':
      return tidy(t('disconnected', { actor, network: details.network ?? '', name: details.name ?? '' }));
  }
}

/** Without a network or name the sentence keeps no double spaces or dangling "bei". */
function tidy(text: string): string {
  return text.replace(/ bei (?= |$)/, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The workspace's audit log for owners and admins: who changed what in the team, newest first.
 * `changed` is the members data the panel last read: a new value (after any change) reloads the log.
 */
export function AuditLog({ workspaceId, changed }: { workspaceId: string; changed: unknown }) {
  useLocale();
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const load = useAction(async (from?: string) => {
    const page = await sendMessage('getAuditEvents', { workspaceId, ...(from ? { cursor: from } : {}) });
    setEvents((old) => (from ? [...old, ...page.items] : page.items));
    setCursor(page.nextCursor);
  });
  useEffect(() => {
    void load.run();
  }, [workspaceId, changed]); // `load` is new each render; these are what should reload the log
  return (
    <div data-testid="audit-log">
      <h3>{panel('auditTitle')}</h3>
      <FormError message={load.error?.message ?? null} testId="audit-log-error" />
      {events.length === 0 && !load.pending && !load.error && <p className="muted">{panel('auditEmpty')}</p>}
      <ul className="audit-list">
        {events.map((event) => (
          <li key={event.id}>
            {describeEvent(event)}
            <span className="small muted"> · {formatDate(event.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</span>
          </li>
        ))}
      </ul>
      {cursor && (
        <Button variant="secondary" pending={load.pending} pendingLabel={panel('loading')} onClick={() => void load.run(cursor)}>
          {panel('showOlder')}
        </Button>
      )}
    </div>
  );
}
