/** Where vite-plugin-pwa writes the generated worker. */
export const SERVICE_WORKER_URL = '/sw.js';

/**
 * Registers the Service Worker that precaches the app shell and caches the calculator's data.
 * Production builds only: in development Vite serves modules that must never be cached. The
 * worker calls `clients.claim()`, so it controls this page as soon as it is active.
 */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return null;
  try {
    return await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' });
  } catch (error) {
    // Offline support is a bonus: a failed registration must not disturb the page.
    console.warn('Service Worker registration failed', error);
    return null;
  }
}
