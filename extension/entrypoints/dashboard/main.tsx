import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/styles.css';
import './dashboard.css';
import { followLocale } from '../../lib/i18n/index.js';
import { followTheme } from '../../lib/theme.js';
import { App } from './App.js';

followTheme();
followLocale();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
