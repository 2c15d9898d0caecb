import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import { SHARED_REDIS_URL, deleteRedisKeys, uniqueRedisPrefix } from '@taurine/cache/testing';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';

// Two instances on the shared local Redis, isolated from other runs by a unique prefix.
const prefix = uniqueRedisPrefix();
const env = (instance: string) => ({
  REDIS_URL: SHARED_REDIS_URL,
  REDIS_PREFIX: prefix,
  INSTANCE_ID: instance,
  CACHE_WARM_ON_START: 'false',
});

let first: TestApp;
let second: TestApp;
beforeAll(async () => {
  first = await createTestApp(env('first'));
  second = await createTestApp(env('second'));
  await Promise.all([first.services.cache.ready(), second.services.cache.ready()]);
});
afterAll(async () => {
  await first.dispose();
  await second.dispose();
  await deleteRedisKeys(prefix);
});

const FLAVORS = '{ flavors(first: 3) { totalCount } }';
const KEY = 'data:flavors:v2:active';

interface Tier {
  name: string;
  hits: number;
}
const redisHits = async (app: TestApp) =>
  (
    await app.graphql<{ caches: { tiers: Tier[] } }>('{ caches { tiers { name hits } } }')
  ).data!.caches.tiers.find((tier) => tier.name === 'redis')!.hits;

describe('several instances on one Redis', () => {
  it('shares values through the Redis tier', async () => {
    await first.graphql(FLAVORS);
    await first.services.cache.flush();
    // The second instance has never loaded it: its memory misses, Redis answers.
    await second.graphql(FLAVORS);
    expect(await redisHits(second)).toBe(1);
    expect(second.services.cache.memory.has(KEY)).toBe(true);
  });

  it('clears a pattern from both tiers on every instance', async () => {
    expect(first.services.cache.memory.has(KEY)).toBe(true);
    const result = await first.graphql<{ clearCache: { memory: number; redis: number } }>(
      'mutation { clearCache(pattern: "data:flavors:*") { ... on CacheClearReport { memory redis } } }',
    );
    expect(result.data!.clearCache.redis).toBeGreaterThanOrEqual(1);
    const deadline = Date.now() + 30_000;
    while (second.services.cache.memory.has(KEY) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(first.services.cache.memory.has(KEY)).toBe(false);
    expect(second.services.cache.memory.has(KEY)).toBe(false);
  });

  it('fans snapshots out to subscribers of every instance', async () => {
    const iterator = second.services.pubsub.subscribe('snapshot')[Symbol.asyncIterator]();
    const next = iterator.next();
    // The subscription reaches Redis asynchronously: tick until a snapshot arrives (a tick
    // published before the SUBSCRIBE landed is simply not seen).
    let received: IteratorResult<unknown> | undefined;
    void next.then((result) => (received = result));
    const deadline = Date.now() + 30_000;
    while (!received && Date.now() < deadline) {
      await first.services.collector.tick();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!received) throw new Error('no snapshot reached the second instance within 30 s');
    await iterator.return();
    expect((received.value as { instanceId: string }).instanceId).toBe('first');
  });
});
