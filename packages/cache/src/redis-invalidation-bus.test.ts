import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRedisInvalidationBus } from './redis-invalidation-bus.ts';
import { RedisTier } from './redis-tier.ts';
import { TieredCache } from './tiered-cache.ts';
import { connectRedis, deleteRedisKeys, uniqueRedisPrefix } from './testing/redis.ts';

describe('Redis invalidation bus between two TieredCache instances', () => {
  let publisher: Redis;
  const subscribers: Redis[] = [];
  const caches: TieredCache[] = [];
  const prefixes: string[] = [];

  beforeAll(async () => {
    publisher = await connectRedis();
  });

  afterEach(async () => {
    await Promise.all(caches.splice(0).map((cache) => cache.close()));
    await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.quit()));
    for (const prefix of prefixes.splice(0)) await deleteRedisKeys(prefix, publisher);
  });

  afterAll(async () => {
    await publisher.quit();
  });

  /** Two instances sharing one Redis prefix and one channel, each with its own subscriber connection. */
  const twoInstances = async (onInvalidMessage?: (raw: string) => void) => {
    const prefix = uniqueRedisPrefix();
    prefixes.push(prefix);
    const channel = `${prefix}invalidate`;
    const instance = async (instanceId: string) => {
      const subscriber = await connectRedis();
      subscribers.push(subscriber);
      const bus = createRedisInvalidationBus({
        publisher,
        subscriber,
        channel,
        ...(onInvalidMessage ? { onInvalidMessage } : {}),
      });
      const cache = new TieredCache({
        instanceId,
        redis: new RedisTier({ client: publisher, prefix }),
        // These tests are about the bus, not the breaker: a loaded machine must not trip it.
        breaker: { timeoutMs: 5000 },
        bus,
      });
      caches.push(cache);
      await cache.ready();
      return cache;
    };
    return { a: await instance('a'), b: await instance('b'), channel };
  };

  it("drops keys deleted or cleared on one instance from the other's memory", async () => {
    const { a, b } = await twoInstances();
    for (const cache of [a, b]) {
      await cache.getOrLoad('api:drinks:v1', () => 'drinks');
      await cache.getOrLoad('search:caffeine:v1', () => 'results');
      await cache.getOrLoad('data:flavors:v1', () => 'flavors');
    }
    // Background write-backs land before the delete, so none can put the value back afterwards.
    await Promise.all([a.flush(), b.flush()]);
    expect(b.memory.getSync('api:drinks:v1')).toBe('drinks');

    await a.delete('api:drinks:v1');
    await expect
      .poll(() => b.memory.getSync('api:drinks:v1'), { timeout: 2000, interval: 5 })
      .toBeUndefined();

    await a.clear('search:*');
    await expect
      .poll(() => b.memory.getSync('search:caffeine:v1'), { timeout: 2000, interval: 5 })
      .toBeUndefined();
    expect(b.memory.getSync('data:flavors:v1')).toBe('flavors');

    const loader = vi.fn(() => 'reloaded');
    expect(await b.getOrLoad('api:drinks:v1', loader)).toBe('reloaded');
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('makes other instances read a value set on one instance', async () => {
    const { a, b } = await twoInstances();
    await a.getOrLoad('preferences:42:v1', () => ({ units: 'mg' }));
    await b.getOrLoad('preferences:42:v1', () => ({ units: 'mg' }));
    await a.set('preferences:42:v1', { units: 'oz' });
    await expect
      .poll(() => b.memory.getSync('preferences:42:v1'), { timeout: 2000, interval: 5 })
      .toBeUndefined();
    expect(await b.getOrLoad('preferences:42:v1', () => ({ units: 'never' }))).toEqual({
      units: 'oz',
    });
  });

  it('skips its own messages and ignores garbage on the channel', async () => {
    const garbage: string[] = [];
    const { a, b, channel } = await twoInstances((raw) => garbage.push(raw));
    for (const cache of [a, b]) await cache.getOrLoad('api:x:v1', () => 'x');
    await publisher.publish(
      channel,
      JSON.stringify({ source: 'a', type: 'delete', keys: ['api:x:v1'] }),
    );
    for (const raw of [
      'not json',
      '{"source":"z","type":"delete","keys":[1]}',
      '{"type":"clear","pattern":"*"}',
    ]) {
      await publisher.publish(channel, raw);
    }
    await expect
      .poll(() => b.memory.getSync('api:x:v1'), { timeout: 2000, interval: 5 })
      .toBeUndefined();
    await expect.poll(() => garbage.length, { timeout: 2000, interval: 5 }).toBe(6);
    expect(a.memory.getSync('api:x:v1')).toBe('x');
  });
});
