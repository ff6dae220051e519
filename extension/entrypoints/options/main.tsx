import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/styles.css';
import './options.css';
import { App } from './App.js';
import { followLocale } from '../../lib/i18n/index.js';
import { followTheme } from '../../lib/theme.js';

followTheme();
followLocale();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
