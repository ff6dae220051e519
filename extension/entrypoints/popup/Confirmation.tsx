import { Button } from '../../components/Button.js';
import { dashboardUrl } from '../../lib/dashboard-links.js';
import { defineMessages, formatDate } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import type { PopupAction } from '../../lib/popup-types.js';
import { formatInZone, zoneLabel } from '../../lib/popup-time.js';

/** What a submit did, as the popup reports it. */
export type Outcome =
  | { kind: 'saved'; workspaceName: string; postId: string }
  | { kind: 'queued'; workspaceName: string; publishing: boolean }
  | { kind: 'published'; action: Exclude<PopupAction, 'draft'>; postId: string; channels: number; dueAt: string | null; timeZone: string | null };

const t = defineMessages({
  en: {
    saved: 'Saved to {workspace}',
    queued: 'The service cannot be reached right now. Your draft is kept and will be saved to {workspace} when it is back.',
    queuedPublishing: 'The service cannot be reached right now. Your draft is kept and will be saved to {workspace} when it is back; schedule it then.',
    now: { one: 'Publishing now to {count} channel.', other: 'Publishing now to {count} channels.' },
    scheduled: { one: 'Scheduled to {count} channel for {when}.', other: 'Scheduled to {count} channels for {when}.' },
    nextSlot: 'the next slot',
    open: 'Open the post',
    another: 'Write another post',
  },
  de: {
    saved: 'In {workspace} gespeichert',
    queued: 'Der Dienst ist gerade nicht erreichbar. Ihr Entwurf wird aufbewahrt und in {workspace} gespeichert, sobald er wieder da ist.',
    queuedPublishing: 'Der Dienst ist gerade nicht erreichbar. Ihr Entwurf wird aufbewahrt und in {workspace} gespeichert, sobald er wieder da ist; planen Sie ihn dann.',
    now: { one: 'Wird jetzt auf {count} Kanal veröffentlicht.', other: 'Wird jetzt auf {count} Kanälen veröffentlicht.' },
    scheduled: { one: 'Auf {count} Kanal geplant für {when}.', other: 'Auf {count} Kanälen geplant für {when}.' },
    nextSlot: 'den nächsten freien Termin',
    open: 'Beitrag öffnen',
    another: 'Weiteren Beitrag schreiben',
  },
});

function when(outcome: Extract<Outcome, { kind: 'published' }>): string {
  if (!outcome.dueAt) return t('nextSlot');
  return outcome.timeZone
    ? `${formatInZone(outcome.dueAt, outcome.timeZone)} (${zoneLabel(outcome.timeZone, new Date(outcome.dueAt))})`
    : formatDate(outcome.dueAt, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The result of a submit, with a link to the post in the dashboard and a way to start over. */
export function Confirmation({ outcome, onAnother }: { outcome: Outcome; onAnother: () => void }) {
  useLocale();
  const postId = outcome.kind === 'queued' ? null : outcome.postId;
  return (
    <section className="confirmation" aria-live="polite">
      <p className="notice-success" role="status" data-testid={outcome.kind === 'published' ? 'publish-status' : 'save-status'}>
        {outcome.kind === 'saved' && t('saved', { workspace: outcome.workspaceName })}
        {outcome.kind === 'queued' && t(outcome.publishing ? 'queuedPublishing' : 'queued', { workspace: outcome.workspaceName })}
        {outcome.kind === 'published' && (outcome.action === 'now' ? t('now', { count: outcome.channels }) : t('scheduled', { count: outcome.channels, when: when(outcome) }))}
      </p>
      <div className="actions">
        {postId && (
          <a className="button button-primary" href={dashboardUrl(postId)} target="_blank" rel="noreferrer" data-testid="open-post">
            {t('open')}
          </a>
        )}
        <Button variant="secondary" onClick={onAnother} data-testid="write-another">
          {t('another')}
        </Button>
      </div>
    </section>
  );
}
