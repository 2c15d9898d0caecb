import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((app) => app.dispose())));

interface SnapshotNumbers {
  snapshot: { requestsPerSecond: number | null; eventLoopDelayMs: { p50: number; p99: number } };
}

const snapshot = async (app: TestApp) =>
  (
    await app.graphql<SnapshotNumbers>(
      '{ snapshot { requestsPerSecond eventLoopDelayMs { p50 p99 } } }',
    )
  ).data!.snapshot;

/** Keeps the event loop busy for `ms` and returns how long it really was blocked. */
const blockEventLoop = (ms: number): number => {
  const start = performance.now();
  while (performance.now() - start < ms);
  return performance.now() - start;
};

describe('Query.snapshot numbers', () => {
  it('divides requestsPerSecond by the time the fresh instance has existed, not the whole window', async () => {
    const before = Date.now();
    const app = await createTestApp();
    apps.push(app);
    const requests = 20;
    for (let i = 0; i < requests; i += 1) {
      await app.graphql('query Marker { flavors(first: 1) { totalCount } }');
    }
    await app.services.collector.tick();
    const after = Date.now();
    // The instance existed for at most `after - before`: the rate is at least requests over that.
    const { requestsPerSecond } = await snapshot(app);
    expect(requestsPerSecond).not.toBeNull();
    expect(requestsPerSecond!).toBeGreaterThanOrEqual(requests / ((after - before) / 1000));
  });

  it('reports the median and p99 of every event-loop observation, not of per-tick p99s', async () => {
    const app = await createTestApp();
    apps.push(app);
    await app.services.collector.tick(); // starts a fresh sampling interval
    const blocked: number[] = [];
    // The workload: the loop runs freely (observed every 20 ms), is blocked once, runs freely again.
    const idle = () => new Promise((resolve) => setTimeout(resolve, 300));
    for (let round = 0; round < 3; round += 1) {
      await idle();
      blocked.push(blockEventLoop(150));
      await idle();
      await app.services.collector.tick();
    }
    const { p50, p99 } = (await snapshot(app)).eventLoopDelayMs;
    // 3 blocked observations among dozens of free ones: the median is a free one, the p99 a block.
    expect(p50).toBeLessThan(Math.min(...blocked) * 0.67);
    // 0.98: the sketch's 1 % relative accuracy and the histogram's 3 significant digits.
    expect(p99).toBeGreaterThanOrEqual(Math.min(...blocked) * 0.98);
  });
});
