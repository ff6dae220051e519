import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { draftFromCapture } from '#shared/capture/draft-text.js';
import { Button } from '../../components/Button.js';
import { Field, TextAreaField } from '../../components/Field.js';
import { formErrors } from '../../components/field-errors.js';
import { FormError } from '../../components/FormError.js';
import { WorkspaceSelect } from '../../components/WorkspaceSelect.js';
import { useAction } from '../../hooks/useAction.js';
import type { ConnectedAccount } from '#shared/api/accounts.js';
import { sendMessage, type ExtensionState, type PublishPostResult, type SaveDraftResult, type TabContext } from '../../lib/messaging/protocol.js';
import { ChannelPicker } from './ChannelPicker.js';

/** What the main button does once the draft is saved. */
type Action = 'draft' | 'now' | 'queue' | 'at';
const ACTION_LABELS: Record<Action, string> = { draft: 'Save draft', now: 'Post now', queue: 'Add to queue', at: 'Schedule' };

/** Service paths → inputs of the composer. */
const FIELD_FOR: Record<string, string> = { url: 'url', 'draft.title': 'title', 'draft.body': 'body', title: 'title' };

/** The draft's starting text: the same the service would write for this page (a selection becomes a quote). */
function initialDraft(context: TabContext) {
  const draft = draftFromCapture({
    clientId: '',
    kind: context.selectionText ? 'selection' : 'page',
    url: context.url,
    title: context.title || undefined,
    selectionText: context.selectionText || undefined,
    page: context.page,
  });
  return { title: draft.title ?? '', body: context.url || context.selectionText ? draft.body : '' };
}

function preselect(state: ExtensionState): string {
  const usable = (id: string | null) => state.workspaces.some((workspace) => workspace.id === id && workspace.role !== 'viewer');
  if (usable(state.popupWorkspaceId)) return state.popupWorkspaceId!;
  if (usable(state.defaultWorkspaceId)) return state.defaultWorkspaceId!;
  return state.workspaces.find((workspace) => workspace.role !== 'viewer')?.id ?? '';
}

/** Title, text, link and workspace of a new draft, and "Save draft". */
export function Composer({ state, context }: { state: ExtensionState; context: TabContext }) {
  const initial = useMemo(() => initialDraft(context), [context]);
  const [workspaceId, setWorkspaceId] = useState(() => preselect(state));
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const [url, setUrl] = useState(context.url);
  const [result, setResult] = useState<SaveDraftResult | null>(null);
  const [accounts, setAccounts] = useState<ConnectedAccount[]>([]);
  const [channels, setChannels] = useState<string[]>([]);
  const [action, setAction] = useState<Action>('draft');
  const [localTime, setLocalTime] = useState('');
  const [published, setPublished] = useState<PublishPostResult | null>(null);
  useEffect(() => {
    setAccounts([]);
    setChannels([]);
    if (!workspaceId) return;
    // Channels are a bonus here: the draft can always be saved, even when they cannot be read.
    sendMessage('getChannels', { workspaceId }).then(
      (data) => setAccounts(data.accounts),
      () => setAccounts([]),
    );
  }, [workspaceId]);
  // The first state may come from an empty cache; choose once the refreshed workspaces arrive.
  useEffect(() => {
    if (!workspaceId) setWorkspaceId(preselect(state));
  }, [state, workspaceId]);

  const save = useAction(async () => {
    const saved =
      result ??
      (await sendMessage('saveDraft', {
        workspaceId,
        url,
        pageTitle: context.url === url ? context.title : undefined,
        selectionText: context.url === url ? context.selectionText : undefined,
        page: context.url === url ? context.page : undefined,
        draft: { title, body },
      }));
    setResult(saved);
    if (action === 'draft' || saved.status !== 'saved') return;
    const schedule = action === 'at' ? { when: 'at' as const, localTime } : { when: action };
    setPublished(await sendMessage('publishPost', { workspaceId, postId: saved.postId, accountIds: channels, schedule }));
  });
  const errors = formErrors(save.error, (path) => FIELD_FOR[path] ?? null);
  // Editing after a save starts a new draft; an unchanged form is not saved twice.
  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setResult(null);
    setPublished(null);
  };
  const publishing = action !== 'draft';
  const ready = Boolean(workspaceId) && (!publishing || (channels.length > 0 && (action !== 'at' || localTime !== '')));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };

  return (
    <form onSubmit={onSubmit} noValidate data-testid="composer">
      <FormError message={errors.summary} />
      <WorkspaceSelect label="Workspace" workspaces={state.workspaces} value={workspaceId} onChange={edit(setWorkspaceId)} testId="workspace" />
      <Field label="Title" name="title" value={title} error={errors.byField.title} onChange={(event) => edit(setTitle)(event.target.value)} />
      <TextAreaField label="Text" name="body" value={body} error={errors.byField.body} onChange={(event) => edit(setBody)(event.target.value)} />
      <Field label="Link" name="url" type="url" value={url} error={errors.byField.url} placeholder="https://" onChange={(event) => edit(setUrl)(event.target.value)} />
      <ChannelPicker accounts={accounts} selected={channels} onChange={(ids) => { setChannels(ids); setPublished(null); }} />
      {accounts.length > 0 && (
        <fieldset className="when" data-testid="when">
          <legend>When</legend>
          {(Object.keys(ACTION_LABELS) as Action[]).map((value) => (
            <label key={value}>
              <input type="radio" name="action" value={value} checked={action === value} onChange={() => { setAction(value); setPublished(null); }} data-testid={`action-${value}`} />
              {value === 'draft' ? 'Keep as draft' : value === 'now' ? 'Now' : value === 'queue' ? 'Next free slot' : 'At…'}
            </label>
          ))}
          {action === 'at' && (
            <input type="datetime-local" aria-label="Date and time (workspace time zone)" value={localTime} onChange={(event) => { setLocalTime(event.target.value); setPublished(null); }} data-testid="local-time" />
          )}
        </fieldset>
      )}
      {result && !published && (
        <p className="notice-success" role="status" data-testid="save-status">
          {result.status === 'saved'
            ? `Saved to ${result.workspaceName}`
            : `The service cannot be reached right now. Your draft is kept and will be saved to ${result.workspaceName} when it is back${publishing ? '; schedule it then' : ''}.`}
        </p>
      )}
      {published && (
        <p className="notice-success" role="status" data-testid="publish-status">
          {action === 'now'
            ? `Publishing now to ${published.channels} channel${published.channels === 1 ? '' : 's'}.`
            : `Scheduled to ${published.channels} channel${published.channels === 1 ? '' : 's'} for ${published.dueAt ? new Date(published.dueAt).toLocaleString() : 'the next slot'}.`}
        </p>
      )}
      <div className="actions">
        <Button
          type="submit"
          pending={save.pending}
          pendingLabel={publishing ? 'Sending…' : 'Saving…'}
          disabled={!ready || (result !== null && (!publishing || published !== null))}
          data-testid="save-draft"
        >
          {ACTION_LABELS[action]}
        </Button>
      </div>
    </form>
  );
}
