import { Button } from '../../components/Button.js';
import { useAuthProviders } from '../../hooks/useAuthProviders.js';

interface GoogleButtonProps {
  pending: boolean;
  onClick: () => void;
  testId: string;
}

/**
 * "Continue with Google", shown only when the service offers it; in sandbox mode it says that a local
 * stand-in answers instead of Google. The action itself belongs to the form, which shows its errors.
 */
export function GoogleButton({ pending, onClick, testId }: GoogleButtonProps) {
  const providers = useAuthProviders();
  if (!providers?.google.enabled) return null;
  return (
    <div className="google-sign-in">
      <Button variant="secondary" pending={pending} pendingLabel="Waiting for Google…" onClick={onClick} data-testid={testId}>
        Continue with Google
      </Button>
      {providers.google.sandbox && (
        <p className="hint" data-testid="google-sandbox-hint">
          Sandbox: a local stand-in for Google answers, with made-up accounts.
        </p>
      )}
    </div>
  );
}
