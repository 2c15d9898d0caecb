import { createManualClock, createMetricsRegistry } from '@taurine/monitor';
import { createSqliteHarness } from '@taurine/store/testing';
import type { StoreHarness } from '@taurine/store/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createClusterViews, sinceForWindow } from './cluster-views.ts';

const standardTags = {
  environment: 'test',
  region: 'local',
  service: 'taurine',
  version: '1',
  deployment: 'default',
};
const START = Date.UTC(2026, 0, 1, 12, 0, 10);
let harness: StoreHarness | undefined;
afterEach(async () => {
  await harness?.cleanup();
});

/** One instance's rollups: `values` in its first minute, its open minute sealed as a tick does. */
function rollupsOf(instanceId: string, values: number[]) {
  const registry = createMetricsRegistry({ clock: createManualClock(START), standardTags });
  for (const value of values) registry.distribution('api.responseTime', value);
  registry.counter('api.requests', values.length);
  registry.sealOpenMinute();
  return registry.drainClosedRollups().map((record) => ({
    ...record,
    instanceId,
    last: record.kind === 'gauge' ? record.last : null,
  }));
}

describe('cluster views', () => {
  it("answer for every instance's rows merged, or for one instance alone", async () => {
    harness = await createSqliteHarness();
    const store = await harness.open();
    await store.migrate();
    await store.rollups.upsert([...rollupsOf('web-1', [10, 20, 30]), ...rollupsOf('web-2', [40])]);
    const now = () => START + 30_000;
    const views = createClusterViews({ store, standardTags, intervalMs: 1000, now });
    const since = sinceForWindow('1h', now());
    const cluster = await views.view({ names: ['api.responseTime', 'api.requests'], since });
    expect(cluster.stats('api.responseTime', undefined, '1h')).toMatchObject({ count: 4, max: 40 });
    expect(cluster.stats('api.requests', undefined, '1h').sum).toBe(4);
    const one = await views.view({ names: ['api.responseTime'], since, instance: 'web-2' });
    expect(one.stats('api.responseTime', undefined, '1h')).toMatchObject({ count: 1, min: 40 });
    // Every metric, for listings and exports.
    const all = await views.view({ since });
    expect(all.listSeries('api.').map((series) => series.name)).toEqual([
      'api.requests',
      'api.responseTime',
    ]);
  });

  it('builds a view once per tick for the queries of that tick', async () => {
    harness = await createSqliteHarness();
    const store = await harness.open();
    await store.migrate();
    let at = START + 30_000;
    const views = createClusterViews({ store, standardTags, intervalMs: 1000, now: () => at });
    const since = sinceForWindow('1h', at);
    const first = await views.view({ names: ['api.requests'], since });
    expect(await views.view({ names: ['api.requests'], since })).toBe(first);
    await store.rollups.upsert(rollupsOf('web-3', [5]));
    at += 1000;
    const next = await views.view({ names: ['api.requests'], since });
    expect(next.stats('api.requests', undefined, '1h').sum).toBe(1);
  });
});
