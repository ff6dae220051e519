import { useCallback, useEffect, useState } from 'react';
import type { PostingSlot, WorkspaceSchedule } from '#shared/api/publishing.js';
import { roleAllows } from '#shared/roles.js';
import { Button } from '../../../components/Button.js';
import { FormError } from '../../../components/FormError.js';
import { useAction } from '../../../hooks/useAction.js';
import { toUiError, type UiError } from '../../../lib/errors.js';
import { sendMessage, type ExtensionState } from '../../../lib/messaging/protocol.js';
import { useLocale } from '../../../lib/i18n/react.js';
import { t } from './messages.js';
import { addSlot, copyMondayToWeekdays, removeSlot, sameSlots, slotsOf, timeZoneChoices, week } from './slots.js';

/**
 * The default workspace's time zone and weekly posting slots: "Schedule at…" times are read in that
 * zone, and "Add to queue" takes the next free slot. Owners and admins edit them; others see them.
 */
export function SchedulePanel({ state }: { state: ExtensionState }) {
  const workspaceId = state.defaultWorkspaceId;
  const workspace = state.workspaces.find((candidate) => candidate.id === workspaceId);
  const manages = workspace ? roleAllows(workspace.role, 'admin') : false;
  const [saved, setSaved] = useState<WorkspaceSchedule | null>(null);
  const [timeZone, setTimeZone] = useState('');
  const [slots, setSlots] = useState<PostingSlot[]>([]);
  const [loadError, setLoadError] = useState<UiError | null>(null);
  const [newDay, setNewDay] = useState(1);
  const [newTime, setNewTime] = useState('09:00');
  const [done, setDone] = useState<string | null>(null);
  useLocale();

  const show = useCallback((schedule: WorkspaceSchedule) => {
    setSaved(schedule);
    setTimeZone(schedule.timeZone);
    setSlots(schedule.postingSlots);
  }, []);
  useEffect(() => {
    if (!workspaceId) return;
    setSaved(null);
    sendMessage('getPostingSchedule', { workspaceId }).then(
      (schedule) => {
        show(schedule);
        setLoadError(null);
      },
      (error: unknown) => setLoadError(toUiError(error)),
    );
  }, [workspaceId, show]);

  const save = useAction(async () => {
    const next = await sendMessage('updatePostingSchedule', { workspaceId: workspaceId!, timeZone, postingSlots: slots });
    show(next);
    setDone(t('saved'));
  });

  if (!state.user || !workspaceId) return null;
  const dirty = saved !== null && (saved.timeZone !== timeZone || !sameSlots(saved.postingSlots, slots));
  const edit = (next: PostingSlot[]) => {
    setSlots(next);
    setDone(null);
  };

  return (
    <section className="card" id="schedule" aria-labelledby="schedule-title" data-testid="schedule-panel">
      <h2 id="schedule-title">{workspace ? t('titleOf', { workspace: workspace.name }) : t('title')}</h2>
      <p className="hint">{t('intro')}</p>
      <FormError message={loadError?.message ?? save.error?.message ?? null} testId="schedule-error" />
      {!saved && !loadError && <p className="muted">{t('loading')}</p>}
      {saved && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save.run();
          }}
        >
          <div className="field">
            <label htmlFor="schedule-zone">{t('timeZone')}</label>
            <select id="schedule-zone" value={timeZone} disabled={!manages} onChange={(event) => {
              setTimeZone(event.target.value);
              setDone(null);
            }}>
              {timeZoneChoices(timeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          </div>
          <table className="slots" data-testid="slots">
            <caption className="visually-hidden">{t('caption')}</caption>
            <tbody>
              {week().map(({ weekday, name }) => {
                const times = slotsOf(slots, weekday);
                return (
                  <tr key={weekday}>
                    <th scope="row">{name}</th>
                    <td>
                      {times.length === 0 && <span className="muted">{t('noSlots')}</span>}
                      {times.map((slot) => (
                        <span className="slot" key={slot.time} data-testid={`slot-${weekday}-${slot.time}`}>
                          {slot.time}
                          {manages && (
                            <button type="button" className="slot-remove" onClick={() => edit(removeSlot(slots, slot))}>
                              <span aria-hidden="true">×</span>
                              <span className="visually-hidden">{t('remove', { day: name, time: slot.time })}</span>
                            </button>
                          )}
                        </span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {manages ? (
            <>
              <fieldset className="slot-add">
                <legend>{t('addSlot')}</legend>
                <label htmlFor="slot-day">{t('day')}</label>
                <select id="slot-day" value={newDay} onChange={(event) => setNewDay(Number(event.target.value))}>
                  {week().map(({ weekday, name }) => (
                    <option key={weekday} value={weekday}>
                      {name}
                    </option>
                  ))}
                </select>
                <label htmlFor="slot-time">{t('time')}</label>
                <input id="slot-time" type="time" value={newTime} required onChange={(event) => setNewTime(event.target.value)} />
                <Button type="button" variant="secondary" disabled={!/^\d\d:\d\d$/.test(newTime)} onClick={() => edit(addSlot(slots, { weekday: newDay, time: newTime }))} data-testid="slot-add">
                  {t('add')}
                </Button>
                <Button type="button" variant="secondary" disabled={slotsOf(slots, 1).length === 0} onClick={() => edit(copyMondayToWeekdays(slots))}>
                  {t('copyMonday')}
                </Button>
              </fieldset>
              <div className="button-row">
                <Button type="submit" pending={save.pending} pendingLabel={t('saving')} disabled={!dirty} data-testid="schedule-save">
                  {t('save')}
                </Button>
                <Button type="button" variant="secondary" disabled={!dirty || save.pending} onClick={() => show(saved)}>
                  {t('discard')}
                </Button>
              </div>
              {done && (
                <p className="notice notice-success" role="status">
                  {done}
                </p>
              )}
            </>
          ) : (
            <p className="muted">{t('readOnly')}</p>
          )}
        </form>
      )}
    </section>
  );
}
