import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/styles.css';
import './dashboard.css';
import { followLocale } from '../../lib/i18n/index.js';
import { followTheme } from '../../lib/theme.js';
import { sendMessage } from '../../lib/messaging/protocol.js';
import { App } from './App.js';

followTheme();
followLocale();
// Counted only if the person allows usage statistics (P7); the background decides.
void sendMessage('recordUsage', { name: 'dashboard.opened', client: 'dashboard', sessionId: crypto.randomUUID(), viewport: { width: innerWidth, height: innerHeight } }).catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
