import { useCallback, useEffect, useState } from 'react';
import { roleAllows } from '#shared/roles.js';
import { Button } from '../../components/Button.js';
import { FormError } from '../../components/FormError.js';
import { useAction } from '../../hooks/useAction.js';
import { useExtensionState } from '../../hooks/useExtensionState.js';
import { todayIn } from '../../lib/dashboard-time.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { CalendarViews } from './CalendarViews.js';
import { DraftsView } from './DraftsView.js';
import { FailedView } from './FailedView.js';
import { ImportsStrip } from './ImportsStrip.js';
import { formatLocation } from './location.js';
import { PostDetails } from './PostDetails.js';
import { PublishedView } from './PublishedView.js';
import { usePageLocation } from './usePageLocation.js';
import { ViewTabs } from './ViewTabs.js';
import { WorkspacePicker } from './WorkspacePicker.js';

const t = defineMessages({
  en: {
    title: 'Queue & calendar',
    loading: 'Loading…',
    signedOut: 'Sign in to Minopa to see your queue and calendar.',
    openSettings: 'Open Minopa settings',
    noWorkspace: 'You are not a member of any workspace yet. Create one or accept an invitation in Minopa settings.',
    viewOnly: 'You can look at this workspace; editors, admins and owners can reschedule and retry.',
  },
  de: {
    title: 'Warteschlange & Kalender',
    loading: 'Wird geladen…',
    signedOut: 'Melden Sie sich bei Minopa an, um Ihre Warteschlange und Ihren Kalender zu sehen.',
    openSettings: 'Minopa-Einstellungen öffnen',
    noWorkspace: 'Sie sind noch in keinem Arbeitsbereich Mitglied. Legen Sie in den Minopa-Einstellungen einen an oder nehmen Sie eine Einladung an.',
    viewOnly: 'Sie können diesen Arbeitsbereich ansehen; Redakteure, Admins und Eigentümer können Beiträge neu planen und erneut versuchen.',
  },
});

const PANEL_ID = 'dashboard-panel';

/** The Queue & calendar page (dashboard.html): a workspace's posts by day, week and month, drafts, failures and results. */
export function App() {
  const language = useLocale();
  const { state, error } = useExtensionState();
  // The tab's title is in index.html for the first paint; it follows the language from then on.
  useEffect(() => {
    document.title = `${t('title')} · Minopa`;
  }, [language]);
  const [location, navigate] = usePageLocation();
  // The workspace's time zone, once the service said it: "today" is the workspace's today.
  const [timeZones, setTimeZones] = useState<Record<string, string>>({});
  // Bumped when the details dialog changed something, so the view behind it loads again.
  const [generation, setGeneration] = useState(0);
  const openOptions = useAction(() => sendMessage('openOptionsPage'));

  const workspaces = state?.workspaces ?? [];
  const workspace =
    workspaces.find((candidate) => candidate.id === location.workspaceId) ??
    workspaces.find((candidate) => candidate.id === state?.popupWorkspaceId) ??
    workspaces.find((candidate) => candidate.id === state?.defaultWorkspaceId) ??
    workspaces[0];
  const timeZone = workspace ? timeZones[workspace.id] : undefined;
  const today = todayIn(timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  const editable = workspace ? roleAllows(workspace.role, 'editor') : false;
  const onTimeZone = useCallback(
    (zone: string) => workspace && setTimeZones((known) => (known[workspace.id] === zone ? known : { ...known, [workspace.id]: zone })),
    [workspace],
  );
  const open = (postId: string) => navigate({ postId });
  const reloadView = useCallback(() => setGeneration((value) => value + 1), []);

  return (
    <div className="dashboard">
      <header className="dashboard-header">
        <div className="brand">
          <img src="/icon/32.png" alt="" width={28} height={28} />
          <h1>{t('title')}</h1>
        </div>
        {workspace && workspaces.length > 0 && (
          <WorkspacePicker workspaces={workspaces} value={workspace.id} onChange={(workspaceId) => navigate({ workspaceId, postId: null })} />
        )}
      </header>
      <FormError message={error?.message ?? null} testId="state-error" />
      {!state && !error && <p className="muted">{t('loading')}</p>}
      {state && !state.user && (
        <section className="card" data-testid="signed-out">
          <p>{t('signedOut')}</p>
          <Button onClick={() => void openOptions.run()} pending={openOptions.pending}>{t('openSettings')}</Button>
        </section>
      )}
      {state?.user && !workspace && <p className="notice">{t('noWorkspace')}</p>}
      {state?.user && workspace && (
        <>
          {editable && (
            <ImportsStrip
              key={workspace.id}
              workspaceId={workspace.id}
              postHref={(postId) => formatLocation({ ...location, workspaceId: workspace.id, postId })}
              onFinished={reloadView}
            />
          )}
          <ViewTabs current={location.view} onSelect={(view) => navigate({ view })} panelId={PANEL_ID} />
          {!editable && <p className="hint view-only">{t('viewOnly')}</p>}
          <main id={PANEL_ID} role="tabpanel" aria-labelledby={`tab-${location.view}`} className="dashboard-panel" key={`${workspace.id} ${generation}`}>
            {(location.view === 'day' || location.view === 'week' || location.view === 'month') && (
              <CalendarViews
                view={location.view}
                anchor={location.date ?? today}
                today={today}
                workspaceId={workspace.id}
                editable={editable}
                onTimeZone={onTimeZone}
                onNavigate={(date) => navigate({ date })}
                onOpen={open}
                onOpenDay={(date) => navigate({ view: 'day', date })}
              />
            )}
            {location.view === 'drafts' && (
              <DraftsView workspaceId={workspace.id} timeZone={timeZone} postHref={(postId) => formatLocation({ ...location, workspaceId: workspace.id, postId })} />
            )}
            {location.view === 'failed' && <FailedView workspaceId={workspace.id} today={today} editable={editable} onOpen={open} onTimeZone={onTimeZone} />}
            {location.view === 'published' && (
              <PublishedView workspaceId={workspace.id} until={location.date ?? today} today={today} onNavigate={(date) => navigate({ date })} onOpen={open} onTimeZone={onTimeZone} />
            )}
          </main>
          {location.postId && (
            <PostDetails
              key={location.postId}
              workspaceId={workspace.id}
              postId={location.postId}
              today={today}
              editable={editable}
              onClose={() => navigate({ postId: null })}
              onChanged={() => setGeneration((value) => value + 1)}
            />
          )}
        </>
      )}
    </div>
  );
}
