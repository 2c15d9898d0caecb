import { describe, expect, it } from 'vitest';
import { RUM_LIMITS, parseRumBatch } from './rum-batch.ts';

const problemsOf = (body: unknown) => {
  const parsed = parseRumBatch(body);
  return parsed.ok ? [] : parsed.problems;
};

describe('parseRumBatch', () => {
  it('accepts a tracker batch: route without query, last report of an id, claimed rating kept', () => {
    const parsed = parseRumBatch({
      route: '/monitoring?range=1h#top',
      device: 'mobile',
      sessionId: 'visitor-abcdef12',
      vitals: [
        { name: 'CLS', value: 0.05, id: 'v6-2', rating: 'good' },
        { name: 'LCP', value: 1800, id: 'v6-1', rating: 'good', attribution: { target: 'img' } },
        { name: 'CLS', value: 0.3, id: 'v6-2', rating: 'poor' },
      ],
      cache: [{ tier: 'localStorage', hits: 4, misses: 1 }],
    });
    expect(parsed).toEqual({
      ok: true,
      batch: {
        route: '/monitoring',
        device: 'mobile',
        sessionId: 'visitor-abcdef12',
        vitals: [
          { name: 'LCP', value: 1800, id: 'v6-1', rating: 'good', attribution: { target: 'img' } },
          { name: 'CLS', value: 0.3, id: 'v6-2', rating: 'poor' },
        ],
        cache: [{ tier: 'localStorage', hits: 4, misses: 1 }],
      },
    });
  });

  it('defaults device and ids, drops a bad session id, an unknown rating and empty attribution', () => {
    const parsed = parseRumBatch({
      route: '/',
      sessionId: 'short',
      vitals: [{ name: 'TTFB', value: 90, rating: 'excellent', attribution: { target: 'x' } }],
    });
    expect(parsed).toEqual({
      ok: true,
      batch: {
        route: '/',
        device: 'desktop',
        sessionId: null,
        vitals: [{ name: 'TTFB', value: 90, id: 'TTFB-0' }],
        cache: [],
      },
    });
  });

  it('reports every problem: route, device, names, values, sizes and cache counts', () => {
    expect(
      problemsOf({
        route: 'no-slash',
        device: 'fridge',
        vitals: [
          { name: 'LCP', value: Number.MAX_VALUE },
          { name: 'FID', value: 3 },
          { name: 'CLS', value: -1 },
          'LCP',
        ],
        cache: [{ tier: 'cdn', hits: 1, misses: 0 }],
      }),
    ).toEqual([
      'route must be a path starting with "/" of at most 200 characters',
      'device must be one of mobile, tablet, desktop',
      'vitals[0].value must be a finite number from 0 to 600000',
      'vitals[1].name must be one of LCP, INP, CLS, FCP, TTFB',
      'vitals[2].value must be a finite number from 0 to 100',
      'vitals[3] must be an object',
      'cache[0] must be { tier: serviceWorker | localStorage, hits, misses } with whole counts',
    ]);
    expect(problemsOf([])).toEqual(['body must be a JSON object']);
  });

  it('refuses more vitals or cache entries than a batch may hold, and oversized counts', () => {
    const vitals = Array.from({ length: RUM_LIMITS.maxVitals + 1 }, (_, i) => ({
      name: 'FCP',
      value: i,
      id: `id-${i}`,
    }));
    expect(problemsOf({ route: '/', vitals })).toEqual([
      'vitals must be an array of at most 50 entries',
    ]);
    expect(problemsOf({ route: '/', vitals: vitals.slice(1) })).toEqual([]);
    expect(
      problemsOf({
        route: '/',
        cache: [{ tier: 'serviceWorker', hits: RUM_LIMITS.maxCacheCount + 1, misses: 0 }],
      }),
    ).toHaveLength(1);
    expect(problemsOf({ route: `/${'a'.repeat(RUM_LIMITS.maxRouteLength)}` })).toHaveLength(1);
  });

  it('bounds ids and the route tag', () => {
    const parsed = parseRumBatch({
      route: `/${'r'.repeat(150)}`,
      vitals: [{ name: 'INP', value: 40, id: 'i'.repeat(1000) }],
    });
    expect(parsed.ok && parsed.batch.route.length).toBe(RUM_LIMITS.routeTagLength);
    expect(parsed.ok && parsed.batch.vitals[0]!.id.length).toBe(RUM_LIMITS.maxIdLength);
  });
});
