import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CacheMetrics } from './cache-metrics.ts';
import { TieredCache } from './tiered-cache.ts';
import { closeCaches, setupCache } from './testing/tiered-cache-harness.ts';

afterEach(async () => {
  await closeCaches();
  vi.unstubAllGlobals();
});

describe('TieredCache stats, metrics and memory', () => {
  it('reports per-tier hits, rates, timings, bytes, evictions and compression', async () => {
    const metrics = {
      recordLookup: vi.fn(),
      recordLoad: vi.fn(),
      recordEviction: vi.fn(),
    } satisfies CacheMetrics;
    const { cache } = setupCache({
      metrics,
      memoryTimingSampleRate: 1,
      memory: { maxBytes: 50_000, compression: { thresholdBytes: 512 } },
    });
    let stats = await cache.stats();
    expect(stats.tiers[0]).toMatchObject({
      hitRate: null,
      avgResponseMs: null,
      p95ResponseMs: null,
    });
    expect(stats.overall.hitRate).toBeNull();
    await cache.getOrLoad('api:big:v1', () => 'z'.repeat(5000));
    for (let i = 0; i < 3; i++) await cache.getOrLoad('api:big:v1', () => 'unused');
    stats = await cache.stats();
    const [memory, redis] = stats.tiers;
    expect(memory).toMatchObject({
      name: 'memory',
      status: 'up',
      hits: 3,
      misses: 1,
      hitRate: 0.75,
      keys: 1,
    });
    expect(memory!.p95ResponseMs).toBeGreaterThanOrEqual(0);
    expect(memory!.compressionRatio).toBeGreaterThan(10);
    expect(memory!.bytesSaved).toBeGreaterThan(4000);
    expect(redis).toMatchObject({
      name: 'redis',
      status: 'up',
      hits: 0,
      misses: 1,
      hitRate: 0,
      keys: 1,
    });
    expect(stats.overall).toMatchObject({ requests: 4, hits: 3, misses: 1, hitRate: 0.75 });
    expect(metrics.recordLookup).toHaveBeenCalledWith('memory', 'hit', expect.any(Number));
    expect(metrics.recordLookup).toHaveBeenCalledWith('redis', 'miss', expect.any(Number));
    expect(metrics.recordLoad).toHaveBeenCalledWith('success', expect.any(Number));
    for (let i = 0; i < 30; i++)
      await cache.getOrLoad(`api:${i}:v1`, () => randomBytes(2000).toString('base64'));
    expect(metrics.recordEviction).toHaveBeenCalledWith('memory');
    expect((await cache.stats()).tiers[0]!.evictions).toBe(
      metrics.recordEviction.mock.calls.length,
    );
  });

  it('keeps serving when the metrics sink throws', async () => {
    const broken = () => {
      throw new Error('metrics down');
    };
    const { cache } = setupCache({
      metrics: { recordLookup: broken, recordLoad: broken, recordError: broken },
    });
    expect(await cache.getOrLoad('api:x:v1', () => 1)).toBe(1);
    expect(await cache.getOrLoad('api:x:v1', () => 2)).toBe(1);
  });

  it('optimizeMemory trims the memory tier and runs gc when exposed', async () => {
    const gc = vi.fn();
    vi.stubGlobal('gc', gc);
    let heap = 5000;
    const { cache } = setupCache({
      redis: undefined,
      memory: { maxBytes: 100_000 },
      heapUsed: () => (heap -= 1000),
    });
    for (let i = 0; i < 50; i++) await cache.getOrLoad(`api:${i}:v1`, () => 'x'.repeat(1000));
    const result = cache.optimizeMemory({ targetShare: 0.2 });
    expect(gc).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ gcRan: true, heapBytesBefore: 4000, heapBytesAfter: 3000 });
    expect(result.tierBytesBefore).toBeGreaterThan(50_000);
    expect(result.tierBytesAfter).toBeLessThanOrEqual(20_000);
    expect(result.entriesRemoved).toBeGreaterThan(25);
  });

  it('refuses bad options with exact messages', () => {
    expect(() => new TieredCache({ memoryTimingSampleRate: 3 })).toThrow(
      'TieredCache: memoryTimingSampleRate must be a power of two',
    );
    expect(() => new TieredCache({ defaultTtlMs: 0 })).toThrow(
      'TieredCache: TTLs must be positive numbers',
    );
  });
});
