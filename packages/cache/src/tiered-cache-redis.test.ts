import { afterEach, describe, expect, it } from 'vitest';
import { RedisTier } from './redis-tier.ts';
import { TieredCache } from './tiered-cache.ts';
import type { PrivateRedisServer } from './testing/redis.ts';
import {
  connectRedis,
  deleteRedisKeys,
  startPrivateRedisServer,
  uniqueRedisPrefix,
} from './testing/redis.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('TieredCache over a real Redis', () => {
  it('clears a glob from memory and Redis alike', async () => {
    const client = await connectRedis();
    const prefix = uniqueRedisPrefix();
    const cache = new TieredCache({ redis: new RedisTier({ client, prefix }) });
    cleanups.push(async () => {
      await cache.close();
      await deleteRedisKeys(prefix, client);
      await client.quit();
    });
    const keys = ['search:a:v1', 'search:b:v1', 'search:b:v2', 'data:flavors:v1', 'data:[x]:v1'];
    for (const key of keys) await cache.getOrLoad(key, () => key);
    await cache.flush();
    await client.set(`${prefix}search:remote-only:v1`, '"r"', 'PX', 60_000);
    expect(await cache.clear('search:*:v1')).toEqual({ memory: 2, redis: 3 });
    expect(await cache.clear('data:[x]*')).toEqual({ memory: 1, redis: 1 });
    expect(
      await client.exists(...['search:b:v2', 'data:flavors:v1'].map((key) => prefix + key)),
    ).toBe(2);
    expect(cache.memory.getSync('search:b:v2')).toBe('search:b:v2');
    await expect(cache.clear('*'.repeat(10_000))).rejects.toMatchObject({
      code: 'INVALID_PATTERN',
    });
    const stats = await cache.stats();
    expect(stats.tiers[1]).toMatchObject({ name: 'redis', status: 'up', keys: 2 });
    expect(stats.tiers[1]!.bytes).toBeGreaterThan(0);
  });

  it('survives its redis-server being killed mid-traffic with zero failed reads, and recovers', async () => {
    const server: PrivateRedisServer = await startPrivateRedisServer();
    cleanups.push(() => server.kill());
    const client = await connectRedis(server.port, { retryStrategy: () => 50 });
    cleanups.push(() => {
      client.disconnect();
      return Promise.resolve();
    });
    const prefix = uniqueRedisPrefix();
    const statuses: string[] = [];
    const cache = new TieredCache({
      redis: new RedisTier({ client, prefix }),
      // A timeout a loaded machine's healthy Redis never reaches: what marks the tier down here
      // is the dead server, and how fast the breaker answers is measured in the cache benchmark.
      breaker: { timeoutMs: 2000, probeIntervalMs: 100 },
      metrics: { recordStatus: (_tier, status) => statuses.push(status) },
    });
    cleanups.push(() => cache.close());

    let reads = 0;
    let failures = 0;
    let running = true;
    const traffic = async (worker: number) => {
      for (let i = 0; running; i++) {
        try {
          // Mostly new keys so most reads reach Redis; a few repeats hit memory.
          const key = `api:w${worker}:${i % 50 === 0 ? 0 : i}:v1`;
          const value = await cache.getOrLoad(key, () => key);
          if (value !== key) failures++;
        } catch {
          failures++;
        }
        reads++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    const workers = Promise.all([0, 1, 2, 3].map(traffic));

    // Synchronise on reads done, not on elapsed time: a loaded machine does fewer per second.
    const readsReach = (count: number) =>
      expect.poll(() => reads, { timeout: 30_000, interval: 5 }).toBeGreaterThanOrEqual(count);
    await readsReach(200);
    expect(cache.status().redis).toBe('up');
    await server.kill();
    await expect.poll(() => cache.status().redis, { timeout: 10_000, interval: 5 }).toBe('down');
    // Reads keep succeeding while Redis is gone.
    await readsReach(reads + 100);
    await server.start();
    await expect.poll(() => cache.status().redis, { timeout: 10_000, interval: 20 }).toBe('up');
    await readsReach(reads + 100);
    running = false;
    await workers;

    expect(failures).toBe(0);
    expect(statuses).toEqual(['down', 'up']);
    await cache.getOrLoad('api:after-restart:v1', () => 'written');
    await cache.flush();
    expect(await client.get(`${prefix}api:after-restart:v1`)).toBe('"written"');
  });
});
