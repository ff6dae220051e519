// First: its request to the background is sent before the rest of the popup is evaluated.
import { firstState } from './first-state.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/styles.css';
import './popup.css';
import { followLocale } from '../../lib/i18n/index.js';
import { readStateSnapshot } from '../../lib/state-snapshot.js';
import { followTheme } from '../../lib/theme.js';
import { App } from './App.js';
import { prefillFromUrl } from './prefill.js';

// Before the first render: the popup opens in the chosen colours and language, and follows a change made
// in the options page while it is open.
followTheme();
followLocale();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App override={prefillFromUrl(location.search)} firstState={firstState} snapshot={readStateSnapshot()} />
  </StrictMode>,
);
