import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisLoadLock } from './load-lock.ts';
import { RedisTier } from './redis-tier.ts';
import { TieredCache } from './tiered-cache.ts';
import { connectRedis, deleteRedisKeys, uniqueRedisPrefix } from './testing/redis.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** `count` caches sharing one Redis prefix, like instances of one deployment. */
async function instances(count: number, lockClient?: () => Redis) {
  const prefix = uniqueRedisPrefix();
  const clients = await Promise.all(Array.from({ length: count }, () => connectRedis()));
  const caches = clients.map(
    (client) =>
      new TieredCache({
        redis: new RedisTier({ client, prefix }),
        breaker: { timeoutMs: 2000 },
        loadLock: createRedisLoadLock({
          client: lockClient?.() ?? client,
          prefix: `${prefix}lock:`,
          timeoutMs: 2000,
        }),
      }),
  );
  cleanups.push(async () => {
    for (const cache of caches) await cache.close();
    await deleteRedisKeys(prefix, clients[0]);
    for (const client of clients) await client.quit();
  });
  return caches;
}

describe('the load lock across instances', () => {
  it('loads a cold key once for three instances missing it at the same time', async () => {
    const caches = await instances(3);
    let loads = 0;
    const loader = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { name: 'Red Bull', caffeineMg: 80 };
    };
    const values = await Promise.all(
      caches.flatMap((cache) => [1, 2, 3].map(() => cache.getOrLoad('data:flavors:v1', loader))),
    );
    expect(loads).toBe(1);
    for (const value of values) expect(value).toEqual({ name: 'Red Bull', caffeineMg: 80 });
  });

  it('lets a later miss on another instance read the value instead of loading it', async () => {
    const [first, second] = await instances(2);
    let loads = 0;
    const loader = () => {
      loads++;
      return 'catalogue';
    };
    await first!.getOrLoad('data:flavors:v4', loader);
    await second!.getOrLoad('data:flavors:v4', loader);
    expect(loads).toBe(1);
  });

  it('loads where the lock was taken again when its holder fails', async () => {
    const caches = await instances(2);
    let attempts = 0;
    const failing = async () => {
      attempts++;
      await new Promise((resolve) => setTimeout(resolve, 30));
      throw new Error('database away');
    };
    const results = await Promise.allSettled(
      caches.map((cache) => cache.getOrLoad('data:flavors:v2', failing)),
    );
    // Neither waits forever on the other: both end, neither gets a value from nowhere.
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(attempts).toBe(2);
  });

  it('loads per instance when the lock cannot be reached', async () => {
    const dead: Redis[] = [];
    const caches = await instances(3, () => {
      const client = new Redis({
        port: 1,
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      dead.push(client);
      return client;
    });
    cleanups.push(() => {
      for (const client of dead) client.disconnect();
      return Promise.resolve();
    });
    let loads = 0;
    const values = await Promise.all(
      caches.map((cache) =>
        cache.getOrLoad('data:flavors:v3', () => {
          loads++;
          return 'value';
        }),
      ),
    );
    expect(values).toEqual(['value', 'value', 'value']);
    expect(loads).toBeLessThanOrEqual(3);
    expect(loads).toBeGreaterThanOrEqual(1);
  });
});
