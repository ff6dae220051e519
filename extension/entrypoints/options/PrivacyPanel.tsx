import { useEffect, useState } from 'react';
import type { CurrentLegalDocuments } from '#shared/api/legal.js';
import { sendMessage } from '../../lib/messaging/protocol.js';

/**
 * Where email preferences and privacy live in the options page. Today: the documents that apply and how
 * email choices work; consent and email preferences per kind, export and deletion come here next.
 */
export function PrivacyPanel() {
  const [documents, setDocuments] = useState<CurrentLegalDocuments | null>(null);
  useEffect(() => {
    sendMessage('getLegalDocuments').then(setDocuments, () => setDocuments(null));
  }, []);
  return (
    <section className="card" id="privacy" aria-labelledby="privacy-title" data-testid="privacy-panel">
      <h2 id="privacy-title">Email and privacy</h2>
      <p>
        Every email Minopa sends has an unsubscribe link that works at once, without signing in. Emails about your account and
        its security are always sent.
      </p>
      {documents && (
        <p>
          <a href={documents.privacy.url} target="_blank" rel="noreferrer">
            Privacy Policy
          </a>{' '}
          (version {documents.privacy.version}) ·{' '}
          <a href={documents.terms.url} target="_blank" rel="noreferrer">
            Terms of Service
          </a>{' '}
          (version {documents.terms.version})
        </p>
      )}
    </section>
  );
}
