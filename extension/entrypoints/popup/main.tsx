import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/styles.css';
import './popup.css';
import { App } from './App.js';
import { prefillFromUrl } from './prefill.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App override={prefillFromUrl(location.search)} />
  </StrictMode>,
);
