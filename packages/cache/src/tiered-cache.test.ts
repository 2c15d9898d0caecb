import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChaosTier } from './chaos-tier.ts';
import { cacheKey, untrustedKeyPart } from './cache-key.ts';
import { MemoryTier } from './memory-tier.ts';
import { closeCaches, manualClock, MINUTE, setupCache } from './testing/tiered-cache-harness.ts';
import { CACHE_TTL_PRESETS } from './ttl-presets.ts';

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

afterEach(closeCaches);

describe('TieredCache read-through and write-through', () => {
  it('loads once, then serves from memory, and writes the shared tier', async () => {
    const { cache, remote } = setupCache();
    const loader = vi.fn(() => ({ name: 'Mango Loco' }));
    expect(await cache.getOrLoad('data:flavors:v1', loader)).toEqual({ name: 'Mango Loco' });
    expect(await cache.getOrLoad('data:flavors:v1', loader)).toEqual({ name: 'Mango Loco' });
    expect(loader).toHaveBeenCalledTimes(1);
    await cache.flush();
    expect((await remote.get('data:flavors:v1'))?.value).toEqual({ name: 'Mango Loco' });
  });

  it('serves a second instance from the shared tier without calling its loader', async () => {
    const { cache: first, remote } = setupCache();
    await first.getOrLoad('data:flavors:v1', () => ['a', 'b']);
    await first.flush();
    const { cache: second } = setupCache({}, remote);
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
    const { cache } = setupCache();
    const value = await cache.getOrLoad('api:x:v1', () => ({ at: new Date(0), list: [1] }));
    expect(value).toEqual({ at: '1970-01-01T00:00:00.000Z', list: [1] });
    expect(Object.isFrozen(value.list)).toBe(true);
  });

  it('returns but does not cache a loader result of undefined', async () => {
    const { cache } = setupCache();
    const loader = vi.fn((): string | undefined => undefined);
    expect(await cache.getOrLoad('api:missing:v1', loader)).toBeUndefined();
    expect(await cache.getOrLoad('api:missing:v1', loader)).toBeUndefined();
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('get() reads memory then the shared tier but never loads', async () => {
    const { cache, remote } = setupCache();
    expect(await cache.get('api:x:v1')).toBeUndefined();
    await remote.set('api:x:v1', 'from redis', MINUTE);
    expect(await cache.get('api:x:v1')).toBe('from redis');
    expect(cache.memory.getSync('api:x:v1')).toBe('from redis');
  });
});

describe('TieredCache stampede protection', () => {
  it('runs one loader for 100 concurrent requests and gives all of them its value', async () => {
    const { cache } = setupCache();
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
    const { cache, remote } = setupCache();
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
    const { cache } = setupCache();
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
    const { cache } = setupCache({ clock: time.clock, redis: undefined });
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
    const { cache } = setupCache({ clock: time.clock }, remote);
    await remote.set('data:flavors:v1', 'almost expired', 1000);
    expect(await cache.getOrLoad('data:flavors:v1', () => 'fresh')).toBe('almost expired');
    time.advance(1001);
    expect(cache.memory.getSync('data:flavors:v1')).toBeUndefined();
    expect(await cache.getOrLoad('data:flavors:v1', () => 'fresh')).toBe('fresh');
  });

  it('rejects hostile keys before any loader runs, and accepts them once passed through untrustedKeyPart', async () => {
    const { cache } = setupCache();
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

  it('gives writes after setFamilyTtl the new TTL (fake time)', async () => {
    const time = manualClock();
    const { cache } = setupCache({ clock: time.clock, redis: undefined });
    let loads = 0;
    const load = () =>
      cache.getOrLoad('search:caffeine:v1', () => {
        loads += 1;
        return loads;
      });
    expect(cache.familyTtl('search')).toBe(CACHE_TTL_PRESETS.search);
    cache.setFamilyTtl('search', 2 * CACHE_TTL_PRESETS.search);
    expect(cache.familyTtl('search')).toBe(2 * CACHE_TTL_PRESETS.search);
    await load();
    time.advance(CACHE_TTL_PRESETS.search + 1);
    await load();
    expect(loads).toBe(1);
    expect(() => {
      cache.setFamilyTtl('search', -1);
    }).toThrow(expect.objectContaining({ code: 'INVALID_TTL' }) as Error);
  });

  it('rejects an unknown family and a bad TTL', async () => {
    const { cache } = setupCache();
    await expect(cache.getOrLoad('k', () => 1, { family: 'nope' as 'data' })).rejects.toMatchObject(
      { code: 'INVALID_TTL' },
    );
    await expect(cache.getOrLoad('k', () => 1, { ttlMs: -1 })).rejects.toMatchObject({
      code: 'INVALID_TTL',
    });
  });
});
