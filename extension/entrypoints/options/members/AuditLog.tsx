import { useEffect, useState } from 'react';
import type { AuditEvent } from '#shared/api/audit.js';
import { Button } from '../../../components/Button.js';
import { FormError } from '../../../components/FormError.js';
import { useAction } from '../../../hooks/useAction.js';
import { sendMessage } from '../../../lib/messaging/protocol.js';

const name = (person: AuditEvent['actor']) => (person ? `${person.firstName} ${person.lastName}` : 'A deleted account');

/** One sentence per event, as a person would say it. */
export function describeEvent(event: AuditEvent): string {
  const actor = name(event.actor);
  const target = event.target ? name(event.target) : null;
  const details = event.details as Record<string, string | undefined>;
  switch (event.action) {
    case 'member.invited':
      return `${actor} invited ${details.email ?? 'someone'} as ${details.role ?? 'a member'}`;
    case 'invitation.revoked':
      return `${actor} withdrew the invitation of ${details.email ?? 'someone'}`;
    case 'member.joined':
      return `${actor} joined as ${details.role ?? 'a member'}`;
    case 'member.removed':
      return `${actor} removed ${target ?? 'a member'}`;
    case 'member.left':
      return `${actor} left the workspace`;
    case 'member.role_changed':
      return `${actor} changed ${target ?? 'a member'}’s role from ${details.from ?? '?'} to ${details.to ?? '?'}`;
    case 'ownership.transferred':
      return `${actor} handed ownership to ${target ?? 'a member'}`;
    case 'workspace.renamed':
      return `${actor} renamed the workspace from “${details.from ?? '?'}” to “${details.to ?? '?'}”`;
    case 'workspace.settings_changed':
      return `${actor} changed the workspace settings`;
    case 'account.connected':
      return `${actor} connected the ${details.network ?? ''} account ${details.name ?? ''}`.replace(/\s+/g, ' ');
    case 'account.disconnected':
      return `${actor} disconnected the ${details.network ?? ''} account ${details.name ?? ''}`.replace(/\s+/g, ' ');
  }
}

/**
 * The workspace's audit log for owners and admins: who changed what in the team, newest first.
 * `changed` is the members data the panel last read: a new value (after any change) reloads the log.
 */
export function AuditLog({ workspaceId, changed }: { workspaceId: string; changed: unknown }) {
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
      <h3>Audit log</h3>
      <FormError message={load.error?.message ?? null} testId="audit-log-error" />
      {events.length === 0 && !load.pending && !load.error && <p className="muted">Nothing recorded yet.</p>}
      <ul className="audit-list">
        {events.map((event) => (
          <li key={event.id}>
            {describeEvent(event)}
            <span className="small muted"> · {new Date(event.createdAt).toLocaleString()}</span>
          </li>
        ))}
      </ul>
      {cursor && (
        <Button variant="secondary" pending={load.pending} pendingLabel="Loading…" onClick={() => void load.run(cursor)}>
          Show older
        </Button>
      )}
    </div>
  );
}
