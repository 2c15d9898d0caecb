import { startAnalyticsTracker } from '../lib/analytics/analytics-tracker.ts';
import { registerServiceWorker } from '../lib/browser-cache/register-service-worker.ts';
import { startVitalsTracker } from '../lib/rum/vitals-tracker.ts';

/**
 * What runs once the first page is on screen: the Web Vitals tracker, the visitor-analytics
 * beacons and the Service Worker. Its own chunk, loaded after the first paint, so none of them
 * costs the calculator's initial JS.
 */
export function startBackgroundTasks(): void {
  startVitalsTracker();
  startAnalyticsTracker();
  void registerServiceWorker();
  // A mark for end-to-end tests and curious people: vitals are being measured on this page.
  document.documentElement.dataset['rum'] = 'on';
}
