import { useEffect, useState } from 'react';
import { sendMessage, type AuthProvidersView } from '../lib/messaging/protocol.js';

/** Which sign-in methods the service offers; null while unknown or when the service cannot be asked. */
export function useAuthProviders(): AuthProvidersView | null {
  const [providers, setProviders] = useState<AuthProvidersView | null>(null);
  useEffect(() => {
    let live = true;
    sendMessage('getAuthProviders').then(
      (answer) => live && setProviders(answer),
      () => live && setProviders(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return providers;
}
