import { useEffect, useId, useState } from 'react';
import { toUiError } from '../../lib/errors.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import type { PopupAction, QueueSlotView } from '../../lib/popup-types.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { formatWallClock, zoneLabel } from '../../lib/popup-time.js';

const t = defineMessages({
  en: {
    now: 'Post now',
    queue: 'Add to queue',
    at: 'Schedule at…',
    draft: 'Save draft',
    legend: 'When',
    slotLoading: 'Finding the next free slot…',
    slot: 'Takes the next free slot: {time} ({zone}).',
    noSlots: 'This workspace has no posting slots yet: add them in Minopa settings, or choose a time.',
    dateTime: 'Date and time',
    zoneHint: 'In the workspace’s time zone: {zone}.',
    zoneUnknown: 'In the workspace’s time zone (not known yet: it is read when the service answers).',
    past: 'Choose a time in the future.',
    draftHint: 'Kept as a draft in the workspace, for later.',
  },
  de: {
    now: 'Jetzt veröffentlichen',
    queue: 'In die Warteschlange',
    at: 'Planen für…',
    draft: 'Entwurf speichern',
    legend: 'Wann',
    slotLoading: 'Der nächste freie Termin wird gesucht…',
    slot: 'Nimmt den nächsten freien Termin: {time} ({zone}).',
    noSlots: 'Dieser Arbeitsbereich hat noch keine Veröffentlichungstermine: Legen Sie sie in den Minopa-Einstellungen an oder wählen Sie eine Uhrzeit.',
    dateTime: 'Datum und Uhrzeit',
    zoneHint: 'In der Zeitzone des Arbeitsbereichs: {zone}.',
    zoneUnknown: 'In der Zeitzone des Arbeitsbereichs (noch unbekannt: Sie wird gelesen, sobald der Dienst antwortet).',
    past: 'Wählen Sie einen Zeitpunkt in der Zukunft.',
    draftHint: 'Wird als Entwurf im Arbeitsbereich aufbewahrt, für später.',
  },
});

/** The main button's words for each action ("Post now", „Jetzt veröffentlichen“). */
export function actionLabel(action: PopupAction): string {
  return t(action);
}

interface WhenPickerProps {
  workspaceId: string;
  action: PopupAction;
  onAction: (action: PopupAction) => void;
  /** False when no channel is chosen: only "Save draft" makes sense then. */
  canPublish: boolean;
  localTime: string;
  onLocalTime: (value: string) => void;
  timeZone: string | null;
  /** The workspace's "now" as YYYY-MM-DDTHH:mm (the input's minimum). */
  minLocalTime: string | null;
  /** Tells the form whether "Add to queue" has a slot to take (null: unknown yet). */
  onSlot: (slot: QueueSlotView | null | undefined) => void;
}

/** Post now, add to the queue (showing the slot it takes), schedule at a time in the workspace's zone, or keep as draft. */
export function WhenPicker({ workspaceId, action, onAction, canPublish, localTime, onLocalTime, timeZone, minLocalTime, onSlot }: WhenPickerProps) {
  useLocale();
  const inputId = useId();
  const [slot, setSlot] = useState<QueueSlotView | null | undefined>(undefined);
  const [slotError, setSlotError] = useState<string | null>(null);
  useEffect(() => {
    setSlot(undefined);
    setSlotError(null);
    onSlot(undefined);
    if (action !== 'queue' || !workspaceId) return;
    let live = true;
    sendMessage('getNextQueueSlot', { workspaceId }).then(
      (next) => {
        if (!live) return;
        setSlot(next);
        onSlot(next);
      },
      (error: unknown) => live && setSlotError(toUiError(error).message),
    );
    return () => {
      live = false;
    };
    // onSlot is a state setter of the form (stable): only the action and workspace decide the slot.
  }, [action, workspaceId]);

  const past = action === 'at' && localTime !== '' && minLocalTime !== null && localTime <= minLocalTime;
  const actions: PopupAction[] = canPublish ? ['now', 'queue', 'at', 'draft'] : ['draft'];
  return (
    <fieldset className="when" data-testid="when">
      <legend>{t('legend')}</legend>
      <div className="when-options">
        {actions.map((value) => (
          <label key={value} className="when-option">
            <input type="radio" name="action" value={value} checked={action === value} onChange={() => onAction(value)} data-testid={`action-${value}`} />
            {actionLabel(value)}
          </label>
        ))}
      </div>
      {action === 'queue' && (
        <p className={slot === null ? 'field-error' : 'hint'} data-testid="queue-slot" role="status">
          {slotError ?? (slot === undefined ? t('slotLoading') : slot === null ? t('noSlots') : t('slot', { time: formatWallClock(slot.localTime), zone: zoneLabel(slot.timeZone, new Date(slot.at)) }))}
        </p>
      )}
      {action === 'at' && (
        <div className="field">
          <label htmlFor={inputId}>{t('dateTime')}</label>
          <input
            id={inputId}
            type="datetime-local"
            value={localTime}
            min={minLocalTime ?? undefined}
            aria-invalid={past || undefined}
            aria-describedby={`${inputId}-hint`}
            onChange={(event) => onLocalTime(event.target.value)}
            data-testid="local-time"
          />
          <p id={`${inputId}-hint`} className={past ? 'field-error' : 'hint'} data-testid="time-zone">
            {past ? t('past') : timeZone ? t('zoneHint', { zone: zoneLabel(timeZone) }) : t('zoneUnknown')}
          </p>
        </div>
      )}
      {action === 'draft' && <p className="hint">{t('draftHint')}</p>}
    </fieldset>
  );
}
