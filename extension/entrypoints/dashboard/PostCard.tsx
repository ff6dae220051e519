import { useState } from 'react';
import type { CalendarPost } from '#shared/api/calendar.js';
import { toLocalParts } from '../../lib/dashboard-time.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { ChannelList } from './Channels.js';
import { MoveToForm } from './MoveToForm.js';
import { excerpt, statusLabel } from './status.js';

const t = defineMessages({
  en: {
    moveTo: 'Move to…',
    moveToLabel: 'Move to… {text}',
    details: 'Details',
    detailsLabel: 'Details: {text}',
    dragHint: 'Drag to another day or hour to reschedule, or use Move to….',
  },
  de: {
    moveTo: 'Verschieben…',
    moveToLabel: 'Verschieben… {text}',
    details: 'Einzelheiten',
    detailsLabel: 'Einzelheiten: {text}',
    dragHint: 'Ziehen Sie den Beitrag auf einen anderen Tag oder eine andere Stunde, um ihn neu zu planen, oder nutzen Sie „Verschieben…“.',
  },
});

/** The drag payload type: a post id. Custom, so text dragged in from elsewhere is never taken for a post. */
export const POST_DRAG_TYPE = 'application/x-minopa-post';

/** True when the post has channels waiting to be published: only those can be moved. */
export function canReschedule(post: CalendarPost): boolean {
  return post.targets.some((target) => target.status === 'scheduled');
}

export interface PostCardProps {
  post: CalendarPost;
  timeZone: string;
  /** The person may reschedule (editor or higher). */
  editable: boolean;
  movePending: boolean;
  onMove: (post: CalendarPost, localTime: string) => Promise<boolean>;
  onOpen: (postId: string) => void;
  /** Compact: the week grid's narrow cells. */
  compact?: boolean;
}

/**
 * A post on the calendar: its time in the workspace's zone, status, channels and an excerpt. Scheduled
 * posts can be dragged (native HTML5 drag and drop) or moved with the "Move to…" form.
 */
export function PostCard({ post, timeZone, editable, movePending, onMove, onOpen, compact = false }: PostCardProps) {
  useLocale();
  const [moving, setMoving] = useState(false);
  const local = toLocalParts(post.at, timeZone);
  const movable = editable && canReschedule(post);
  const statuses = [...new Set(post.targets.map((target) => target.status))];
  const text = excerpt(post, compact ? 60 : 160);

  return (
    <article
      className={`post-card${compact ? ' compact' : ''}${movable ? ' movable' : ''}`}
      data-testid={`post-${post.id}`}
      data-post-status={statuses.join(' ')}
      draggable={movable && !moving}
      title={movable ? t('dragHint') : undefined}
      onDragStart={(event) => {
        event.dataTransfer.setData(POST_DRAG_TYPE, post.id);
        event.dataTransfer.setData('text/plain', text);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      <header className="post-card-head">
        <time dateTime={post.at} className="post-time">{local.time}</time>
        {statuses.map((status) => (
          <span key={status} className={`status status-${status}`}>{statusLabel(status)}</span>
        ))}
      </header>
      <p className="post-excerpt">{text}</p>
      <ChannelList targets={post.targets} />
      <div className="post-card-actions">
        <button type="button" className="button button-link" onClick={() => onOpen(post.id)} aria-label={t('detailsLabel', { text })}>
          {t('details')}
        </button>
        {movable && !moving && (
          <button type="button" className="button button-link" onClick={() => setMoving(true)} aria-label={t('moveToLabel', { text })} data-testid="move-to">
            {t('moveTo')}
          </button>
        )}
      </div>
      {moving && (
        <MoveToForm
          what={excerpt(post, 40)}
          date={local.date}
          time={local.time}
          timeZone={timeZone}
          pending={movePending}
          onMove={(localTime) => onMove(post, localTime)}
          onCancel={() => setMoving(false)}
        />
      )}
    </article>
  );
}
