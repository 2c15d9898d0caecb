import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { adoptApiKeyFromFragment } from './lib/api-key.ts';
import { listenToServiceWorkerCache } from './lib/browser-cache/cache-counters.ts';
import './styles/global.css';

// Before the document finishes parsing, so no Service Worker cache report is dropped.
listenToServiceWorkerCache();
// A key in the address (`#key=…`, for wall screens) is stored before the first request is sent.
adoptApiKeyFromFragment();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

/**
 * The tracker and the Service Worker load after the page has painted and gone idle (web-vitals
 * reads buffered performance entries, so it still sees LCP, FCP and TTFB from before it loaded).
 */
const startWhenIdle = () => {
  const start = () => {
    void import('./app/background-tasks.ts').then(({ startBackgroundTasks }) => {
      startBackgroundTasks();
    });
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 3000 });
  else setTimeout(start, 200);
};
if (document.readyState === 'complete') startWhenIdle();
else window.addEventListener('load', startWhenIdle, { once: true });
