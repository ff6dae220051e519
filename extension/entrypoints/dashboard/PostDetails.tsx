import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { PostTarget } from '#shared/api/publishing.js';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { formatInstant, toLocalParts } from '../../lib/dashboard-time.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { AccountAvatar, channelLabel } from './Channels.js';
import { MoveToForm } from './MoveToForm.js';
import { RetryControl } from './RetryControl.js';
import { ScheduleForm } from './ScheduleForm.js';
import { excerpt, statusLabel } from './status.js';
import { useLoaded } from './useLoaded.js';

const t = defineMessages({
  en: {
    heading: 'Post details',
    close: 'Close',
    loading: 'Loading…',
    title: 'Title',
    text: 'Text',
    save: 'Save text',
    saving: 'Saving…',
    saved: 'Saved.',
    channels: 'Channels',
    noChannels: 'This post goes nowhere yet.',
    due: 'due {when}',
    published: 'published {when}',
    view: 'View the post',
    reason: 'Reason: {reason}',
    moveTo: 'Move to…',
    moved: 'Moved.',
    retried: 'Sent to be published again.',
    scheduled: 'Scheduled.',
  },
  de: {
    heading: 'Beitragsdetails',
    close: 'Schließen',
    loading: 'Wird geladen…',
    title: 'Titel',
    text: 'Inhalt',
    save: 'Inhalt speichern',
    saving: 'Wird gespeichert…',
    saved: 'Gespeichert.',
    channels: 'Kanäle',
    noChannels: 'Dieser Beitrag hat noch keinen Kanal.',
    due: 'fällig am {when}',
    published: 'veröffentlicht am {when}',
    view: 'Beitrag ansehen',
    reason: 'Grund: {reason}',
    moveTo: 'Verschieben…',
    moved: 'Verschoben.',
    retried: 'Zur erneuten Veröffentlichung gesendet.',
    scheduled: 'Geplant.',
  },
});

interface PostDetailsProps {
  workspaceId: string;
  postId: string;
  today: string;
  editable: boolean;
  onClose: () => void;
  /** Something changed (text, time, retry): the views behind reload. */
  onChanged: () => void;
}

function when(target: PostTarget, timeZone: string): string | null {
  if (target.publishedAt) return t('published', { when: formatInstant(target.publishedAt, timeZone) });
  if (target.dueAt) return t('due', { when: formatInstant(target.dueAt, timeZone) });
  return null;
}

/**
 * One post in a dialog (opened by `#post=<id>`): edit its text, see each channel's status, time,
 * reason and link, retry a failed one, move a scheduled post, or schedule a draft.
 */
export function PostDetails({ workspaceId, postId, today, editable, onClose, onChanged }: PostDetailsProps) {
  useLocale();
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const loaded = useLoaded(`${workspaceId} ${postId}`, () => sendMessage('getPostDetails', { workspaceId, postId }));
  const [notice, setNotice] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const [text, setText] = useState<{ title: string; body: string } | null>(null);

  useEffect(() => {
    // Focus moves into the dialog so keyboard and screen-reader users land in it; Escape leaves.
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.focus();
    return () => opener?.focus?.();
  }, []);

  const details = loaded.data;
  const form = text ?? (details ? { title: details.post.title ?? '', body: details.post.body } : null);
  const changed = async (message: string) => {
    setNotice(message);
    await loaded.reload();
    onChanged();
  };
  const save = useAction(async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    await sendMessage('updatePostText', { workspaceId, postId, title: form.title.trim() === '' ? null : form.title, body: form.body });
    setText(null);
    await changed(t('saved'));
  });
  const reschedule = useAction(async (localTime: string) => {
    await sendMessage('reschedulePost', { workspaceId, postId, localTime });
    await changed(t('moved'));
    return true;
  });

  const timeZone = details?.schedule.timeZone ?? 'UTC';
  const targets = details?.targets.items ?? [];
  const scheduled = targets.filter((target) => target.status === 'scheduled');
  // Only drafts are scheduled from here: a failed post is retried per channel, a published one is history.
  const schedulable = details?.post.status === 'draft' && scheduled.length === 0 && !targets.some((target) => target.status === 'publishing');
  const firstDue = scheduled.map((target) => target.dueAt).filter((due): due is string => due !== null).sort()[0];
  const fieldErrors = Object.fromEntries((save.error?.fields ?? []).map((field) => [field.path, field.message]));

  return (
    <div className="dialog-backdrop" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div
        className="dialog card"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-heading`}
        tabIndex={-1}
        ref={dialog}
        data-testid="post-details"
        onKeyDown={(event) => event.key === 'Escape' && onClose()}
      >
        <div className="dialog-head">
          <h2 id={`${id}-heading`}>{details ? excerpt(details.post, 60) : t('heading')}</h2>
          <button type="button" className="button button-secondary" onClick={onClose}>{t('close')}</button>
        </div>
        <FormError message={loaded.error?.message ?? null} testId="details-error" />
        {!details && loaded.loading && <p className="muted">{t('loading')}</p>}
        {notice && <p className="notice-success" role="status" data-testid="details-notice">{notice}</p>}
        {details && form && (
          <>
            <form onSubmit={(event) => void save.run(event)}>
              <div className="field">
                <label htmlFor={`${id}-title`}>{t('title')}</label>
                <input id={`${id}-title`} value={form.title} readOnly={!editable} onChange={(event) => setText({ ...form, title: event.target.value })} aria-invalid={fieldErrors.title ? true : undefined} />
                {fieldErrors.title && <p className="field-error">{fieldErrors.title}</p>}
              </div>
              <div className="field">
                <label htmlFor={`${id}-body`}>{t('text')}</label>
                <textarea id={`${id}-body`} value={form.body} readOnly={!editable} onChange={(event) => setText({ ...form, body: event.target.value })} aria-invalid={fieldErrors.body ? true : undefined} />
                {fieldErrors.body && <p className="field-error">{fieldErrors.body}</p>}
              </div>
              <FormError message={save.error && !save.error.fields ? save.error.message : null} testId="save-error" />
              {editable && <Button type="submit" pending={save.pending} pendingLabel={t('saving')} disabled={text === null}>{t('save')}</Button>}
            </form>

            <h3>{t('channels')}</h3>
            {targets.length === 0 && <p className="muted">{t('noChannels')}</p>}
            <ul className="target-list">
              {targets.map((target) => (
                <li key={target.id} className="target-row" data-testid={`target-${target.id}`}>
                  <div className="target-head">
                    <AccountAvatar name={target.account.name} avatarUrl={target.account.avatarUrl} size={28} />
                    <div>
                      <strong>{channelLabel(target)}</strong>{' '}
                      <span className={`status status-${target.status}`}>{statusLabel(target.status)}</span>
                      <p className="small muted">{when(target, timeZone)}</p>
                    </div>
                  </div>
                  {target.failure && (
                    <p className="failure">{t('reason', { reason: target.failure.message ?? target.failure.kind })}</p>
                  )}
                  {target.remoteUrl && <a href={target.remoteUrl} target="_blank" rel="noreferrer">{t('view')}</a>}
                  {editable && (target.status === 'failed' || target.status === 'unconfirmed') && (
                    <RetryControl workspaceId={workspaceId} postId={postId} target={target} channel={channelLabel(target)} onRetried={() => changed(t('retried'))} />
                  )}
                </li>
              ))}
            </ul>

            {editable && firstDue && !moving && <Button variant="secondary" onClick={() => setMoving(true)}>{t('moveTo')}</Button>}
            {editable && firstDue && moving && (
              <>
                <FormError message={reschedule.error?.message ?? null} testId="details-move-error" />
                <MoveToForm
                  what={excerpt(details.post, 40)}
                  date={toLocalParts(firstDue, timeZone).date}
                  time={toLocalParts(firstDue, timeZone).time}
                  timeZone={timeZone}
                  pending={reschedule.pending}
                  onMove={async (localTime) => (await reschedule.run(localTime)) === true}
                  onCancel={() => setMoving(false)}
                />
              </>
            )}
            {editable && schedulable && (
              <ScheduleForm
                workspaceId={workspaceId}
                postId={postId}
                accounts={details.accounts}
                chosen={targets.filter((target) => target.status === 'draft').map((target) => target.account.id)}
                timeZone={timeZone}
                today={today}
                onScheduled={() => changed(t('scheduled'))}
              />
            )}
          </>
        )}
      </div>
    </div>
  );
}
