import { describe, expect, it } from 'vitest';
import type { Store } from './open-store.ts';
import type { RollupRow } from './rollup-repository.ts';
import { storeHarnesses, useMigratedStore } from './testing/store-harness.ts';

const T0 = 1_767_225_600_000;
const MINUTE = 60_000;

function rollup(overrides: Partial<RollupRow> = {}): RollupRow {
  return {
    instanceId: 'instance-a',
    seriesKey: 'api.responseTime{endpoint=/graphql}',
    name: 'api.responseTime',
    tags: { endpoint: '/graphql', region: 'eu-west-1' },
    kind: 'distribution',
    resolution: '1m',
    bucketStart: T0,
    count: 3,
    sum: 42.5,
    min: 1.25,
    max: 30.000001,
    last: null,
    sketch: '{"gamma":1.02,"bins":{"12":2,"170":1}}',
    ...overrides,
  };
}

describe.each(storeHarnesses)('RollupRepository on $dialect', ({ create }) => {
  let store: Store;
  useMigratedStore(create, (opened) => {
    store = opened.store;
  });

  it('round-trips rows exactly, with numbers as numbers', async () => {
    const distribution = rollup();
    const gauge = rollup({
      seriesKey: 'process.heapUsed{}',
      name: 'process.heapUsed',
      tags: {},
      kind: 'gauge',
      count: 2,
      sum: 80_000_000,
      min: 39_000_000,
      max: 41_000_000,
      last: 41_000_000,
      sketch: null,
    });
    await store.rollups.upsert([distribution, gauge]);

    const loaded = await store.rollups.load({ since: T0 });
    expect(loaded).toEqual([distribution, gauge]);
    for (const row of loaded) {
      for (const field of ['bucketStart', 'count', 'sum', 'min', 'max'] as const) {
        expect(typeof row[field]).toBe('number');
      }
    }
    expect(typeof loaded[1]?.last).toBe('number');
  });

  it('replaces the values of a row whose key exists', async () => {
    await store.rollups.upsert([rollup(), rollup({ bucketStart: T0 + MINUTE })]);
    const replacement = rollup({
      tags: { endpoint: '/graphql', region: 'us-east-1' },
      count: 5,
      sum: 100,
      min: 0.5,
      max: 60,
      sketch: '{"gamma":1.02,"bins":{"1":5}}',
    });
    await store.rollups.upsert([replacement]);

    expect(await store.rollups.load({ since: 0 })).toEqual([
      replacement,
      rollup({ bucketStart: T0 + MINUTE }),
    ]);
  });

  it('writes large batches in one transaction: all rows or none', async () => {
    const rows = Array.from({ length: 1_201 }, (_, index) =>
      rollup({ seriesKey: `series-${String(index).padStart(4, '0')}` }),
    );
    await store.rollups.upsert(rows);
    expect(await store.rollups.load({ since: T0 })).toHaveLength(1_201);

    // The bad row sits in the third statement; the first two must be rolled back with it.
    const failing = [
      ...rows.map((row) => ({ ...row, bucketStart: T0 + MINUTE })),
      rollup({ bucketStart: T0 + MINUTE, instanceId: null as unknown as string }),
    ];
    await expect(store.rollups.upsert(failing)).rejects.toThrow();
    expect(await store.rollups.load({ since: T0 + MINUTE })).toEqual([]);

    await store.rollups.upsert([]);
    expect(await store.rollups.load({ since: 0 })).toHaveLength(1_201);
  });

  it('loads all instances by default and filters by time, resolution, instance and name', async () => {
    const a1m = rollup();
    const b1m = rollup({ instanceId: 'instance-b' });
    const a5m = rollup({ resolution: '5m', bucketStart: T0 + 5 * MINUTE });
    const other = rollup({
      seriesKey: 'cache.hits{tier=memory}',
      name: 'cache.hits',
      tags: { tier: 'memory' },
      kind: 'counter',
      bucketStart: T0 + MINUTE,
    });
    const old = rollup({ bucketStart: T0 - MINUTE });
    await store.rollups.upsert([old, other, a5m, b1m, a1m]);

    expect(await store.rollups.load({ since: T0 })).toEqual([a1m, b1m, other, a5m]);
    expect(await store.rollups.load({ since: T0, until: T0 + MINUTE })).toEqual([a1m, b1m]);
    expect(await store.rollups.load({ since: 0, resolution: '5m' })).toEqual([a5m]);
    expect(await store.rollups.load({ since: T0, instanceId: 'instance-b' })).toEqual([b1m]);
    expect(await store.rollups.load({ since: 0, name: 'cache.hits' })).toEqual([other]);
    expect(
      await store.rollups.load({ since: 0, resolution: '1m', instanceId: 'instance-a' }),
    ).toEqual([old, a1m, other]);
  });

  it('deletes rows of one resolution older than a time and returns how many', async () => {
    await store.rollups.upsert([
      rollup({ bucketStart: T0 - 2 * MINUTE }),
      rollup({ bucketStart: T0 - MINUTE, instanceId: 'instance-b' }),
      rollup({ bucketStart: T0 }),
      rollup({ bucketStart: T0 - 60 * MINUTE, resolution: '1h' }),
    ]);

    const deleted = await store.rollups.deleteOlderThan('1m', T0);
    expect(deleted).toBe(2);
    expect(typeof deleted).toBe('number');
    expect(await store.rollups.deleteOlderThan('1m', T0)).toBe(0);
    expect(
      (await store.rollups.load({ since: 0 })).map((row) => [row.resolution, row.bucketStart]),
    ).toEqual([
      ['1h', T0 - 60 * MINUTE],
      ['1m', T0],
    ]);
  });

  it('rejects non-finite values and unknown kinds before writing anything', async () => {
    await expect(
      store.rollups.upsert([rollup({ bucketStart: T0 - MINUTE }), rollup({ max: Number.NaN })]),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: `max of rollup "api.responseTime{endpoint=/graphql}" at ${T0} must be a finite number, got NaN`,
    });
    await expect(
      store.rollups.upsert([rollup({ kind: 'histogram' as 'gauge' })]),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: `Unknown kind "histogram" in rollup "api.responseTime{endpoint=/graphql}" at ${T0}`,
    });
    await expect(store.rollups.upsert([rollup({ last: Infinity })])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    expect(await store.rollups.load({ since: 0 })).toEqual([]);
  });
});
