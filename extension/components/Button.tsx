import type { ButtonHTMLAttributes } from 'react';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** While true the button is disabled, busy, and shows `pendingLabel`. */
  pending?: boolean;
  pendingLabel?: string;
  variant?: 'primary' | 'secondary' | 'link';
}

/** A button that shows its action's progress. Its accessible name stays the same while pending. */
export function Button({ pending = false, pendingLabel, variant = 'primary', children, disabled, className, ...rest }: ButtonProps) {
  return (
    <button
      type="button"
      className={[`button button-${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...rest}
    >
      {pending && pendingLabel ? (
        <>
          <span aria-hidden="true">{pendingLabel}</span>
          <span className="visually-hidden">{children}</span>
        </>
      ) : (
        children
      )}
    </button>
  );
}
