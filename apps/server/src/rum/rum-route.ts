import {
  RUM_LIMITS,
  TARGETED_VITALS,
  VITAL_PHASES,
  parseRumBatch,
  rateVital,
} from '@taurine/vitals';
import type { RumBatch, VitalReport } from '@taurine/vitals';
import { readBeaconBody } from './beacon-body.ts';

export interface RumRecorder {
  distribution(name: string, value: number, tags: Record<string, string>): void;
  counter(name: string, value: number, tags: Record<string, string>): void;
}

const isTargeted = (name: VitalReport['name']) =>
  (TARGETED_VITALS as readonly string[]).includes(name);

/**
 * Records one vital: its value, its rating, and what caused it. The rating is always the server's
 * own from the shared thresholds: the browser's claim is only compared with it, and a disagreement
 * is counted (`webvitals.ratingMismatches`) rather than trusted, since any client can send any
 * rating. The element behind LCP, INP and CLS goes into `webvitals.targets.<vital>`, one metric per
 * vital, so the registry's series cap per metric bounds each one: selectors a hostile client
 * invents fold into the overflow series and cannot crowd out another vital's or the vital itself.
 */
function recordVital(
  recorder: RumRecorder,
  vital: VitalReport,
  tags: { route: string; device: string },
): void {
  const rating = rateVital(vital.name, vital.value);
  recorder.distribution(`webvitals.${vital.name}`, vital.value, tags);
  recorder.counter('webvitals.ratings', 1, { ...tags, metric: vital.name, rating });
  if (vital.rating !== undefined && vital.rating !== rating) {
    recorder.counter('webvitals.ratingMismatches', 1, {
      metric: vital.name,
      claimed: vital.rating,
      rating,
    });
  }
  const attribution = vital.attribution ?? {};
  if (isTargeted(vital.name) && attribution.target !== undefined) {
    const targetTags: Record<string, string> = { ...tags, target: attribution.target };
    if (attribution.interactionType !== undefined)
      targetTags['interaction'] = attribution.interactionType;
    recorder.distribution(`webvitals.targets.${vital.name}`, vital.value, targetTags);
  }
  for (const phase of VITAL_PHASES[vital.name]) {
    const duration = attribution[phase];
    if (duration !== undefined) {
      recorder.distribution('webvitals.phases', duration, { ...tags, metric: vital.name, phase });
    }
  }
}

function recordCache(recorder: RumRecorder, cache: RumBatch['cache']): void {
  for (const tier of cache) {
    if (tier.hits > 0)
      recorder.counter('browser.cache.lookups', tier.hits, { tier: tier.tier, outcome: 'hit' });
    if (tier.misses > 0)
      recorder.counter('browser.cache.lookups', tier.misses, { tier: tier.tier, outcome: 'miss' });
  }
}

export interface RumRouteOptions {
  recorder: RumRecorder;
  /** Called with the visitor id of each accepted batch (active users) and who sent it. */
  onSession?: (sessionId: string, request: Request, serverContext: Record<string, unknown>) => void;
}

/**
 * `POST /rum`: the browser's batched Web Vitals and cache-tier counters, in the beacon format of
 * `@taurine/vitals`. Accepts `text/plain` (what `navigator.sendBeacon` sends) and
 * `application/json`; answers 204, or 400 with every problem, 413 over 64 KiB, 429 with
 * `Retry-After` when one client sends too much (the access-control plugin's per-address limit).
 */
export function createRumRoute(options: RumRouteOptions) {
  // Rate limiting per client happens before this, in the access-control plugin.
  return async (
    request: Request,
    _url?: URL,
    serverContext: Record<string, unknown> = {},
  ): Promise<Response> => {
    const read = await readBeaconBody(request, RUM_LIMITS.maxBytes);
    if (!read.ok) return read.response;
    const parsed = parseRumBatch(read.body);
    if (!parsed.ok)
      return Response.json({ error: 'Invalid batch', problems: parsed.problems }, { status: 400 });

    const { route, device, vitals, cache, sessionId } = parsed.batch;
    for (const vital of vitals) recordVital(options.recorder, vital, { route, device });
    recordCache(options.recorder, cache);
    if (sessionId) options.onSession?.(sessionId, request, serverContext);
    return new Response(null, { status: 204 });
  };
}
