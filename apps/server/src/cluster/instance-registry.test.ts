import { connectRedis, deleteRedisKeys, uniqueRedisPrefix } from '@taurine/cache/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createInstanceRegistry } from './instance-registry.ts';
import type { InstanceBeat } from './instance-registry.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const beat = (id: string, lastSeen: number): InstanceBeat => ({
  id,
  version: '1.2.3',
  startedAt: lastSeen - 60_000,
  lastSeen,
  healthScore: 100,
  dependencies: { database: 'up' },
  heapUsedMB: 50,
  rssMB: 120,
  heapUsedRatio: 0.02,
  cpuUsage: 0.1,
  uptimeSeconds: 60,
  webSocketConnections: 0,
  eventLoopP99Ms: 12,
});

describe('the instance registry on a real Redis', () => {
  it('lists live instances with the leader, and marks one gone after 3 ticks without a beat or at its stop', async () => {
    const redis = await connectRedis();
    const prefix = uniqueRedisPrefix();
    cleanups.push(async () => {
      await deleteRedisKeys(prefix, redis);
      await redis.quit();
    });
    const registry = createInstanceRegistry({
      redis,
      key: `${prefix}instances`,
      leaderKey: `${prefix}leader`,
      intervalMs: 1000,
      goneAfterTicks: 3,
    });
    const now = Date.now();
    await registry.beat(beat('web-1', now));
    await registry.beat(beat('web-2', now - 3500));
    await registry.beat(beat('web-3', now));
    await redis.set(`${prefix}leader`, 'web-1');
    await registry.leave(beat('web-3', now));
    const listed = await registry.list(now);
    expect(listed.map((i) => [i.id, i.status, i.leader])).toEqual([
      ['web-1', 'live', true],
      ['web-2', 'gone', false],
      ['web-3', 'gone', false],
    ]);
    expect(listed[0]).toMatchObject({ version: '1.2.3', healthScore: 100 });
  });
});
