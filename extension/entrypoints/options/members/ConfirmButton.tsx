import { useState } from 'react';
import { Button } from '../../../components/Button.js';
import { useLocale } from '../../../lib/i18n/react.js';
import { t } from './messages.js';

interface ConfirmButtonProps {
  /** The first button's text, e.g. "Remove". */
  label: string;
  /** The question shown after the first click, e.g. "Remove Ada from Team?". */
  question: string;
  /** The confirming button's text, e.g. "Yes, remove". */
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  testId?: string;
}

/** A button for something that cannot be undone: a first click asks, a second confirms. */
export function ConfirmButton({ label, question, confirmLabel, pending, onConfirm, testId }: ConfirmButtonProps) {
  useLocale();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="secondary" pending={pending} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </Button>
    );
  }
  return (
    <span className="actions" role="group" aria-label={question}>
      <span className="small">{question}</span>
      <Button
        variant="primary"
        pending={pending}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button variant="link" onClick={() => setAsking(false)}>
        {t('cancel')}
      </Button>
    </span>
  );
}
