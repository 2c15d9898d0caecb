import { afterEach, describe, expect, it } from 'vitest';
import { TieredCache } from './tiered-cache.ts';
import { closeCaches, setupCache, trackCache } from './testing/tiered-cache-harness.ts';

afterEach(closeCaches);

describe('TieredCache without Redis', () => {
  it('reports the Redis tier disabled and serves from memory and loader', async () => {
    const cache = new TieredCache();
    trackCache(cache);
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
    const { cache, remote } = setupCache({
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
    const { cache, remote } = setupCache();
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
    const { cache, remote } = setupCache();
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
