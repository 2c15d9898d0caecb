import { describe, expect, it } from 'vitest';
import { describeThreshold, evaluateThresholds, percentile, summarize } from './run-stats.ts';
import type { Sample } from './run-stats.ts';
import { usersAt } from './run-scenario.ts';

const T0 = 1_000_000;
/** 100 requests over 10 s taking 1…100 ms; every tenth failed. */
const samples: Sample[] = Array.from({ length: 100 }, (_, index) => ({
  startedAt: T0 + index * 100,
  ms: index + 1,
  ok: index % 10 !== 9,
}));

describe('run figures', () => {
  it('summarises the requests that started in a window', () => {
    expect(summarize(samples, T0, T0 + 10_000)).toEqual({
      requests: 100,
      errors: 10,
      errorRatePercent: 10,
      throughputRps: 10,
      p50Ms: 50,
      p95Ms: 95,
      p99Ms: 99,
    });
    const firstSecond = summarize(samples, T0, T0 + 1000);
    expect([firstSecond.requests, firstSecond.errors, firstSecond.p95Ms]).toEqual([10, 1, 10]);
    expect(summarize([], T0, T0 + 1000).p95Ms).toBeNull();
    expect(percentile([], 0.5)).toBeNull();
  });

  it('breaks each threshold on the right side of its limit', () => {
    const summary = summarize(samples, T0, T0 + 10_000);
    expect(
      evaluateThresholds(summary, { p95Ms: 95, errorRatePercent: 10.5, throughputRps: 10 }),
    ).toEqual([
      { metric: 'p95Ms', limit: 95, actual: 95, passed: false },
      { metric: 'errorRatePercent', limit: 10.5, actual: 10, passed: true },
      { metric: 'throughputRps', limit: 10, actual: 10, passed: true },
    ]);
    expect(evaluateThresholds(summary, {})).toEqual([]);
    // Nothing measured proves nothing: every threshold set fails.
    const empty = summarize([], T0, T0 + 1000);
    expect(
      evaluateThresholds(empty, { p95Ms: 100, errorRatePercent: 5 }).map((t) => t.passed),
    ).toEqual([false, false]);
    expect(describeThreshold({ metric: 'p95Ms', limit: 500, actual: 812.44, passed: false })).toBe(
      'p95 812.4 ms, limit < 500 ms',
    );
  });

  it('moves users linearly on ramps and holds them otherwise', () => {
    const ramp = {
      name: 'up',
      kind: 'ramp-up',
      durationMs: 10_000,
      startUsers: 0,
      users: 20,
    } as const;
    expect([0, 2_500, 5_000, 10_000, 12_000].map((at) => usersAt(ramp, at))).toEqual([
      0, 5, 10, 20, 20,
    ]);
    const down = { ...ramp, kind: 'ramp-down', startUsers: 20, users: 0 } as const;
    expect(usersAt(down, 7_500)).toBe(5);
    const spike = { ...ramp, kind: 'spike', startUsers: 50, users: 50 } as const;
    expect(usersAt(spike, 0)).toBe(50);
  });
});
