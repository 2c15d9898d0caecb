import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInProcessInvalidationBus } from './invalidation-bus.ts';
import { closeCaches, MINUTE, setupCache } from './testing/tiered-cache-harness.ts';

afterEach(closeCaches);

describe('TieredCache delete, clear and warm', () => {
  it('deletes from both tiers', async () => {
    const { cache, remote } = setupCache();
    await cache.set('api:a:v1', 'a');
    expect(await cache.delete('api:a:v1')).toBe(true);
    expect(cache.memory.getSync('api:a:v1')).toBeUndefined();
    expect(await remote.get('api:a:v1')).toBeUndefined();
    expect(await cache.delete('api:a:v1')).toBe(false);
  });

  it('clears a glob from both tiers and refuses absurd patterns', async () => {
    const { cache, remote } = setupCache();
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
    const { cache, remote } = setupCache();
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
    const { cache } = setupCache({ redis: undefined });
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

describe('TieredCache invalidation bus (in process)', () => {
  it("drops deleted and cleared keys from the other instance's memory", async () => {
    const bus = createInProcessInvalidationBus();
    const { cache: a, remote } = setupCache({ bus, instanceId: 'a' });
    const { cache: b } = setupCache({ bus, instanceId: 'b' }, remote);
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
