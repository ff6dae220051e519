import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ScheduleInput } from '#shared/api/publishing.js';
import { Button } from '../../components/Button.js';
import { CheckboxField, Field, TextAreaField } from '../../components/Field.js';
import { FormError } from '../../components/FormError.js';
import { WorkspaceSelect } from '../../components/WorkspaceSelect.js';
import { useAction } from '../../hooks/useAction.js';
import { prefillFrom, swapLink } from '../../lib/composer-prefill.js';
import { initialSettings, rememberedOptions, targetExtras, type ChannelSettings } from '../../lib/composer-options.js';
import { checkChannel, previewChannel, type ChannelCheck } from '../../lib/composer-rules.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type ExtensionState, type TabContext } from '../../lib/messaging/protocol.js';
import type { CachedChannel, PopupAction, PopupMedia, QueueSlotView } from '../../lib/popup-types.js';
import { isKnownZone, wallClock } from '../../lib/popup-time.js';
import { ChannelCard } from './ChannelCard.js';
import { ChannelPicker } from './ChannelPicker.js';
import { composerText as t } from './composer-messages.js';
import { Confirmation, type Outcome } from './Confirmation.js';
import { MediaTray } from './MediaTray.js';
import { splitErrors } from './submit-errors.js';
import { usePersistentText } from './usePersistentText.js';
import { useWorkspaceMemory } from './useWorkspaceMemory.js';
import { actionLabel, WhenPicker } from './WhenPicker.js';

/** The mark bench/extension.ts measures the popup's time to interactive by: set once, when the text box first takes input. */
let interactiveMarked = false;
function markInteractive() {
  if (interactiveMarked) return;
  interactiveMarked = true;
  performance.mark('minopa:interactive');
}

/** Where the text in the boxes came from: nothing yet, the page, storage (unsent), or the person's typing. */
type TextSource = 'none' | 'prefill' | 'restored' | 'typed';

/** What the composer needs of the extension's state (the snapshot of it has as much: lib/state-snapshot.ts). */
type ComposerState = Pick<ExtensionState, 'workspaces' | 'defaultWorkspaceId' | 'popupWorkspaceId'>;

function preselect(state: ComposerState): string {
  const usable = (id: string | null) => state.workspaces.some((workspace) => workspace.id === id && workspace.role !== 'viewer');
  if (usable(state.popupWorkspaceId)) return state.popupWorkspaceId!;
  if (usable(state.defaultWorkspaceId)) return state.defaultWorkspaceId!;
  return state.workspaces.find((workspace) => workspace.role !== 'viewer')?.id ?? '';
}

/** The quick post: text from the page, channels with counters and previews, media, and when to publish. */
export function Composer({ state, context, onWorkspace }: { state: ComposerState; context: TabContext | null; onWorkspace?: (workspaceId: string) => void }) {
  useLocale();
  const [workspaceId, setWorkspaceId] = useState(() => preselect(state));
  // The popup's other parts (an import) go to the workspace chosen here.
  useEffect(() => onWorkspace?.(workspaceId), [onWorkspace, workspaceId]);
  const memory = useWorkspaceMemory(workspaceId);
  const prefill = useMemo(() => (context ? prefillFrom(context) : null), [context]);
  const [source, setSource] = useState<TextSource>('none');
  // Read by the setup effect, which must not run again whenever the text changes hands.
  const sourceRef = useRef(source);
  sourceRef.current = source;
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [link, setLink] = useState('');
  const [keepTracking, setKeepTracking] = useState(false);
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  /** Per channel (account id): its own title, comment, thread and network options, once touched. */
  const [settings, setSettings] = useState<Record<string, ChannelSettings>>({});
  const [media, setMedia] = useState<PopupMedia[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [action, setAction] = useState<PopupAction>('draft');
  const [localTime, setLocalTime] = useState('');
  const [slot, setSlot] = useState<QueueSlotView | null | undefined>(undefined);
  const [postId, setPostId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [restored, setRestored] = useState(false);
  const blockersId = useId();
  const setupApplied = useRef<string | null>(null);
  /** What the person chose in this popup before the remembered setup arrived: it is never overridden. */
  const chosenHere = useRef({ channels: false, action: false });

  // The text box is in the page and enabled from the first render: nothing waits on the network.
  useEffect(markInteractive, []);

  // The first state may come from an empty cache or an older snapshot; choose again once the background's
  // or the service's workspaces arrive, if the one chosen is not among them and another one is.
  useEffect(() => {
    if (state.workspaces.some((workspace) => workspace.id === workspaceId)) return;
    const chosen = preselect(state);
    if (chosen) setWorkspaceId(chosen);
  }, [state, workspaceId]);
  // The page's link and title, once read, into whichever of the two boxes is still empty: someone who
  // starts typing the text before the page is read still gets the page's title.
  useEffect(() => {
    if (!prefill) return;
    setLink((current) => current || prefill.cleanLink);
    setTitle((current) => current || prefill.title);
  }, [prefill]);
  // The page's text, unless something is in the text box already.
  useEffect(() => {
    if (!prefill || source !== 'none') return;
    setBody(prefill.body);
    setSource('prefill');
  }, [prefill, source]);
  // What this browser remembers of the workspace: last channels and action, and text not sent yet.
  useEffect(() => {
    const setup = memory.setup;
    if (!setup || setupApplied.current === workspaceId) return;
    setupApplied.current = workspaceId;
    if (!chosenHere.current.channels) setSelected(setup.lastChannels);
    if (setup.lastAction && !chosenHere.current.action) setAction(setup.lastAction);
    const unsent = setup.unsentText;
    if (unsent && sourceRef.current !== 'typed' && (unsent.title.trim() || unsent.body.trim() || Object.keys(unsent.overrides).length > 0)) {
      // An unsent text without a title keeps the page's, read meanwhile.
      setTitle((current) => unsent.title || current);
      setBody(unsent.body);
      setOverrides(unsent.overrides);
      setSource('restored');
      setRestored(true);
    }
  }, [memory.setup, workspaceId]);
  const persistentText = usePersistentText(workspaceId, { pageUrl: context?.url ?? '', title, body, overrides }, (source === 'typed' || source === 'restored') && outcome === null);

  const submit = useAction(async (allowDuplicate: boolean) => {
    const fromPage = prefill !== null && context !== null && (link === prefill.cleanLink || link === prefill.trackedLink);
    const saved = await sendMessage('saveQuickPost', {
      workspaceId,
      ...(postId ? { postId } : {}),
      // Provenance is the page as visited; the post's own link is the one in its text.
      url: fromPage ? context.url : link,
      ...(fromPage ? { pageTitle: context.title, selectionText: context.selectionText, ...(context.page ? { page: context.page } : {}) } : {}),
      draft: { title, body },
      mediaIds: media.map((medium) => medium.id),
    });
    if (saved.status === 'queued') return finish({ kind: 'queued', workspaceName: saved.workspaceName, publishing: effectiveAction !== 'draft' });
    setPostId(saved.postId);
    if (effectiveAction === 'draft') return finish({ kind: 'saved', workspaceName: saved.workspaceName, postId: saved.postId });
    const duplicate = allowDuplicate ? { allowDuplicate: true } : {};
    const schedule: ScheduleInput = effectiveAction === 'at' ? { when: 'at', localTime, ...duplicate } : { when: effectiveAction, ...duplicate };
    const targets = chosenChannels.map((channel) => ({
      accountId: channel.id,
      ...(overrides[channel.id] !== undefined ? { text: overrides[channel.id] } : {}),
      ...targetExtras(channel.platform, settingsFor(channel)),
    }));
    const published = await sendMessage('publishQuickPost', { workspaceId, postId: saved.postId, targets, schedule });
    finish({ kind: 'published', action: effectiveAction, postId: saved.postId, channels: published.channels, dueAt: published.dueAt, timeZone });
  });

  function finish(result: Outcome) {
    setOutcome(result);
    persistentText.forget();
    const options = Object.fromEntries(chosenChannels.map((channel) => [channel.id, rememberedOptions(channel.platform, settingsFor(channel))]));
    void sendMessage('rememberPopupChoices', { workspaceId, accountIds: chosen, action: effectiveAction, options }).catch(() => undefined);
  }
  function startOver() {
    setTitle(prefill?.title ?? '');
    setBody(keepTracking && prefill ? swapLink(prefill.body, prefill.cleanLink, prefill.trackedLink) : (prefill?.body ?? ''));
    setOverrides({});
    // The channels' options (board, privacy) carry over to the next post; its title, comment and thread do not.
    setSettings((all) => Object.fromEntries(Object.entries(all).map(([id, own]) => [id, { ...own, title: '', firstComment: '', threadParts: [] }])));
    setMedia([]);
    setPostId(null);
    setOutcome(null);
    setRestored(false);
    setSource(prefill ? 'prefill' : 'none');
    submit.clearError();
    persistentText.forget();
  }
  /** Any edit: stale refusals go, and the text is now the person's. */
  const edited = () => {
    submit.clearError();
    setSource('typed');
  };
  const changeWorkspace = (id: string) => {
    // Media and a saved draft belong to the workspace they were made in.
    setWorkspaceId(id);
    setMedia([]);
    setPostId(null);
    setSelected([]);
    chosenHere.current = { channels: false, action: false };
    setSettings({});
    submit.clearError();
  };
  const toggleTracking = (keep: boolean) => {
    if (!prefill) return;
    const [from, to] = keep ? [prefill.cleanLink, prefill.trackedLink] : [prefill.trackedLink, prefill.cleanLink];
    setBody((text) => swapLink(text, from, to));
    setOverrides((all) => Object.fromEntries(Object.entries(all).map(([id, text]) => [id, swapLink(text, from, to)])));
    setLink((current) => (current === from ? to : current));
    setKeepTracking(keep);
  };

  const channels = memory.workspace?.channels ?? (memory.refreshing ? null : []);
  const activeChannels = (channels ?? []).filter((channel) => channel.status === 'active');
  const chosen = selected.filter((id) => activeChannels.some((channel) => channel.id === id));
  const chosenChannels = activeChannels.filter((channel) => chosen.includes(channel.id));
  const effectiveAction: PopupAction = activeChannels.length > 0 ? action : 'draft';
  const publishing = effectiveAction !== 'draft';
  const rawZone = memory.workspace?.timeZone ?? null;
  const timeZone = rawZone && isKnownZone(rawZone) ? rawZone : null;
  const minLocalTime = timeZone ? wallClock(new Date(), timeZone) : null;
  const textFor = (id: string) => overrides[id] ?? body;
  function settingsFor(channel: CachedChannel): ChannelSettings {
    return settings[channel.id] ?? initialSettings(channel.platform, memory.setup?.lastOptions[channel.id]);
  }
  const checks: Record<string, ChannelCheck> = {};
  for (const channel of chosenChannels) checks[channel.id] = checkChannel(channel.platform, { text: textFor(channel.id), title, media, settings: settingsFor(channel) });
  const errors = splitErrors(submit.error);

  const blockers: string[] = [];
  if (!workspaceId) blockers.push(t('needWorkspace'));
  if (publishing && chosen.length === 0) blockers.push(t('needChannel'));
  if (effectiveAction === 'at' && localTime === '') blockers.push(t('needTime'));
  if (effectiveAction === 'at' && localTime !== '' && minLocalTime !== null && localTime <= minLocalTime) blockers.push(t('pastTime'));
  if (effectiveAction === 'queue' && slot === null) blockers.push(t('noSlots'));
  if (publishing && chosenChannels.some((channel) => checks[channel.id]!.issues.length > 0)) blockers.push(t('fixChannels'));

  if (outcome) return <Confirmation outcome={outcome} onAnother={startOver} />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (blockers.length === 0) void submit.run(false);
  };
  // Ctrl+Enter (⌘+Enter) sends from any box, the text areas included, as in most composers.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSubmit(event);
  };
  return (
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate data-testid="composer" aria-busy={submit.pending || undefined}>
      <FormError message={errors.summary} upgradeUrl={errors.upgradeUrl} />
      {submit.error?.code === 'duplicate_post' && (
        <Button variant="secondary" onClick={() => void submit.run(true)} data-testid="post-anyway">{t('postAnyway')}</Button>
      )}
      <WorkspaceSelect label={t('workspace')} workspaces={state.workspaces} value={workspaceId} onChange={changeWorkspace} testId="workspace" />
      {restored && (
        <p className="notice" role="status" data-testid="restored">
          {t('restored')}{' '}
          {prefill && <Button variant="link" onClick={startOver}>{t('startOver')}</Button>}
        </p>
      )}
      <Field label={t('title')} name="title" value={title} error={errors.byField.title} onChange={(event) => { setTitle(event.target.value); edited(); }} />
      <TextAreaField label={t('text')} name="body" value={body} error={errors.byField.body} onChange={(event) => { setBody(event.target.value); edited(); }} />
      <Field
        label={t('link')}
        name="url"
        type="url"
        value={link}
        error={errors.byField.url}
        placeholder="https://"
        hint={prefill && prefill.removedParameters.length > 0 && !keepTracking ? t('removed', { names: prefill.removedParameters.join(', ') }) : undefined}
        onChange={(event) => { setLink(event.target.value); submit.clearError(); }}
      />
      {prefill && prefill.removedParameters.length > 0 && (
        <CheckboxField checked={keepTracking} onChange={(event) => toggleTracking(event.target.checked)} data-testid="keep-tracking">
          {t('keepTracking')}
        </CheckboxField>
      )}
      <MediaTray workspaceId={workspaceId} tabId={context?.tabId ?? null} pageImage={prefill?.pageImage ?? null} media={media} onChange={(next) => { setMedia(next); submit.clearError(); }} />
      {memory.refreshError && channels && channels.length > 0 && <p className="hint" data-testid="channels-stale">{t('staleChannels', { message: memory.refreshError.message })}</p>}
      {memory.refreshError && (!channels || channels.length === 0) && <FormError message={memory.refreshError.message} testId="channels-error" />}
      <ChannelPicker
        channels={channels}
        selected={chosen}
        checks={checks}
        onChange={(ids) => {
          setSelected(ids);
          chosenHere.current.channels = true;
          submit.clearError();
          void sendMessage('rememberPopupChoices', { workspaceId, accountIds: ids }).catch(() => undefined);
        }}
      />
      {chosenChannels.map((channel) => (
        <ChannelCard
          key={channel.id}
          channel={channel}
          text={textFor(channel.id)}
          hasOverride={overrides[channel.id] !== undefined}
          check={checks[channel.id]!}
          preview={previewChannel(channel.platform, textFor(channel.id))}
          serviceErrors={errors.byChannel[channel.id] ?? []}
          onOverride={(text) => {
            setOverrides(({ [channel.id]: _, ...rest }) => (text === null ? rest : { ...rest, [channel.id]: text }));
            edited();
          }}
          workspaceId={workspaceId}
          postTitle={title}
          settings={settingsFor(channel)}
          onSettings={(next) => {
            setSettings((all) => ({ ...all, [channel.id]: next }));
            submit.clearError();
          }}
        />
      ))}
      {activeChannels.length > 0 && (
        <WhenPicker
          workspaceId={workspaceId}
          action={effectiveAction}
          onAction={(next) => { setAction(next); chosenHere.current.action = true; submit.clearError(); }}
          canPublish
          localTime={localTime}
          onLocalTime={(value) => { setLocalTime(value); submit.clearError(); }}
          timeZone={timeZone}
          minLocalTime={minLocalTime}
          onSlot={setSlot}
        />
      )}
      <div className="actions">
        <Button
          type="submit"
          pending={submit.pending}
          pendingLabel={publishing ? t('sending') : t('saving')}
          disabled={blockers.length > 0}
          aria-describedby={blockers.length > 0 ? blockersId : undefined}
          data-testid="submit"
        >
          {actionLabel(effectiveAction)}
        </Button>
        {blockers.length > 0 ? <p id={blockersId} className="hint" data-testid="blockers">{blockers.join(' ')}</p> : <p className="hint">{t('shortcut')}</p>}
      </div>
    </form>
  );
}
