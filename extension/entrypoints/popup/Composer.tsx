import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { draftFromCapture } from '#shared/capture/draft-text.js';
import { Button } from '../../components/Button.js';
import { Field, TextAreaField } from '../../components/Field.js';
import { formErrors } from '../../components/field-errors.js';
import { FormError } from '../../components/FormError.js';
import { WorkspaceSelect } from '../../components/WorkspaceSelect.js';
import { useAction } from '../../hooks/useAction.js';
import { sendMessage, type ExtensionState, type SaveDraftResult, type TabContext } from '../../lib/messaging/protocol.js';

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
  // The first state may come from an empty cache; choose once the refreshed workspaces arrive.
  useEffect(() => {
    if (!workspaceId) setWorkspaceId(preselect(state));
  }, [state, workspaceId]);

  const save = useAction(async () => {
    setResult(
      await sendMessage('saveDraft', {
        workspaceId,
        url,
        pageTitle: context.url === url ? context.title : undefined,
        selectionText: context.url === url ? context.selectionText : undefined,
        page: context.url === url ? context.page : undefined,
        draft: { title, body },
      }),
    );
  });
  const errors = formErrors(save.error, (path) => FIELD_FOR[path] ?? null);
  // Editing after a save starts a new draft; an unchanged form is not saved twice.
  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setResult(null);
  };
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
      {result && (
        <p className="notice-success" role="status" data-testid="save-status">
          {result.status === 'saved'
            ? `Saved to ${result.workspaceName}`
            : `The service cannot be reached right now. Your draft is kept and will be saved to ${result.workspaceName} when it is back.`}
        </p>
      )}
      <div className="actions">
        <Button type="submit" pending={save.pending} pendingLabel="Saving…" disabled={result !== null || !workspaceId} data-testid="save-draft">
          Save draft
        </Button>
      </div>
    </form>
  );
}
