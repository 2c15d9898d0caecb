import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';
import { startPrivateRedisServer } from '@taurine/cache/testing';
import type { PrivateRedisServer } from '@taurine/cache/testing';
import { openLiveClient } from '../testing/live-client.ts';
import type { LiveClient } from '../testing/live-client.ts';
import { waitUntil } from '../testing/wait-until.ts';

let redis: PrivateRedisServer;
let first: TestApp;
let second: TestApp;
let client: LiveClient;

beforeAll(async () => {
  redis = await startPrivateRedisServer();
  const env = {
    REDIS_URL: redis.url,
    REDIS_PREFIX: 'outage-events:',
    COLLECT_INTERVAL_MS: '300',
    CACHE_WARM_ON_START: 'false',
  };
  first = await createTestApp({ ...env, INSTANCE_ID: 'a' });
  second = await createTestApp({ ...env, INSTANCE_ID: 'b' });
  const { url } = await first.start();
  await second.start();
  client = openLiveClient(`${url.replace('http', 'ws')}/graphql`, { 'x-api-key': first.adminKey });
});
afterAll(async () => {
  await client.dispose();
  await second.dispose();
  await first.dispose();
  await redis.kill();
});

interface Received {
  at: number;
  instanceId: string;
}

describe('Redis killed while subscribers listen', () => {
  it('keeps delivering local events, and resumes without stale ones after Redis is back', async () => {
    const snapshots = client.subscribe<{ snapshot: { at: string; instanceId: string } }>(
      'subscription { snapshot { at instanceId } }',
    );
    const received = (): Received[] =>
      snapshots.data.map(({ snapshot }) => ({
        at: Date.parse(snapshot.at),
        instanceId: snapshot.instanceId,
      }));
    const from = (instanceId: string, after: number) =>
      received().filter((r) => r.instanceId === instanceId && r.at > after);

    // Both instances' snapshots reach a subscriber of the first one.
    await waitUntil(() => from('a', 0).length >= 2 && from('b', 0).length >= 2);

    await redis.kill();
    const killedAt = Date.now();
    // The first instance's own snapshots keep coming without Redis.
    await waitUntil(() => from('a', killedAt).length >= 5);

    const restartedAt = Date.now();
    await redis.start();
    await waitUntil(() => from('b', restartedAt).length >= 3, 30_000);

    // Nothing the second instance took while Redis was down arrives late as a burst.
    expect(
      received().filter((r) => r.instanceId === 'b' && r.at > killedAt && r.at < restartedAt),
    ).toEqual([]);
    // Each instance's stream is in order, without duplicates (no echo of its own events).
    for (const instanceId of ['a', 'b']) {
      const times = received()
        .filter((r) => r.instanceId === instanceId)
        .map((r) => r.at);
      expect(times).toEqual([...new Set(times)].sort((x, y) => x - y));
    }
    expect(snapshots.error).toBeUndefined();
    expect(client.closes).toEqual([]);
  });
});
