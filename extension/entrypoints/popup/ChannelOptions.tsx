import { useId, type ReactNode } from 'react';
import type { Issue } from '#shared/publishing/issues.js';
import { PLATFORM_NAMES, type PlatformId } from '#shared/platforms.js';
import { extraFields, isRequiredOption, OPTION_INPUTS, type ChannelSettings, type OptionInput } from '../../lib/composer-options.js';
import { useLocale } from '../../lib/i18n/react.js';
import { choiceLabel, optionLabel, optionText as t } from './option-messages.js';
import { PinterestBoardSelect } from './PinterestBoardSelect.js';

/** Most parts X and Threads take in a thread (TargetOverrides.threadParts). */
const MAX_THREAD_PARTS = 25;

/** True when the card shows a problem of `field` under its own input (not in the card's list). */
export function shownUnderField(platform: PlatformId, field: string): boolean {
  const fields = extraFields(platform);
  if (field.startsWith('options.')) return OPTION_INPUTS[platform].some((input) => `options.${input.key}` === field);
  if (field === 'title') return fields.title;
  if (field === 'firstComment') return fields.firstComment;
  return fields.threads && /^threadParts\.\d+$/.test(field);
}

interface ChannelOptionsProps {
  platform: PlatformId;
  accountId: string;
  workspaceId: string;
  settings: ChannelSettings;
  onChange: (settings: ChannelSettings) => void;
  /** The channel's problems; those of a field are shown under it. */
  issues: readonly Issue[];
  postTitle: string;
}

/** A channel's own title, first comment, thread and network options, as its network's schema defines them. */
export function ChannelOptions({ platform, accountId, workspaceId, settings, onChange, issues, postTitle }: ChannelOptionsProps) {
  const language = useLocale();
  const baseId = useId();
  const fields = extraFields(platform);
  const inputs = OPTION_INPUTS[platform];
  if (inputs.length === 0 && !fields.title && !fields.firstComment && !fields.threads) return null;
  const network = PLATFORM_NAMES[platform];
  const errorsOf = (field: string) => issues.filter((issue) => issue.field === field).map((issue) => issue.sentence[language]);
  const setOption = (key: string, value: string | boolean) => onChange({ ...settings, options: { ...settings.options, [key]: value } });

  return (
    <fieldset className="channel-options" data-testid={`options-${platform}`}>
      <legend>{t('legend', { network })}</legend>
      {fields.title && (
        <Row id={`${baseId}-title`} field="title" label={t('titleOwn', { network })} required={fields.titleRequired && postTitle.trim() === ''} hint={t('titleHint')} errors={errorsOf('title')}>
          {(props) => <input {...props} type="text" value={settings.title} placeholder={postTitle} onChange={(event) => onChange({ ...settings, title: event.target.value })} />}
        </Row>
      )}
      {inputs.map((input) => (
        <Row
          key={input.key}
          id={`${baseId}-${input.key}`}
          field={`options.${input.key}`}
          label={optionLabel(platform, input.key)}
          required={isRequiredOption(platform, input.key)}
          errors={errorsOf(`options.${input.key}`)}
          checkbox={input.kind === 'checkbox'}
        >
          {(props) =>
            input.kind === 'board' ? (
              <PinterestBoardSelect
                id={props.id}
                workspaceId={workspaceId}
                accountId={accountId}
                value={String(settings.options[input.key] ?? '')}
                onChange={(value) => setOption(input.key, value)}
                describedBy={props['aria-describedby']}
                invalid={props['aria-invalid'] === true}
              />
            ) : (
              <OptionControl platform={platform} input={input} value={settings.options[input.key] ?? ''} onChange={(value) => setOption(input.key, value)} props={props} />
            )
          }
        </Row>
      ))}
      {fields.firstComment && (
        <Row id={`${baseId}-comment`} field="firstComment" label={t('firstComment')} hint={t('firstCommentHint')} errors={errorsOf('firstComment')}>
          {(props) => <textarea {...props} className="short" value={settings.firstComment} onChange={(event) => onChange({ ...settings, firstComment: event.target.value })} />}
        </Row>
      )}
      {fields.threads && <ThreadParts baseId={baseId} settings={settings} onChange={onChange} errorsOf={errorsOf} />}
    </fieldset>
  );
}

interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  'aria-required': true | undefined;
}

/** One labelled input with its hint and the rules it breaks (named by the shared validation). */
function Row({ id, field, label, required = false, hint, errors, checkbox = false, children }: {
  id: string;
  /** The target's field (`options.boardId`), naming the error for tests. */
  field: string;
  label: string;
  required?: boolean;
  hint?: string;
  errors: string[];
  checkbox?: boolean;
  children: (props: ControlProps) => ReactNode;
}) {
  const describedBy = [errors.length > 0 ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const control = children({ id, 'aria-describedby': describedBy, 'aria-invalid': errors.length > 0 ? true : undefined, 'aria-required': required ? true : undefined });
  const labelText = (
    <>
      {label}
      {required && <span className="required"> {t('required')}</span>}
    </>
  );
  return (
    <div className={checkbox ? 'field checkbox-field' : 'field'}>
      {checkbox ? (
        <div className="checkbox-row">
          {control}
          <label htmlFor={id}>{labelText}</label>
        </div>
      ) : (
        <>
          <label htmlFor={id}>{labelText}</label>
          {control}
        </>
      )}
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {errors.length > 0 && (
        <p id={`${id}-error`} className="field-error" data-testid={`error-${field}`}>{errors.join(' ')}</p>
      )}
    </div>
  );
}

/** A select, text box or checkbox for one option of the schema. */
function OptionControl({ platform, input, value, onChange, props }: {
  platform: PlatformId;
  input: Exclude<OptionInput, { kind: 'board' }>;
  value: string | boolean;
  onChange: (value: string | boolean) => void;
  props: ControlProps;
}) {
  const testId = `option-${platform}-${input.key}`;
  if (input.kind === 'checkbox') {
    return <input {...props} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} data-testid={testId} />;
  }
  if (input.kind !== 'select') {
    return <input {...props} type={input.kind === 'url' ? 'url' : 'text'} placeholder={input.kind === 'url' ? 'https://' : undefined} value={String(value)} onChange={(event) => onChange(event.target.value)} data-testid={testId} />;
  }
  // A select without a "network decides" choice starts on "Choose…" until the person picks (TikTok asks them to).
  const empty = input.emptyMeansDefault ? choiceLabel(platform, input.key, '') : t('notChosen');
  return (
    <select {...props} value={String(value)} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
      {(value === '' || input.emptyMeansDefault) && <option value="">{empty}</option>}
      {input.values.map((choice) => <option key={choice} value={choice}>{choiceLabel(platform, input.key, choice)}</option>)}
    </select>
  );
}

/** X and Threads: further posts, each replying to the one before. */
function ThreadParts({ baseId, settings, onChange, errorsOf }: {
  baseId: string;
  settings: ChannelSettings;
  onChange: (settings: ChannelSettings) => void;
  errorsOf: (field: string) => string[];
}) {
  const parts = settings.threadParts;
  const setParts = (threadParts: string[]) => onChange({ ...settings, threadParts });
  return (
    <div className="thread-parts">
      <p className="hint">{t('threadHint')}</p>
      {parts.map((part, index) => (
        // Post 1 is the channel's text: parts start at 2.
        <Row key={index} id={`${baseId}-part-${index}`} field={`threadParts.${index}`} label={t('threadPart', { number: index + 2 })} errors={errorsOf(`threadParts.${index}`)}>
          {(props) => (
            <div className="thread-part">
              <textarea {...props} className="short" value={part} onChange={(event) => setParts(parts.map((other, at) => (at === index ? event.target.value : other)))} />
              <button type="button" className="media-remove" aria-label={t('removePart', { number: index + 2 })} onClick={() => setParts(parts.filter((_, at) => at !== index))}>
                ×
              </button>
            </div>
          )}
        </Row>
      ))}
      {parts.length < MAX_THREAD_PARTS && (
        <button type="button" className="button button-link" onClick={() => setParts([...parts, ''])} data-testid="add-thread-part">
          {t('addPart')}
        </button>
      )}
    </div>
  );
}
