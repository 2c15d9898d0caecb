import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import type { TestApp } from '../../apps/server/src/testing/test-app.ts';
import { startPrivateRedisServer } from '@taurine/cache/testing';
import type { PrivateRedisServer } from '@taurine/cache/testing';
import { waitUntil } from '../testing/wait-until.ts';

let redis: PrivateRedisServer;
let app: TestApp;
let url: string;

beforeAll(async () => {
  redis = await startPrivateRedisServer();
  app = await createTestApp({ REDIS_URL: redis.url, REDIS_PREFIX: 'outage-test:' });
  url = (await app.start()).url;
});
afterAll(async () => {
  await app.dispose();
  await redis.kill();
});

const health = async () =>
  (await (await fetch(`${url}/health`)).json()) as {
    status: string;
    checks: { redis: { status: string } };
  };

describe('Redis killed mid-traffic', () => {
  it('keeps answering every request, reports the tier down, and recovers on its own', async () => {
    // The tier starts up once the connection is ready (a loaded machine can take a moment).
    await waitUntil(async () => (await health()).checks.redis.status === 'up', 15_000);
    let failures = 0;
    let requests = 0;
    let searches = 0;
    // Traffic runs until it has sent `count` more requests: counts, not wall time, so a slow
    // machine sends the same traffic as a fast one.
    const traffic = async (count: number) => {
      for (const end = requests + count; requests < end;) {
        // Distinct searches miss memory, so each one really asks Redis.
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'query($s: String) { flavors(first: 2, filter: { search: $s }) { totalCount } }',
            variables: { s: `term-${searches++}` },
          }),
        });
        requests += 1;
        const body = (await response.json()) as { errors?: unknown };
        if (response.status !== 200 || body.errors) failures += 1;
      }
    };
    await traffic(20);
    const during = traffic(40); // in flight while redis-server dies
    await redis.kill();
    await during;
    await traffic(50); // every one of these against a dead Redis
    expect(failures).toBe(0);
    await waitUntil(async () => (await health()).checks.redis.status === 'down', 15_000);
    expect((await health()).status).toBe('degraded');

    await redis.start();
    await waitUntil(async () => (await health()).checks.redis.status === 'up', 15_000);
    await traffic(20);
    expect(failures).toBe(0);
  });
});
