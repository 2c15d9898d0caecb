import { describe, expect, it } from 'vitest';
import type { OperationsStatistics } from './suggestion.ts';
import { suggestOptimisations } from './suggestion-rules.ts';

const T0 = 1_767_225_600_000;
const MB = 1024 * 1024;

/** A healthy window: nothing to suggest. */
function history(overrides: Partial<OperationsStatistics> = {}): OperationsStatistics {
  return {
    windowMs: 3_600_000,
    operations: [{ name: 'FlavorList', count: 500, p95Ms: 40, p95Bytes: 4_000 }],
    fields: [{ path: 'Query.flavors', count: 500, p95Ms: 2, callsPerOperationP95: 1 }],
    cacheKeys: [
      {
        key: 'data:flavors:v1',
        lookups: 500,
        hitRate: 0.98,
        ttlMs: 86_400_000,
        meanAccessIntervalMs: 7_000,
        earlyReloads: 0,
      },
    ],
    routes: [{ route: '/', samples: 100, lcpP75Ms: 1_200, element: 'h1' }],
    heap: Array.from({ length: 12 }, (_, i) => ({ at: T0 + i * 300_000, heapUsedBytes: 80 * MB })),
    ...overrides,
  };
}

const rulesOf = (stats: OperationsStatistics) => suggestOptimisations(stats).map((s) => s.rule);

describe('suggestOptimisations', () => {
  it('suggests nothing for a healthy history', () => {
    expect(suggestOptimisations(history())).toEqual([]);
  });

  it('flags a slow operation with its p95, request count, gain and chart', () => {
    const [found] = suggestOptimisations(
      history({ operations: [{ name: 'Report', count: 40, p95Ms: 2_400, p95Bytes: 1_000 }] }),
    );
    expect(found).toMatchObject({
      id: 'slowOperation:Report',
      severity: 'critical',
      evidence: [
        { label: 'p95', value: 2_400, unit: 'ms' },
        { label: 'requests', value: 40, unit: '' },
      ],
      expectedGain: 'about 1900 ms off p95 at the 500 ms target',
      chart: { metric: 'api.responseTime', tags: { operation: 'Report' } },
    });
  });

  it('ignores a slow operation seen too rarely to judge', () => {
    expect(
      rulesOf(history({ operations: [{ name: 'Rare', count: 3, p95Ms: 9_000, p95Bytes: null }] })),
    ).toEqual([]);
  });

  it('flags a slow resolver and an N+1-looking one', () => {
    const stats = history({
      fields: [
        { path: 'Flavor.supplier', count: 900, p95Ms: 3, callsPerOperationP95: 45 },
        { path: 'Query.report', count: 60, p95Ms: 350, callsPerOperationP95: 1 },
      ],
    });
    const found = suggestOptimisations(stats);
    expect(found.map((s) => s.id).sort()).toEqual([
      'nPlusOne:Flavor.supplier',
      'slowField:Query.report',
    ]);
    expect(found.find((s) => s.rule === 'nPlusOne')?.evidence[0]).toEqual({
      label: 'calls per operation (p95)',
      value: 45,
      unit: '',
    });
  });

  it('flags large responses', () => {
    const stats = history({
      operations: [{ name: 'AllFlavors', count: 100, p95Ms: 80, p95Bytes: 300 * 1024 }],
    });
    expect(suggestOptimisations(stats)).toMatchObject([
      { rule: 'largeResponse', subject: 'AllFlavors', severity: 'info' },
    ]);
  });

  it('flags a key with a low hit rate, a TTL shorter than its reads and hot evictions', () => {
    const stats = history({
      cacheKeys: [
        {
          key: 'search:a',
          lookups: 200,
          hitRate: 0.2,
          ttlMs: 300_000,
          meanAccessIntervalMs: 60_000,
          earlyReloads: 0,
        },
        {
          key: 'api:b',
          lookups: 40,
          hitRate: 0.9,
          ttlMs: 60_000,
          meanAccessIntervalMs: 90_000,
          earlyReloads: 0,
        },
        {
          key: 'data:c',
          lookups: 900,
          hitRate: 0.9,
          ttlMs: 86_400_000,
          meanAccessIntervalMs: 1_000,
          earlyReloads: 7,
        },
      ],
    });
    expect(
      suggestOptimisations(stats)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['evictedWhileHot:data:c', 'lowHitRate:search:a', 'shortTtl:api:b']);
  });

  it('flags a route with a poor LCP and names its LCP element', () => {
    const [found] = suggestOptimisations(
      history({
        routes: [{ route: '/flavors', samples: 50, lcpP75Ms: 5_200, element: 'img.hero' }],
      }),
    );
    expect(found).toMatchObject({
      rule: 'poorLcp',
      severity: 'critical',
      action: 'Preload or shrink img.hero, the LCP element.',
      chart: { metric: 'webvitals.LCP', tags: { route: '/flavors' } },
    });
  });

  it('flags a heap whose floor grows, and not a sawtooth one', () => {
    const growing = Array.from({ length: 12 }, (_, i) => ({
      at: T0 + i * 300_000,
      heapUsedBytes: (80 + i * 10) * MB,
    }));
    const [found] = suggestOptimisations(history({ heap: growing }));
    expect(found).toMatchObject({ rule: 'heapGrowth', evidence: [{ unit: 'MB/h' }] });
    expect(found?.evidence[0]?.value).toBeCloseTo(120, 0);
    const sawtooth = Array.from({ length: 12 }, (_, i) => ({
      at: T0 + i * 300_000,
      heapUsedBytes: (i % 2 === 0 ? 80 : 160) * MB,
    }));
    expect(rulesOf(history({ heap: sawtooth }))).toEqual([]);
  });

  it('lists critical suggestions before warnings and info', () => {
    const stats = history({
      operations: [
        { name: 'Big', count: 100, p95Ms: 80, p95Bytes: 300 * 1024 },
        { name: 'Slow', count: 100, p95Ms: 700, p95Bytes: null },
        { name: 'Slower', count: 100, p95Ms: 3_000, p95Bytes: null },
      ],
    });
    expect(suggestOptimisations(stats).map((s) => s.severity)).toEqual([
      'critical',
      'warning',
      'info',
    ]);
  });
});
