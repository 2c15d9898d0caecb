import { describe, expect, it } from 'vitest';
import type { LoadTestFigures, NewLoadTestRun } from './load-test-run-repository.ts';
import type { Store } from './open-store.ts';
import { storeHarnesses, useMigratedStore } from './testing/store-harness.ts';

const T0 = 1_767_225_600_000;

const figures = (requests: number, p95Ms: number | null): LoadTestFigures => ({
  requests,
  errors: 1,
  throughputRps: requests / 10,
  p50Ms: p95Ms === null ? null : p95Ms / 2,
  p95Ms,
  p99Ms: p95Ms === null ? null : p95Ms * 1.5,
});

function run(overrides: Partial<NewLoadTestRun> = {}): NewLoadTestRun {
  return {
    name: 'three phases',
    mode: 'load',
    verdict: 'failed',
    targetUrl: 'http://localhost:4000/graphql',
    startedAt: T0,
    endedAt: T0 + 30_000,
    recordedBy: 'ci-operator',
    phases: [
      {
        name: 'warm up',
        kind: 'ramp-up',
        startUsers: 0,
        users: 20,
        startedAt: T0,
        endedAt: T0 + 10_000,
        figures: figures(100, 12.5),
      },
      {
        name: 'ramp-down',
        kind: 'ramp-down',
        startUsers: 20,
        users: 0,
        startedAt: T0 + 10_000,
        endedAt: T0 + 30_000,
        figures: figures(0, null),
      },
    ],
    thresholds: [
      { metric: 'p95Ms', limit: 10, actual: 12.5, passed: false },
      { metric: 'errorRatePercent', limit: 5, actual: 1, passed: true },
    ],
    breakingPoint: null,
    figures: figures(100, 12.5),
    ...overrides,
  };
}

describe.each(storeHarnesses)('LoadTestRunRepository on $dialect', ({ create }) => {
  let store: Store;
  let clock: number;
  useMigratedStore(
    create,
    (opened) => {
      store = opened.store;
      clock = T0 + 60_000;
    },
    { now: () => clock },
  );

  it('stores a run with its phases, thresholds and breaking point and reads it back exactly', async () => {
    const stress = run({
      mode: 'stress',
      verdict: 'breaking-point',
      breakingPoint: { users: 40, lastGoodUsers: 30, reason: 'error rate 12.0 %, limit < 1 %' },
    });
    const stored = await store.loadTestRuns.record(stress);
    expect(stored).toEqual({
      ...stress,
      id: expect.any(Number) as number,
      recordedAt: T0 + 60_000,
    });
    expect(await store.loadTestRuns.list({ limit: 10 })).toEqual([stored]);
  });

  it('lists newest first, limits, and keeps only runs that ended in a chart range', async () => {
    for (const [index, name] of ['first', 'second', 'third'].entries()) {
      const startedAt = T0 + index * 100_000;
      await store.loadTestRuns.record(run({ name, startedAt, endedAt: startedAt + 30_000 }));
    }
    expect((await store.loadTestRuns.list({ limit: 2 })).map((r) => r.name)).toEqual([
      'third',
      'second',
    ]);
    const inRange = await store.loadTestRuns.list({ limit: 10, endedAfter: T0 + 130_000 });
    expect(inRange.map((r) => r.name)).toEqual(['third', 'second']);
    expect(await store.loadTestRuns.list({ limit: 0 })).toEqual([]);
  });

  it('refuses a run it cannot store, writing nothing', async () => {
    await expect(store.loadTestRuns.record(run({ name: '' }))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'name must be a non-empty string',
    });
    await expect(store.loadTestRuns.record(run({ endedAt: T0 - 1 }))).rejects.toMatchObject({
      message: 'endedAt must not be before startedAt',
    });
    await expect(
      store.loadTestRuns.record(run({ figures: { ...figures(1, 1), throughputRps: Infinity } })),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(store.loadTestRuns.list({ limit: -1 })).rejects.toMatchObject({
      message: 'limit must be a non-negative integer, got -1',
    });
    expect(await store.loadTestRuns.list({ limit: 10 })).toEqual([]);
  });
});
