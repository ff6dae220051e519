import { useState } from 'react';
import type { CalendarPost, CalendarTarget } from '#shared/api/calendar.js';
import type { FailureKind } from '#shared/platforms.js';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { addDays, formatInstant } from '../../lib/dashboard-time.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { AccountAvatar, channelLabel } from './Channels.js';
import { RetryControl } from './RetryControl.js';
import { excerpt } from './status.js';
import { useLoaded } from './useLoaded.js';

const t = defineMessages({
  en: {
    heading: 'Failed and not confirmed',
    intro: 'Channels whose post did not go out in the last {days} days, with the reason the network gave.',
    empty: 'Nothing failed in the last {days} days.',
    loading: 'Loading…',
    due: 'Due {when}',
    auth: 'The network no longer accepts this account: reconnect it in Minopa settings, then retry.',
    rate_limited: 'The network asked us to slow down.',
    invalid_content: 'The network refused the content: edit the post before retrying.',
    transient: 'The network had a temporary problem.',
    unknown_outcome: 'We could not confirm whether the post went out.',
    unconfirmed: 'We could not confirm whether the post went out.',
    noReason: 'The network gave no reason.',
    edit: 'Edit',
    retried: 'Publishing again to {channel}.',
    quoted: '“{message}”',
  },
  de: {
    heading: 'Fehlgeschlagen und nicht bestätigt',
    intro: 'Kanäle, deren Beitrag in den letzten {days} Tagen nicht veröffentlicht wurde, mit dem Grund, den das Netzwerk angegeben hat.',
    empty: 'In den letzten {days} Tagen ist nichts fehlgeschlagen.',
    loading: 'Wird geladen…',
    due: 'Fällig am {when}',
    auth: 'Das Netzwerk akzeptiert dieses Konto nicht mehr: Verbinden Sie es in den Minopa-Einstellungen neu und versuchen Sie es dann erneut.',
    rate_limited: 'Das Netzwerk hat uns gebeten, weniger Anfragen zu senden.',
    invalid_content: 'Das Netzwerk hat den Inhalt abgelehnt: Bearbeiten Sie den Beitrag, bevor Sie es erneut versuchen.',
    transient: 'Das Netzwerk hatte ein vorübergehendes Problem.',
    unknown_outcome: 'Wir konnten nicht bestätigen, ob der Beitrag veröffentlicht wurde.',
    unconfirmed: 'Wir konnten nicht bestätigen, ob der Beitrag veröffentlicht wurde.',
    noReason: 'Das Netzwerk hat keinen Grund angegeben.',
    edit: 'Bearbeiten',
    retried: 'Wird erneut auf {channel} veröffentlicht.',
    quoted: '„{message}“',
  },
});

/** The reason shown for each kind of failure (every kind has one: the type says so). */
const KIND_REASONS = {
  auth: 'auth',
  rate_limited: 'rate_limited',
  invalid_content: 'invalid_content',
  transient: 'transient',
  unknown_outcome: 'unknown_outcome',
} as const satisfies Record<FailureKind, string>;

/** The days the view looks back, as the heading says them (the window below plus today). */
const SHOWN_DAYS = 90;

/** The window the view covers: the service allows 92 days per request. */
const PAST_DAYS = 89;

interface FailedViewProps {
  workspaceId: string;
  today: string;
  editable: boolean;
  onOpen: (postId: string) => void;
  /** Called with the workspace's time zone once the service said it (the window is the workspace's days). */
  onTimeZone: (timeZone: string) => void;
}

/** Failed and unconfirmed channels with the reason, Retry (confirming first when the outcome is unknown) and Edit. */
export function FailedView({ workspaceId, today, editable, onOpen, onTimeZone }: FailedViewProps) {
  useLocale();
  const from = addDays(today, -PAST_DAYS);
  const to = addDays(today, 2);
  const loaded = useLoaded(`${workspaceId} ${from}`, async () => {
    const answer = await sendMessage('getDashboardCalendar', { workspaceId, from, to, status: ['failed', 'unconfirmed'] });
    onTimeZone(answer.schedule.timeZone);
    return answer;
  });
  const [notice, setNotice] = useState<string | null>(null);
  const rows = (loaded.data?.calendar.items ?? []).flatMap((post) => post.targets.map((target) => ({ post, target })));
  // Newest failures first: those are the ones a person is here about.
  rows.sort((a, b) => b.target.at.localeCompare(a.target.at));

  return (
    <section aria-labelledby="failed-heading" data-testid="failed-view">
      <h2 id="failed-heading">{t('heading')}</h2>
      <p className="hint">{t('intro', { days: SHOWN_DAYS })}</p>
      {notice && <p className="notice-success" role="status" data-testid="retry-notice">{notice}</p>}
      <FormError message={loaded.error?.message ?? null} testId="failed-error" />
      {!loaded.data && loaded.loading && <p className="muted">{t('loading')}</p>}
      {loaded.data && rows.length === 0 && <p className="muted empty">{t('empty', { days: SHOWN_DAYS })}</p>}
      <ul className="target-list">
        {rows.map(({ post, target }) => (
          <FailedTarget
            key={target.id}
            workspaceId={workspaceId}
            post={post}
            target={target}
            timeZone={loaded.data!.schedule.timeZone}
            editable={editable}
            onOpen={onOpen}
            onRetried={async () => {
              setNotice(t('retried', { channel: channelLabel(target) }));
              await loaded.reload();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

interface FailedTargetProps {
  workspaceId: string;
  post: CalendarPost;
  target: CalendarTarget;
  timeZone: string;
  editable: boolean;
  onOpen: (postId: string) => void;
  onRetried: () => Promise<void>;
}

function FailedTarget({ workspaceId, post, target, timeZone, editable, onOpen, onRetried }: FailedTargetProps) {
  useLocale();
  const reason = target.status === 'unconfirmed' ? t('unconfirmed') : target.failure ? t(KIND_REASONS[target.failure.kind]) : t('noReason');
  return (
    <li className="target-row" data-testid={`failed-${target.id}`}>
      <div className="target-head">
        <AccountAvatar name={target.account.name} avatarUrl={target.account.avatarUrl} size={28} />
        <div>
          <strong>{channelLabel(target)}</strong>
          <p className="small muted">{t('due', { when: formatInstant(target.at, timeZone) })} · {excerpt(post, 80)}</p>
        </div>
      </div>
      <p className="failure" data-testid="failure-reason">
        {reason}
        {target.failure?.message && <> <span className="failure-message">{t('quoted', { message: target.failure.message })}</span></>}
      </p>
      <div className="actions">
        {editable && <RetryControl workspaceId={workspaceId} postId={post.id} target={target} channel={channelLabel(target)} onRetried={onRetried} />}
        <Button variant="secondary" onClick={() => onOpen(post.id)}>{t('edit')}</Button>
      </div>
    </li>
  );
}
