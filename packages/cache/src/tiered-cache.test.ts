import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CacheMetrics } from './cache-metrics.ts';
import { ChaosTier } from './chaos-tier.ts';
import { cacheKey, untrustedKeyPart } from './cache-key.ts';
import { createInProcessInvalidationBus } from './invalidation-bus.ts';
import { MemoryTier } from './memory-tier.ts';
import type { TieredCacheOptions } from './tiered-cache-options.ts';
import { TieredCache } from './tiered-cache.ts';
import { CACHE_TTL_PRESETS } from './ttl-presets.ts';

const MINUTE = 60_000;
const caches: TieredCache[] = [];

/** A cache whose shared tier is an in-memory stand-in wrapped in a ChaosTier. */
const setup = (
  options: TieredCacheOptions = {},
  remote = new ChaosTier(new MemoryTier({ name: 'redis' })),
) => {
  const cache = new TieredCache({
    redis: remote,
    breaker: { timeoutMs: 50, probeIntervalMs: 25 },
    ...options,
  });
  caches.push(cache);
  return { cache, remote };
};

const manualClock = () => {
  let now = 1_000;
  return { clock: () => now, advance: (ms: number) => (now += ms) };
};

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

afterEach(async () => {
  await Promise.all(caches.splice(0).map((cache) => cache.close()));
  vi.unstubAllGlobals();
});

describe('TieredCache read-through and write-through', () => {
  it('loads once, then serves from memory, and writes the shared tier', async () => {
    const { cache, remote } = setup();
    const loader = vi.fn(() => ({ name: 'Mango Loco' }));
    expect(await cache.getOrLoad('data:flavors:v1', loader)).toEqual({ name: 'Mango Loco' });
    expect(await cache.getOrLoad('data:flavors:v1', loader)).toEqual({ name: 'Mango Loco' });
    expect(loader).toHaveBeenCalledTimes(1);
    await cache.flush();
    expect((await remote.get('data:flavors:v1'))?.value).toEqual({ name: 'Mango Loco' });
  });

  it('serves a second instance from the shared tier without calling its loader', async () => {
    const { cache: first, remote } = setup();
    await first.getOrLoad('data:flavors:v1', () => ['a', 'b']);
    await first.flush();
    const { cache: second } = setup({}, remote);
    const loader = vi.fn(() => ['never']);
    expect(await second.getOrLoad('data:flavors:v1', loader)).toEqual(['a', 'b']);
    expect(loader).not.toHaveBeenCalled();
    expect(second.memory.getSync('data:flavors:v1')).toEqual(['a', 'b']);
    const stats = await second.stats();
    expect(stats.tiers.map((tier) => [tier.name, tier.hits, tier.misses])).toEqual([
      ['memory', 0, 1],
      ['redis', 1, 0],
    ]);
    expect(stats.overall).toMatchObject({ requests: 1, hits: 1, hitRate: 1 });
  });

  it('returns values as JSON gives them back, frozen', async () => {
    const { cache } = setup();
    const value = await cache.getOrLoad('api:x:v1', () => ({ at: new Date(0), list: [1] }));
    expect(value).toEqual({ at: '1970-01-01T00:00:00.000Z', list: [1] });
    expect(Object.isFrozen(value.list)).toBe(true);
  });

  it('returns but does not cache a loader result of undefined', async () => {
    const { cache } = setup();
    const loader = vi.fn((): string | undefined => undefined);
    expect(await cache.getOrLoad('api:missing:v1', loader)).toBeUndefined();
    expect(await cache.getOrLoad('api:missing:v1', loader)).toBeUndefined();
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('get() reads memory then the shared tier but never loads', async () => {
    const { cache, remote } = setup();
    expect(await cache.get('api:x:v1')).toBeUndefined();
    await remote.set('api:x:v1', 'from redis', MINUTE);
    expect(await cache.get('api:x:v1')).toBe('from redis');
    expect(cache.memory.getSync('api:x:v1')).toBe('from redis');
  });
});

describe('TieredCache stampede protection', () => {
  it('runs one loader for 100 concurrent requests and gives all of them its value', async () => {
    const { cache } = setup();
    const gate = deferred<{ drinks: number }>();
    const loader = vi.fn(() => gate.promise);
    const requests = Array.from({ length: 100 }, () =>
      cache.getOrLoad('search:caffeine:v1', loader),
    );
    gate.resolve({ drinks: 12 });
    const values = await Promise.all(requests);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(new Set(values).size).toBe(1);
    expect(values[0]).toEqual({ drinks: 12 });
    expect((await cache.stats()).overall).toMatchObject({ requests: 100, hits: 0, misses: 100 });
  });

  it('rejects every waiter when the loader fails, caches nothing, and loads again next time', async () => {
    const { cache, remote } = setup();
    const failure = new Error('upstream down');
    const gate = deferred<string>();
    const loader = vi.fn(() => gate.promise);
    const requests = Array.from({ length: 100 }, () => cache.getOrLoad('api:drinks:v1', loader));
    gate.reject(failure);
    const results = await Promise.allSettled(requests);
    expect(
      results.every((result) => result.status === 'rejected' && result.reason === failure),
    ).toBe(true);
    expect(loader).toHaveBeenCalledTimes(1);
    await cache.flush();
    expect(cache.memory.getSync('api:drinks:v1')).toBeUndefined();
    expect(await remote.get('api:drinks:v1')).toBeUndefined();
    expect(await cache.getOrLoad('api:drinks:v1', () => 'recovered')).toBe('recovered');
    expect((await cache.stats()).loader).toMatchObject({ calls: 2, errors: 1 });
  });

  it('returns a load that overlapped a delete without caching it', async () => {
    const { cache } = setup();
    const gate = deferred<string>();
    const request = cache.getOrLoad('api:price:v1', () => gate.promise);
    await cache.delete('api:price:v1');
    gate.resolve('read before the delete');
    expect(await request).toBe('read before the delete');
    expect(cache.memory.getSync('api:price:v1')).toBeUndefined();
  });
});

describe('TieredCache TTLs and keys', () => {
  it('exports the family TTLs as data', () => {
    expect(CACHE_TTL_PRESETS).toEqual({
      data: 24 * 60 * MINUTE,
      preferences: 30 * MINUTE,
      search: 5 * MINUTE,
      api: 10 * MINUTE,
      metrics: 5 * MINUTE,
    });
  });

  it('expires by the family named in the key, the family option, or ttlMs (fake time)', async () => {
    const time = manualClock();
    const { cache } = setup({ clock: time.clock, redis: undefined });
    const loads: Record<string, number> = {};
    const load = (key: string, options?: { ttlMs?: number; family?: 'preferences' }) =>
      cache.getOrLoad(
        key,
        () => {
          loads[key] = (loads[key] ?? 0) + 1;
          return key;
        },
        options,
      );
    const search = cacheKey('search', untrustedKeyPart('caffeine'), 'filters', 'v1');
    const flavors = cacheKey('data', 'flavors', 'v1');
    const prefs = cacheKey('user', 42, 'prefs', 'v1');
    const custom = cacheKey('api', 'custom', 'v1');
    const other = cacheKey('misc', 'v1');
    const all = async () => {
      await load(search);
      await load(flavors);
      await load(prefs, { family: 'preferences' });
      await load(custom, { ttlMs: 1000 });
      await load(other);
    };
    await all();
    time.advance(1001);
    await all();
    expect(loads[custom]).toBe(2);
    time.advance(5 * MINUTE);
    await all();
    expect(loads).toMatchObject({ [search]: 2, [other]: 2, [prefs]: 1, [flavors]: 1 });
    time.advance(30 * MINUTE);
    await all();
    expect(loads).toMatchObject({ [prefs]: 2, [flavors]: 1 });
    time.advance(24 * 60 * MINUTE);
    await all();
    expect(loads[flavors]).toBe(2);
  });

  it('keeps a value copied from Redis no longer than Redis still holds it', async () => {
    const time = manualClock();
    const remote = new ChaosTier(new MemoryTier({ name: 'redis', clock: time.clock }));
    const { cache } = setup({ clock: time.clock }, remote);
    await remote.set('data:flavors:v1', 'almost expired', 1000);
    expect(await cache.getOrLoad('data:flavors:v1', () => 'fresh')).toBe('almost expired');
    time.advance(1001);
    expect(cache.memory.getSync('data:flavors:v1')).toBeUndefined();
    expect(await cache.getOrLoad('data:flavors:v1', () => 'fresh')).toBe('fresh');
  });

  it('rejects hostile keys before any loader runs, and accepts them once passed through untrustedKeyPart', async () => {
    const { cache } = setup();
    const loader = vi.fn(() => 'value');
    for (const key of [
      '*',
      '*'.repeat(10_000),
      'x'.repeat(10_000),
      'a\r\nFLUSHALL',
      '',
      'data:?',
    ]) {
      await expect(cache.getOrLoad(key, loader)).rejects.toMatchObject({ code: 'INVALID_KEY' });
      await expect(cache.get(key)).rejects.toMatchObject({ code: 'INVALID_KEY' });
      await expect(cache.delete(key)).rejects.toMatchObject({ code: 'INVALID_KEY' });
      const safe = cacheKey('search', untrustedKeyPart(key), 'v1');
      expect(await cache.getOrLoad(safe, loader)).toBe('value');
    }
    expect(loader).toHaveBeenCalledTimes(6);
    expect(await cache.getOrLoad('__proto__', () => ({ polluted: true }))).toEqual({
      polluted: true,
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects an unknown family and a bad TTL', async () => {
    const { cache } = setup();
    await expect(cache.getOrLoad('k', () => 1, { family: 'nope' as 'data' })).rejects.toMatchObject(
      { code: 'INVALID_TTL' },
    );
    await expect(cache.getOrLoad('k', () => 1, { ttlMs: -1 })).rejects.toMatchObject({
      code: 'INVALID_TTL',
    });
  });
});

describe('TieredCache delete, clear and warm', () => {
  it('deletes from both tiers', async () => {
    const { cache, remote } = setup();
    await cache.set('api:a:v1', 'a');
    expect(await cache.delete('api:a:v1')).toBe(true);
    expect(cache.memory.getSync('api:a:v1')).toBeUndefined();
    expect(await remote.get('api:a:v1')).toBeUndefined();
    expect(await cache.delete('api:a:v1')).toBe(false);
  });

  it('clears a glob from both tiers and refuses absurd patterns', async () => {
    const { cache, remote } = setup();
    for (const key of ['search:a:v1', 'search:b:v1', 'search:b:v2', 'data:flavors:v1']) {
      await cache.set(key, key);
    }
    await remote.set('search:only-remote:v1', 1, MINUTE);
    expect(await cache.clear('search:*:v1')).toEqual({ memory: 2, redis: 3 });
    for (const pattern of ['', '*'.repeat(10_000), '*a'.repeat(40), 'x\r\n*']) {
      await expect(cache.clear(pattern)).rejects.toMatchObject({ code: 'INVALID_PATTERN' });
    }
    expect(cache.memory.sizeSync().keys).toBe(2);
    expect(await cache.clear('*')).toEqual({ memory: 2, redis: 2 });
  });

  it('warms given keys from the shared tier in one round trip, then from loaders', async () => {
    const { cache, remote } = setup();
    await remote.set('data:a:v1', 'A', MINUTE);
    await cache.set('data:b:v1', 'B');
    const getMany = vi.spyOn(remote, 'getMany');
    const result = await cache.warm(['data:a:v1', 'data:b:v1', 'data:c:v1', 'data:d:v1', 'bad*'], {
      'data:c:v1': () => 'C',
      'data:d:v1': () => Promise.reject(new Error('boom')),
    });
    expect(getMany).toHaveBeenCalledTimes(1);
    expect(result.warmed.sort()).toEqual(['data:a:v1', 'data:c:v1']);
    expect(result.skipped).toEqual(['data:b:v1']);
    expect(result.failed.map((failure) => failure.key).sort()).toEqual(['bad*', 'data:d:v1']);
    expect(cache.memory.getSync('data:c:v1')).toBe('C');
  });

  it('warms the most requested keys after a clear', async () => {
    const { cache } = setup({ redis: undefined });
    const hits: Record<string, number> = { 'api:hot:v1': 30, 'api:warm:v1': 10, 'api:cold:v1': 1 };
    for (const [key, count] of Object.entries(hits)) {
      for (let i = 0; i < count; i++) await cache.getOrLoad(key, () => key);
    }
    await cache.clear('*');
    const loader = vi.fn((key: string) => () => `reloaded ${key}`);
    const result = await cache.warm('popular', loader, { limit: 2 });
    expect(result.warmed).toEqual(['api:hot:v1', 'api:warm:v1']);
    expect(cache.memory.getSync('api:hot:v1')).toBe('reloaded api:hot:v1');
    expect(cache.memory.getSync('api:cold:v1')).toBeUndefined();
  });
});

describe('TieredCache without Redis', () => {
  it('reports the Redis tier disabled and serves from memory and loader', async () => {
    const cache = new TieredCache();
    caches.push(cache);
    expect(cache.status()).toEqual({ memory: 'up', redis: 'disabled' });
    expect(await cache.getOrLoad('api:x:v1', () => 1)).toBe(1);
    expect(await cache.getOrLoad('api:x:v1', () => 2)).toBe(1);
    expect(await cache.clear('*')).toEqual({ memory: 1, redis: null });
    const stats = await cache.stats();
    expect(stats.tiers[1]).toMatchObject({
      name: 'redis',
      status: 'disabled',
      hitRate: null,
      bytes: null,
    });
    expect(stats.pendingInvalidations).toBe(0);
  });
});

describe('TieredCache circuit breaker', () => {
  it('answers within about the timeout when Redis is slow, reports it down, and recovers', async () => {
    const statuses: string[] = [];
    const { cache, remote } = setup({
      metrics: { recordStatus: (_tier, status) => statuses.push(status) },
    });
    remote.delay(500);
    const started = performance.now();
    expect(await cache.getOrLoad('api:slow:v1', () => 'from loader')).toBe('from loader');
    expect(performance.now() - started).toBeLessThan(150);
    expect(cache.status().redis).toBe('down');
    const calls = remote.calls;
    const burst = performance.now();
    for (let i = 0; i < 50; i++) await cache.getOrLoad(`api:slow:${i}`, () => i);
    expect(performance.now() - burst).toBeLessThan(100);
    expect(remote.calls).toBe(calls);
    remote.reset();
    await expect.poll(() => cache.status().redis, { timeout: 2000, interval: 10 }).toBe('up');
    expect(statuses).toEqual(['down', 'up']);
    await cache.getOrLoad('api:after:v1', () => 'back');
    await cache.flush();
    expect((await remote.get('api:after:v1'))?.value).toBe('back');
  });

  it('never fails a request because Redis errors', async () => {
    const { cache, remote } = setup();
    remote.fail();
    const values = await Promise.all(
      Array.from({ length: 20 }, (_, i) => cache.getOrLoad(`api:${i % 5}:v1`, () => i % 5)),
    );
    expect(values).toEqual(Array.from({ length: 20 }, (_, i) => i % 5));
    await expect(cache.set('api:x:v1', 1)).resolves.toBeUndefined();
    expect(await cache.delete('api:x:v1')).toBe(true);
    expect(await cache.clear('api:*')).toEqual({ memory: 5, redis: null });
    const stats = await cache.stats();
    expect(stats.tiers[1]).toMatchObject({ status: 'down', keys: null });
  });

  it('replays deletes and clears made during an outage once Redis is back', async () => {
    const { cache, remote } = setup();
    await cache.set('api:stale:v1', 'old');
    await cache.set('search:stale:v1', 'old');
    await cache.set('data:kept:v1', 'kept');
    remote.fail();
    await cache.delete('api:stale:v1');
    await cache.clear('search:*');
    expect((await cache.stats()).pendingInvalidations).toBe(2);
    remote.reset();
    await expect.poll(() => cache.status().redis, { timeout: 2000, interval: 10 }).toBe('up');
    await cache.flush();
    expect(await remote.get('api:stale:v1')).toBeUndefined();
    expect(await remote.get('search:stale:v1')).toBeUndefined();
    expect((await remote.get('data:kept:v1'))?.value).toBe('kept');
    expect((await cache.stats()).pendingInvalidations).toBe(0);
  });
});

describe('TieredCache invalidation bus (in process)', () => {
  it("drops deleted and cleared keys from the other instance's memory", async () => {
    const bus = createInProcessInvalidationBus();
    const { cache: a, remote } = setup({ bus, instanceId: 'a' });
    const { cache: b } = setup({ bus, instanceId: 'b' }, remote);
    await Promise.all([a.ready(), b.ready()]);
    for (const cache of [a, b]) {
      await cache.getOrLoad('api:x:v1', () => 'x');
      await cache.getOrLoad('search:y:v1', () => 'y');
    }
    await a.delete('api:x:v1');
    await a.flush();
    expect(b.memory.getSync('api:x:v1')).toBeUndefined();
    await a.clear('search:*');
    await a.flush();
    expect(b.memory.getSync('search:y:v1')).toBeUndefined();
    await b.set('api:z:v1', 'new');
    await b.flush();
    expect(a.memory.getSync('api:z:v1')).toBeUndefined();
    expect(b.memory.getSync('api:z:v1')).toBe('new');
  });
});

describe('TieredCache stats, metrics and memory', () => {
  it('reports per-tier hits, rates, timings, bytes, evictions and compression', async () => {
    const metrics = {
      recordLookup: vi.fn(),
      recordLoad: vi.fn(),
      recordEviction: vi.fn(),
    } satisfies CacheMetrics;
    const { cache } = setup({
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
    const { cache } = setup({
      metrics: { recordLookup: broken, recordLoad: broken, recordError: broken },
    });
    expect(await cache.getOrLoad('api:x:v1', () => 1)).toBe(1);
    expect(await cache.getOrLoad('api:x:v1', () => 2)).toBe(1);
  });

  it('optimizeMemory trims the memory tier and runs gc when exposed', async () => {
    const gc = vi.fn();
    vi.stubGlobal('gc', gc);
    let heap = 5000;
    const { cache } = setup({
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
