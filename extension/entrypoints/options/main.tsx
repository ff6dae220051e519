import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/styles.css';
import './options.css';
import { App } from './App.js';
import { followLocale } from '../../lib/i18n/index.js';
import { followTheme } from '../../lib/theme.js';
import { sendMessage } from '../../lib/messaging/protocol.js';

followTheme();
followLocale();
// Counted only if the person allows usage statistics (P7); the background decides.
void sendMessage('recordUsage', { name: 'options.opened', client: 'options', sessionId: crypto.randomUUID(), viewport: { width: innerWidth, height: innerHeight } }).catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
