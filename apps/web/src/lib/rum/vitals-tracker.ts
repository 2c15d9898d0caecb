import { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals/attribution';
import type { MetricWithAttribution } from 'web-vitals/attribution';
import { normaliseAttribution } from '@taurine/vitals';
import type { VitalAttribution, VitalReport } from '@taurine/vitals';
import { restoreCacheCounts, takeCacheCounts } from '../browser-cache/cache-counters.ts';
import { getSessionId } from '../session-id.ts';
import { currentDeviceSignals, deviceType } from './device-type.ts';
import { routeName } from './route-name.ts';
import { createVitalsQueue } from './vitals-queue.ts';

/** Where batches go: a plain route, since `sendBeacon` bodies are text/plain. */
export const RUM_ENDPOINT = '/rum';

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * web-vitals' attribution with the element under the beacon's name `target`; LCP, FCP and TTFB
 * already use the beacon's field names.
 */
function withTarget(metric: MetricWithAttribution): unknown {
  switch (metric.name) {
    case 'INP':
      return { ...metric.attribution, target: metric.attribution.interactionTarget };
    case 'CLS':
      return { ...metric.attribution, target: metric.attribution.largestShiftTarget };
    default:
      return metric.attribution;
  }
}

/**
 * What was slow, and which part of it: the LCP element, INP target or CLS largest shift source as
 * a selector, and the phases the time went to, bounded as `/rum` bounds them (`@taurine/vitals`).
 */
export function summariseAttribution(metric: MetricWithAttribution): VitalAttribution {
  return normaliseAttribution(metric.name, withTarget(metric));
}

/** `navigator.sendBeacon`, or a keepalive fetch where there is none. */
const sendBeacon = (body: string): boolean => {
  if (typeof navigator.sendBeacon === 'function') return navigator.sendBeacon(RUM_ENDPOINT, body);
  void fetch(RUM_ENDPOINT, {
    method: 'POST',
    body,
    keepalive: true,
    headers: { 'content-type': 'text/plain' },
  }).catch(() => undefined);
  return true;
};

let started = false;

/**
 * Measures LCP, INP, CLS, FCP and TTFB of this page load (with attribution) and sends them, with
 * the browser cache tiers' counts, to `/rum` whenever the page is hidden or unloaded. Vitals are
 * tagged with the route the page was loaded on, as CrUX tags them with the page's URL.
 */
export function startVitalsTracker(): void {
  if (started) return;
  started = true;
  const queue = createVitalsQueue({
    route: routeName(location.pathname),
    device: deviceType(currentDeviceSignals()),
    sessionId: getSessionId(),
    takeCacheCounts,
    restoreCacheCounts,
    send: sendBeacon,
  });
  const record = (metric: MetricWithAttribution) => {
    const vital: VitalReport = {
      name: metric.name,
      value: round(metric.value),
      id: metric.id,
      rating: metric.rating,
      attribution: summariseAttribution(metric),
    };
    queue.add(vital);
  };
  onLCP(record);
  onINP(record);
  onCLS(record);
  onFCP(record);
  onTTFB(record);

  // On `document`, so these run after web-vitals' own capture listeners on `window` have queued
  // the final CLS, INP and LCP values.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') queue.flush();
  });
  window.addEventListener('pagehide', () => {
    queue.flush();
  });
}
