import { ANALYTICS_LIMITS, parseAnalyticsBeacon } from '@taurine/vitals';
import { readBeaconBody } from '../rum/beacon-body.ts';
import type { VisitorAnalytics } from './visitor-analytics.ts';

/**
 * `POST /analytics`: a tab's visitor-analytics beacon (`@taurine/vitals`' `AnalyticsBeacon`), sent
 * with `sendBeacon` when the page is hidden or goes away. Answers 204 (a repeated beacon too: it
 * is valid and adds nothing), 400 with every problem and nothing recorded, 413 over 16 KiB, 415
 * for another content type; the access-control plugin's per-address rate limit comes first.
 */
export function createAnalyticsRoute(options: { analytics: VisitorAnalytics; now?: () => number }) {
  const now = options.now ?? Date.now;
  return async (request: Request): Promise<Response> => {
    const read = await readBeaconBody(request, ANALYTICS_LIMITS.maxBytes);
    if (!read.ok) return read.response;
    const parsed = parseAnalyticsBeacon(read.body);
    if (!parsed.ok)
      return Response.json({ error: 'Invalid beacon', problems: parsed.problems }, { status: 400 });
    options.analytics.accept(parsed.beacon, now());
    return new Response(null, { status: 204 });
  };
}
