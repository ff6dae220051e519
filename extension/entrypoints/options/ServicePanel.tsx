import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button.js';
import { Field } from '../../components/Field.js';
import { formErrors } from '../../components/field-errors.js';
import { useAction } from '../../hooks/useAction.js';
import { defineMessages } from '../../lib/i18n/index.js';
import { useLocale } from '../../lib/i18n/react.js';
import { sendMessage, type ExtensionState } from '../../lib/messaging/protocol.js';

const t = defineMessages({
  en: { title: 'Service', url: 'Service URL', hint: "Where your team's Minopa runs. Changing it signs you out.", saving: 'Saving…', save: 'Save service URL', saved: 'Saved.' },
  de: { title: 'Dienst', url: 'Adresse des Dienstes', hint: 'Wo das Minopa Ihres Teams läuft. Eine Änderung meldet Sie ab.', saving: 'Wird gespeichert…', save: 'Adresse speichern', saved: 'Gespeichert.' },
});

interface ServicePanelProps {
  state: ExtensionState;
  onState: (state: ExtensionState) => void;
}

/** The address of the Minopa service this extension talks to. */
export function ServicePanel({ state, onState }: ServicePanelProps) {
  useLocale();
  const [url, setUrl] = useState(state.serviceUrl);
  const [saved, setSaved] = useState(false);
  // Follow changes made elsewhere (another tab), but only while the field holds no edit of its own.
  const [base, setBase] = useState(state.serviceUrl);
  useEffect(() => {
    if (state.serviceUrl !== base) {
      if (url === base) setUrl(state.serviceUrl);
      setBase(state.serviceUrl);
    }
  }, [state.serviceUrl, base, url]);

  const save = useAction(async () => {
    setSaved(false);
    onState(await sendMessage('setServiceUrl', { url }));
    setSaved(true);
  });
  const errors = formErrors(save.error, (path) => (path === 'serviceUrl' ? path : null));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save.run();
  };

  return (
    <section className="card" aria-labelledby="service-title">
      <h2 id="service-title">{t('title')}</h2>
      <form onSubmit={onSubmit} noValidate data-testid="service-form">
        <Field
          label={t('url')}
          name="serviceUrl"
          type="url"
          value={url}
          onChange={(event) => {
            setUrl(event.target.value);
            setSaved(false);
          }}
          error={errors.byField.serviceUrl ?? errors.summary ?? undefined}
          hint={t('hint')}
          data-testid="service-url"
        />
        <div className="actions">
          <Button type="submit" variant="secondary" pending={save.pending} pendingLabel={t('saving')} data-testid="service-url-save">
            {t('save')}
          </Button>
          <span className="small muted" role="status" aria-live="polite">{saved ? t('saved') : ''}</span>
        </div>
      </form>
    </section>
  );
}
