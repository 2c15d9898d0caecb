import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { RedisTier } from './redis-tier.ts';
import { connectRedis, deleteRedisKeys, uniqueRedisPrefix } from './testing/redis.ts';

describe('RedisTier', () => {
  let client: Redis;
  let prefix: string;

  beforeAll(async () => {
    client = await connectRedis();
  });

  beforeEach(() => {
    prefix = uniqueRedisPrefix();
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await deleteRedisKeys(prefix, client);
  });

  afterAll(async () => {
    await client.quit();
  });

  it('stores JSON under its prefix with a PX TTL', async () => {
    const tier = new RedisTier({ client, prefix });
    await tier.set('data:flavors:v1', { n: 1 }, 60_000);
    expect(await client.get(`${prefix}data:flavors:v1`)).toBe('{"n":1}');
    const pttl = await client.pttl(`${prefix}data:flavors:v1`);
    expect(pttl).toBeGreaterThan(59_000);
  });

  it('clears with SCAN and batched UNLINK, never KEYS, and only inside its prefix', async () => {
    const tier = new RedisTier({ client, prefix, batchSize: 100, scanCount: 200 });
    const neighbour = `${prefix.slice(0, -1)}-other:`;
    const pipeline = client.pipeline();
    for (let i = 0; i < 1200; i++) pipeline.set(`${prefix}search:${i}:v1`, '1', 'PX', 60_000);
    pipeline.set(`${prefix}data:keep`, '1', 'PX', 60_000);
    pipeline.set(`${neighbour}search:1:v1`, '1', 'PX', 60_000);
    await pipeline.exec();
    const keys = vi.spyOn(client, 'keys');
    const unlink = vi.spyOn(client, 'unlink');
    expect(await tier.clear('search:*:v1')).toBe(1200);
    expect(keys).not.toHaveBeenCalled();
    expect(unlink.mock.calls.length).toBeGreaterThanOrEqual(12);
    for (const call of unlink.mock.calls) expect(call.length).toBeLessThanOrEqual(100);
    expect(await client.exists(`${prefix}data:keep`, `${neighbour}search:1:v1`)).toBe(2);
    await client.unlink(`${neighbour}search:1:v1`);
  });

  it('treats Redis glob syntax in the prefix and pattern literally', async () => {
    const tier = new RedisTier({ client, prefix: `${prefix}[x]` });
    await tier.set('a', 1, 60_000);
    await client.set(`${prefix}x` + 'a', '1', 'PX', 60_000);
    expect(await tier.clear('*')).toBe(1);
    expect(await client.exists(`${prefix}xa`)).toBe(1);
  });

  it('reads many keys in one round trip, across MGET batches', async () => {
    const tier = new RedisTier({ client, prefix, batchSize: 3 });
    const keys = Array.from({ length: 10 }, (_, i) => `k${i}`);
    for (const key of keys.filter((_, i) => i % 2 === 0)) await tier.set(key, key, 60_000);
    const pipeline = vi.spyOn(client, 'pipeline');
    const entries = await tier.getMany(keys);
    expect(pipeline).toHaveBeenCalledTimes(1);
    expect(entries.map((entry) => entry?.value)).toEqual(
      keys.map((key, i) => (i % 2 === 0 ? key : undefined)),
    );
  });

  it('treats a value it did not write as a miss', async () => {
    const tier = new RedisTier({ client, prefix });
    await client.set(`${prefix}foreign`, 'not json {', 'PX', 60_000);
    expect(await tier.get('foreign')).toBeUndefined();
  });

  it('estimates the footprint of its prefix from MEMORY USAGE samples', async () => {
    const tier = new RedisTier({ client, prefix, memorySampleSize: 5 });
    for (let i = 0; i < 20; i++) await tier.set(`k${i}`, 'x'.repeat(500), 60_000);
    const size = await tier.size();
    expect(size.keys).toBe(20);
    expect(size.bytes).toBeGreaterThan(20 * 500);
    expect(size.estimated).toBe(true);
  });

  it('fails fast instead of queueing while the client is not connected', async () => {
    const offline = await connectRedis();
    await offline.quit();
    await expect.poll(() => offline.status).toBe('end');
    const tier = new RedisTier({ client: offline, prefix });
    expect(tier.status()).toBe('down');
    await expect(tier.get('k')).rejects.toMatchObject({ code: 'TIER_UNAVAILABLE' });
    await expect(tier.ping()).rejects.toMatchObject({ code: 'TIER_UNAVAILABLE' });
  });

  it('refuses a missing prefix and a client with its own keyPrefix', async () => {
    expect(() => new RedisTier({ client, prefix: '' })).toThrow(
      'RedisTier: prefix must be a non-empty string',
    );
    const prefixed = await connectRedis(undefined, { keyPrefix: 'x:' });
    try {
      expect(() => new RedisTier({ client: prefixed, prefix })).toThrow(
        'RedisTier: the client must not set keyPrefix; pass the prefix to RedisTier instead',
      );
    } finally {
      await prefixed.quit();
    }
  });
});
