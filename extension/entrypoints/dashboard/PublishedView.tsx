import type { TargetMetrics } from '#shared/api/calendar.js';
import { PLATFORM_NAMES } from '#shared/platforms.js';
import { FormError } from '../../components/FormError.js';
import { addDays, formatDayRange, formatInstant } from '../../lib/dashboard-time.js';
import { defineMessages, formatNumber } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { AccountAvatar, channelLabel } from './Channels.js';
import { excerpt } from './status.js';
import { useLoaded } from './useLoaded.js';

const t = defineMessages({
  en: {
    heading: 'Published',
    earlier: 'Earlier {days} days',
    later: 'Later {days} days',
    empty: 'Nothing was published in these {days} days.',
    loading: 'Loading…',
    when: 'Published',
    post: 'Post',
    channel: 'Channel',
    likes: 'Likes',
    comments: 'Comments',
    shares: 'Shares',
    views: 'Views',
    view: 'View on {network}',
    noLink: 'No link',
    notFetched: 'Numbers not fetched yet',
    fetched: 'Numbers as of {when}',
    noneLabel: 'not reported',
  },
  de: {
    heading: 'Veröffentlicht',
    earlier: 'Frühere {days} Tage',
    later: 'Spätere {days} Tage',
    empty: 'In diesen {days} Tagen wurde nichts veröffentlicht.',
    loading: 'Wird geladen…',
    when: 'Veröffentlicht',
    post: 'Beitrag',
    channel: 'Kanal',
    likes: 'Likes',
    comments: 'Kommentare',
    shares: 'Geteilt',
    views: 'Aufrufe',
    view: 'Auf {network} ansehen',
    noLink: 'Kein Link',
    notFetched: 'Zahlen noch nicht abgerufen',
    fetched: 'Zahlen vom {when}',
    noneLabel: 'nicht gemeldet',
  },
});

const COLUMNS = ['when', 'post', 'channel', 'likes', 'comments', 'shares', 'views'] as const;
/** Shown for a number the network did not report. */
const NONE = '—';

const WINDOW_DAYS = 30;
const NUMBER_COLUMNS = new Set(['likes', 'comments', 'shares', 'views']);

interface PublishedViewProps {
  workspaceId: string;
  /** The last day of the 30-day window. */
  until: string;
  today: string;
  onNavigate: (until: string) => void;
  onOpen: (postId: string) => void;
  /** Called with the workspace's time zone once the service said it (the window is the workspace's days). */
  onTimeZone: (timeZone: string) => void;
}

function Metric({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return <span aria-label={t('noneLabel')}>{NONE}</span>;
  return <>{formatNumber(value)}</>;
}

/** Published channels of a 30-day window, newest first, with their link and the latest numbers. */
export function PublishedView({ workspaceId, until, today, onNavigate, onOpen, onTimeZone }: PublishedViewProps) {
  useLocale();
  const from = addDays(until, -(WINDOW_DAYS - 1));
  const loaded = useLoaded(`${workspaceId} ${from}`, async () => {
    const answer = await sendMessage('getDashboardCalendar', { workspaceId, from, to: until, status: ['published'] });
    onTimeZone(answer.schedule.timeZone);
    return answer;
  });
  const timeZone = loaded.data?.schedule.timeZone;
  const rows = (loaded.data?.calendar.items ?? []).flatMap((post) => post.targets.map((target) => ({ post, target })));
  rows.sort((a, b) => b.target.at.localeCompare(a.target.at));
  const metric = (metrics: TargetMetrics | null, key: 'likes' | 'comments' | 'shares' | 'views') => <Metric value={metrics?.[key]} />;

  return (
    <section aria-labelledby="published-heading" data-testid="published-view">
      <div className="range-nav">
        <h2 id="published-heading">{t('heading')}</h2>
        <button type="button" className="button button-secondary" onClick={() => onNavigate(addDays(until, -WINDOW_DAYS))}>{t('earlier', { days: WINDOW_DAYS })}</button>
        <button type="button" className="button button-secondary" onClick={() => onNavigate(addDays(until, WINDOW_DAYS))} disabled={until >= today}>{t('later', { days: WINDOW_DAYS })}</button>
        <p className="hint">{formatDayRange(from, until)}</p>
      </div>
      <FormError message={loaded.error?.message ?? null} testId="published-error" />
      {!loaded.data && loaded.loading && <p className="muted">{t('loading')}</p>}
      {loaded.data && rows.length === 0 && <p className="muted empty">{t('empty', { days: WINDOW_DAYS })}</p>}
      {rows.length > 0 && timeZone && (
        <div className="table-scroller">
          <table className="published">
            <thead>
              <tr>
                {COLUMNS.map((key) => (
                  <th key={key} scope="col" className={NUMBER_COLUMNS.has(key) ? 'number' : undefined}>{t(key)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ post, target }) => (
                <tr key={target.id} data-testid={`published-${target.id}`}>
                  <td>{formatInstant(target.at, timeZone)}</td>
                  <td>
                    <button type="button" className="button button-link post-link" onClick={() => onOpen(post.id)}>{excerpt(post, 70)}</button>
                  </td>
                  <td>
                    <span className="channel-cell">
                      <AccountAvatar name={target.account.name} avatarUrl={target.account.avatarUrl} />
                      {channelLabel(target)}
                    </span>
                    {target.remoteUrl ? (
                      <a href={target.remoteUrl} target="_blank" rel="noreferrer" className="small" data-testid="remote-link">{t('view', { network: PLATFORM_NAMES[target.platform] })}</a>
                    ) : (
                      <span className="small muted">{t('noLink')}</span>
                    )}
                    <span className="small muted block">{target.metrics ? t('fetched', { when: formatInstant(target.metrics.fetchedAt, timeZone) }) : t('notFetched')}</span>
                  </td>
                  <td className="number">{metric(target.metrics, 'likes')}</td>
                  <td className="number">{metric(target.metrics, 'comments')}</td>
                  <td className="number">{metric(target.metrics, 'shares')}</td>
                  <td className="number">{metric(target.metrics, 'views')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
