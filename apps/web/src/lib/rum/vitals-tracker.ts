import { onCLS, onFCP, onINP, onLCP, onTTFB } from 'web-vitals/attribution';
import type { MetricWithAttribution } from 'web-vitals/attribution';
import { restoreCacheCounts, takeCacheCounts } from '../browser-cache/cache-counters.ts';
import { getSessionId } from '../session-id.ts';
import { currentDeviceSignals, deviceType } from './device-type.ts';
import { routeName } from './route-name.ts';
import { createVitalsQueue } from './vitals-queue.ts';
import type { QueuedVital } from './vitals-queue.ts';

/** Where batches go: a plain route, since `sendBeacon` bodies are text/plain. */
export const RUM_ENDPOINT = '/rum';

const round = (value: number) => Math.round(value * 1000) / 1000;
const text = (value: string | undefined) => (value === undefined ? undefined : value.slice(0, 120));

/** The few attribution fields worth sending: what was slow, and which part of it. */
export function summariseAttribution(
  metric: MetricWithAttribution,
): Record<string, string | number> {
  const picked: Record<string, string | number | undefined> = {};
  switch (metric.name) {
    case 'LCP': {
      const a = metric.attribution;
      Object.assign(picked, {
        target: text(a.target),
        url: text(a.url),
        timeToFirstByte: a.timeToFirstByte,
        resourceLoadDelay: a.resourceLoadDelay,
        resourceLoadDuration: a.resourceLoadDuration,
        elementRenderDelay: a.elementRenderDelay,
      });
      break;
    }
    case 'INP': {
      const a = metric.attribution;
      Object.assign(picked, {
        target: text(a.interactionTarget),
        interactionType: a.interactionType,
        inputDelay: a.inputDelay,
        processingDuration: a.processingDuration,
        presentationDelay: a.presentationDelay,
      });
      break;
    }
    case 'CLS': {
      const a = metric.attribution;
      Object.assign(picked, {
        target: text(a.largestShiftTarget),
        largestShiftValue: a.largestShiftValue,
      });
      break;
    }
    case 'FCP': {
      const a = metric.attribution;
      Object.assign(picked, {
        timeToFirstByte: a.timeToFirstByte,
        firstByteToFCP: a.firstByteToFCP,
      });
      break;
    }
    case 'TTFB': {
      const a = metric.attribution;
      Object.assign(picked, {
        waitingDuration: a.waitingDuration,
        dnsDuration: a.dnsDuration,
        connectionDuration: a.connectionDuration,
        requestDuration: a.requestDuration,
      });
      break;
    }
  }
  const summary: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(picked)) {
    if (typeof value === 'number' && Number.isFinite(value)) summary[key] = round(value);
    else if (typeof value === 'string' && value !== '') summary[key] = value;
  }
  return summary;
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
    const vital: QueuedVital = {
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
