import type { FeatureName } from '@taurine/vitals';
import {
  VISIT_STORAGE_KEY,
  addFeatureUse,
  addPageView,
  newVisitState,
  nextBeacon,
  parseVisitState,
} from './visit-state.ts';
import type { VisitState } from './visit-state.ts';

/** Where beacons go: a plain route, since `sendBeacon` bodies are text/plain. */
export const ANALYTICS_ENDPOINT = '/analytics';

let state: VisitState | undefined;

const storage = (): Storage | undefined => {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
};

/** This tab's visit, from sessionStorage, or a new one (in memory where storage is blocked). */
function visit(): VisitState {
  if (state !== undefined) return state;
  let stored: string | null = null;
  try {
    stored = storage()?.getItem(VISIT_STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  state =
    parseVisitState(stored) ??
    newVisitState(Date.now(), (length) => crypto.getRandomValues(new Uint8Array(length)));
  return state;
}

function save(current: VisitState): void {
  try {
    storage()?.setItem(VISIT_STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Storage full or blocked: the totals live on in memory for this page.
  }
}

/** Counts a page view of `pathname` (the SPA's router calls it on every navigation). */
export function recordPageView(pathname: string): void {
  const current = visit();
  addPageView(current, pathname);
  save(current);
}

/** Counts one use of an allow-listed feature (calculator actions, filters, presets). */
export function trackFeature(feature: FeatureName): void {
  const current = visit();
  addFeatureUse(current, feature);
  save(current);
}

/** Sends the visit's totals; `ended` when the page is going away. Never throws. */
function sendTotals(ended: boolean): void {
  const current = visit();
  const body = JSON.stringify(nextBeacon(current, Date.now(), ended));
  save(current);
  try {
    if (typeof navigator.sendBeacon === 'function') {
      navigator.sendBeacon(ANALYTICS_ENDPOINT, body);
      return;
    }
    void fetch(ANALYTICS_ENDPOINT, {
      method: 'POST',
      body,
      keepalive: true,
      headers: { 'content-type': 'text/plain' },
    }).catch(() => undefined);
  } catch {
    // Telemetry never disturbs the visitor; the next beacon carries these totals again.
  }
}

let started = false;

/**
 * Sends the tab's running totals with `sendBeacon` when the page is hidden, and a last beacon
 * that ends the session on `pagehide`. Every beacon carries the totals since the tab's session
 * began, so the server loses nothing when one beacon is lost and counts nothing twice.
 */
export function startAnalyticsTracker(): void {
  if (started) return;
  started = true;
  // Unloading fires pagehide and then visibilitychange: after the beacon that ended the session,
  // nothing more is sent until the page comes back from the back/forward cache.
  let ended = false;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && !ended) sendTotals(false);
  });
  window.addEventListener('pagehide', () => {
    if (ended) return;
    ended = true;
    sendTotals(true);
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) ended = false;
  });
}
