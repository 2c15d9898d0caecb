/** Web Vitals the tracker sends, with web-vitals' own good / poor thresholds. */
export const WEB_VITAL_THRESHOLDS = {
  LCP: { good: 2500, poor: 4000, max: 600_000 },
  INP: { good: 200, poor: 500, max: 600_000 },
  CLS: { good: 0.1, poor: 0.25, max: 100 },
  FCP: { good: 1800, poor: 3000, max: 600_000 },
  TTFB: { good: 800, poor: 1800, max: 600_000 },
} as const;

export type WebVitalName = keyof typeof WEB_VITAL_THRESHOLDS;

/** Largest accepted `/rum` body: a page's whole batch is far smaller. */
export const RUM_MAX_BYTES = 64 * 1024;

const DEVICES = ['mobile', 'tablet', 'desktop'] as const;
const BROWSER_CACHE_TIERS = ['serviceWorker', 'localStorage'] as const;

export interface RumRecorder {
  distribution(name: string, value: number, tags: Record<string, string>): void;
  counter(name: string, value: number, tags: Record<string, string>): void;
}

export interface RumBatch {
  route: string;
  device: (typeof DEVICES)[number];
  sessionId: string | null;
  vitals: { name: WebVitalName; value: number; id: string }[];
  cache: { tier: (typeof BROWSER_CACHE_TIERS)[number]; hits: number; misses: number }[];
}

export const rateVital = (
  name: WebVitalName,
  value: number,
): 'good' | 'needs-improvement' | 'poor' => {
  const threshold = WEB_VITAL_THRESHOLDS[name];
  return value <= threshold.good ? 'good' : value <= threshold.poor ? 'needs-improvement' : 'poor';
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1_000_000;

/** Validates a parsed body; returns the batch or every problem found. Never throws. */
export function parseRumBatch(
  body: unknown,
): { ok: true; batch: RumBatch } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (!isRecord(body)) return { ok: false, problems: ['body must be a JSON object'] };

  const rawRoute = body['route'];
  let route = '/';
  if (typeof rawRoute !== 'string' || !rawRoute.startsWith('/') || rawRoute.length > 200) {
    problems.push('route must be a path starting with "/" of at most 200 characters');
  } else {
    // Query strings and fragments would explode the tag's cardinality.
    route = rawRoute.split(/[?#]/)[0]!.slice(0, 100);
  }

  const device = body['device'] ?? 'desktop';
  if (typeof device !== 'string' || !(DEVICES as readonly string[]).includes(device)) {
    problems.push(`device must be one of ${DEVICES.join(', ')}`);
  }

  const sessionId =
    typeof body['sessionId'] === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(body['sessionId'])
      ? body['sessionId']
      : null;

  const vitals: RumBatch['vitals'] = [];
  const rawVitals = body['vitals'] ?? [];
  if (!Array.isArray(rawVitals) || rawVitals.length > 50) {
    problems.push('vitals must be an array of at most 50 entries');
  } else {
    const seen = new Set<string>();
    rawVitals.forEach((entry: unknown, index) => {
      if (!isRecord(entry)) {
        problems.push(`vitals[${index}] must be an object`);
        return;
      }
      const { name, value, id } = entry;
      if (typeof name !== 'string' || !Object.hasOwn(WEB_VITAL_THRESHOLDS, name)) {
        problems.push(
          `vitals[${index}].name must be one of ${Object.keys(WEB_VITAL_THRESHOLDS).join(', ')}`,
        );
        return;
      }
      const vital = name as WebVitalName;
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        value < 0 ||
        value > WEB_VITAL_THRESHOLDS[vital].max
      ) {
        problems.push(
          `vitals[${index}].value must be a finite number from 0 to ${WEB_VITAL_THRESHOLDS[vital].max}`,
        );
        return;
      }
      const key = typeof id === 'string' ? id.slice(0, 100) : `${vital}-${index}`;
      // CLS and INP are reported again as they change: the last report of an id wins.
      if (seen.has(key)) {
        const previous = vitals.findIndex((v) => v.id === key);
        if (previous !== -1) vitals.splice(previous, 1);
      }
      seen.add(key);
      vitals.push({ name: vital, value, id: key });
    });
  }

  const cache: RumBatch['cache'] = [];
  const rawCache = body['cache'] ?? [];
  if (!Array.isArray(rawCache) || rawCache.length > BROWSER_CACHE_TIERS.length) {
    problems.push(`cache must be an array of at most ${BROWSER_CACHE_TIERS.length} entries`);
  } else {
    rawCache.forEach((entry: unknown, index) => {
      if (
        !isRecord(entry) ||
        typeof entry['tier'] !== 'string' ||
        !(BROWSER_CACHE_TIERS as readonly string[]).includes(entry['tier']) ||
        !isCount(entry['hits']) ||
        !isCount(entry['misses'])
      ) {
        problems.push(
          `cache[${index}] must be { tier: ${BROWSER_CACHE_TIERS.join(' | ')}, hits, misses } with whole counts`,
        );
        return;
      }
      cache.push({
        tier: entry['tier'] as RumBatch['cache'][number]['tier'],
        hits: entry['hits'],
        misses: entry['misses'],
      });
    });
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    batch: { route, device: device as RumBatch['device'], sessionId, vitals, cache },
  };
}

export interface RumRouteOptions {
  recorder: RumRecorder;
  /** Called with the visitor id of each accepted batch (active users) and who sent it. */
  onSession?: (sessionId: string, request: Request, serverContext: Record<string, unknown>) => void;
}

/**
 * `POST /rum`: the browser's batched Web Vitals and cache-tier counters. Accepts `text/plain`
 * (what `navigator.sendBeacon` sends) and `application/json`; answers 204, or 400 with every
 * problem, 413 over 64 KiB, 429 with `Retry-After` when one client sends too much (the
 * access-control plugin's per-address limit).
 */
export function createRumRoute(options: RumRouteOptions) {
  // Rate limiting per client happens before this, in the access-control plugin.
  return async (
    request: Request,
    _url?: URL,
    serverContext: Record<string, unknown> = {},
  ): Promise<Response> => {
    const type = request.headers.get('content-type') ?? 'text/plain';
    if (!/^(text\/plain|application\/json)\b/i.test(type)) {
      return Response.json(
        { error: 'Send the batch as text/plain or application/json' },
        { status: 415 },
      );
    }
    const text = await request.text();
    if (Buffer.byteLength(text) > RUM_MAX_BYTES) {
      return Response.json(
        { error: `Batch is larger than ${RUM_MAX_BYTES} bytes` },
        { status: 413 },
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return Response.json({ error: 'Body is not valid JSON' }, { status: 400 });
    }
    const parsed = parseRumBatch(body);
    if (!parsed.ok)
      return Response.json({ error: 'Invalid batch', problems: parsed.problems }, { status: 400 });

    const { route, device, vitals, cache, sessionId } = parsed.batch;
    for (const vital of vitals) {
      const tags = { route, device };
      options.recorder.distribution(`webvitals.${vital.name}`, vital.value, tags);
      options.recorder.counter('webvitals.ratings', 1, {
        ...tags,
        metric: vital.name,
        rating: rateVital(vital.name, vital.value),
      });
    }
    for (const tier of cache) {
      if (tier.hits > 0)
        options.recorder.counter('browser.cache.lookups', tier.hits, {
          tier: tier.tier,
          outcome: 'hit',
        });
      if (tier.misses > 0)
        options.recorder.counter('browser.cache.lookups', tier.misses, {
          tier: tier.tier,
          outcome: 'miss',
        });
    }
    if (sessionId) options.onSession?.(sessionId, request, serverContext);
    return new Response(null, { status: 204 });
  };
}
