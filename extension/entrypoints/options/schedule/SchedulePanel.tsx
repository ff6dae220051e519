import { useCallback, useEffect, useState } from 'react';
import type { PostingSlot, WorkspaceSchedule } from '#shared/api/publishing.js';
import { roleAllows } from '#shared/roles.js';
import { Button } from '../../../components/Button.js';
import { FormError } from '../../../components/FormError.js';
import { useAction } from '../../../hooks/useAction.js';
import { toUiError, type UiError } from '../../../lib/errors.js';
import { sendMessage, type ExtensionState } from '../../../lib/messaging/protocol.js';
import { WEEK, addSlot, copyMondayToWeekdays, removeSlot, sameSlots, slotsOf, timeZoneChoices } from './slots.js';

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
    setDone('Posting schedule saved.');
  });

  if (!state.user || !workspaceId) return null;
  const dirty = saved !== null && (saved.timeZone !== timeZone || !sameSlots(saved.postingSlots, slots));
  const edit = (next: PostingSlot[]) => {
    setSlots(next);
    setDone(null);
  };

  return (
    <section className="card" id="schedule" aria-labelledby="schedule-title" data-testid="schedule-panel">
      <h2 id="schedule-title">Posting schedule{workspace ? ` of ${workspace.name}` : ''}</h2>
      <p className="hint">“Add to queue” puts a post in the next free slot; “Schedule at…” times are read in this time zone.</p>
      <FormError message={loadError?.message ?? save.error?.message ?? null} testId="schedule-error" />
      {!saved && !loadError && <p className="muted">Loading…</p>}
      {saved && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save.run();
          }}
        >
          <div className="field">
            <label htmlFor="schedule-zone">Time zone</label>
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
            <caption className="visually-hidden">Posting slots by weekday</caption>
            <tbody>
              {WEEK.map(({ weekday, name }) => {
                const times = slotsOf(slots, weekday);
                return (
                  <tr key={weekday}>
                    <th scope="row">{name}</th>
                    <td>
                      {times.length === 0 && <span className="muted">No slots</span>}
                      {times.map((slot) => (
                        <span className="slot" key={slot.time} data-testid={`slot-${weekday}-${slot.time}`}>
                          {slot.time}
                          {manages && (
                            <button type="button" className="slot-remove" onClick={() => edit(removeSlot(slots, slot))}>
                              <span aria-hidden="true">×</span>
                              <span className="visually-hidden">{`Remove ${name} ${slot.time}`}</span>
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
                <legend>Add a slot</legend>
                <label htmlFor="slot-day">Day</label>
                <select id="slot-day" value={newDay} onChange={(event) => setNewDay(Number(event.target.value))}>
                  {WEEK.map(({ weekday, name }) => (
                    <option key={weekday} value={weekday}>
                      {name}
                    </option>
                  ))}
                </select>
                <label htmlFor="slot-time">Time</label>
                <input id="slot-time" type="time" value={newTime} required onChange={(event) => setNewTime(event.target.value)} />
                <Button type="button" variant="secondary" disabled={!/^\d\d:\d\d$/.test(newTime)} onClick={() => edit(addSlot(slots, { weekday: newDay, time: newTime }))} data-testid="slot-add">
                  Add
                </Button>
                <Button type="button" variant="secondary" disabled={slotsOf(slots, 1).length === 0} onClick={() => edit(copyMondayToWeekdays(slots))}>
                  Copy Monday to Tuesday–Friday
                </Button>
              </fieldset>
              <div className="button-row">
                <Button type="submit" pending={save.pending} pendingLabel="Saving…" disabled={!dirty} data-testid="schedule-save">
                  Save schedule
                </Button>
                <Button type="button" variant="secondary" disabled={!dirty || save.pending} onClick={() => show(saved)}>
                  Discard changes
                </Button>
              </div>
              {done && (
                <p className="notice notice-success" role="status">
                  {done}
                </p>
              )}
            </>
          ) : (
            <p className="muted">Only owners and admins change the schedule.</p>
          )}
        </form>
      )}
    </section>
  );
}
