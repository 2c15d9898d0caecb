import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.ts';
import { latencyHistory, statsBetween } from '../testing/synthetic-history.ts';
import { seededRandom } from '../testing/seeded-random.ts';
import { computeBaseline } from './baseline.ts';
import { DEFAULT_REGRESSION_POLICY, checkRegression } from './regression-check.ts';
import type { RegressionPolicy } from './regression-check.ts';
import { RegressionTracker } from './regression-tracker.ts';
import type { Regression } from './regression-tracker.ts';

const MINUTE = 60_000;
const TICK = 30_000;

interface Scenario {
  perMinute: number;
  /** Latency factor from t = 0 until `until` (then back to 1). */
  slowdown: number;
  until?: number;
  ticks: number;
  policy?: RegressionPolicy;
}

/**
 * A synthetic API (log-normal latency around 20 ms) with an hour of history before t = 0, a
 * slowdown from t = 0, and a tick every 30 s comparing the last minute with the hour's baseline.
 */
function run(scenario: Scenario) {
  const random = seededRandom(16);
  const until = scenario.until ?? Infinity;
  const samples = latencyHistory({
    random,
    from: -60 * MINUTE,
    to: scenario.ticks * TICK,
    perMinute: scenario.perMinute,
    medianMs: 20,
    factor: (t) => (t >= 0 && t < until ? scenario.slowdown : 1),
  });
  const slices = [];
  for (let m = -60 * MINUTE; m < 0; m += MINUTE) slices.push(statsBetween(samples, m, m + MINUTE));
  const baseline = computeBaseline({
    period: '1h',
    range: { from: -60 * MINUTE, to: 0 },
    merged: statsBetween(samples, -60 * MINUTE, 0),
    slices,
  });
  const clock = createManualClock(0);
  const tracker = new RegressionTracker({ clock });
  const opened: { tick: number; regression: Regression }[] = [];
  const recovered: { tick: number; regression: Regression }[] = [];
  for (let tick = 1; tick <= scenario.ticks; tick++) {
    clock.set(tick * TICK);
    const current = statsBetween(samples, clock.now() - MINUTE, clock.now());
    const checks = checkRegression(baseline, current, scenario.policy);
    const transitions = tracker.observe('api.responseTime', { operation: 'flavors' }, checks);
    opened.push(
      ...transitions.opened.map((regression) => ({ tick, regression: { ...regression } })),
    );
    recovered.push(
      ...transitions.recovered.map((regression) => ({ tick, regression: { ...regression } })),
    );
  }
  return { opened, recovered, tracker };
}

const p95 = (events: { tick: number; regression: Regression }[]) =>
  events.filter((event) => event.regression.statistic === 'p95');

describe('regression detection on synthetic histories', () => {
  it('detects a 25 % p95 regression within two ticks, naming the metric and the change', () => {
    const { opened } = run({ perMinute: 300, slowdown: 1.25, ticks: 10 });
    const first = p95(opened)[0];
    expect(first?.tick).toBeLessThanOrEqual(2);
    expect(first?.regression).toMatchObject({ metric: 'api.responseTime', recoveredAt: null });
    expect(first?.regression.change).toBeGreaterThan(0.2);
    expect(first?.regression.change).toBeLessThan(0.35);
    expect(first?.regression.confidence).toBeGreaterThan(0.5);
  });

  it('recovers once the slowdown is gone', () => {
    const { recovered, tracker } = run({
      perMinute: 300,
      slowdown: 1.25,
      until: 5 * TICK,
      ticks: 10,
    });
    expect(p95(recovered)[0]?.tick).toBeLessThanOrEqual(8);
    expect(tracker.openRegressions()).toEqual([]);
    expect(
      tracker.regressions(0).some((r) => r.statistic === 'p95' && r.recoveredAt !== null),
    ).toBe(true);
  });

  it('does not raise a 10 % regression', () => {
    const { opened } = run({ perMinute: 300, slowdown: 1.1, ticks: 20 });
    expect(opened).toEqual([]);
  });

  it('does not raise a regression seen at 3 samples a minute, however large', () => {
    const { opened } = run({ perMinute: 3, slowdown: 2, ticks: 20 });
    expect(opened).toEqual([]);
  });

  it('is direction aware: a hit rate going up is no regression, going down is', () => {
    const baseline = computeBaseline({
      period: '1h',
      range: { from: 0, to: 1 },
      merged: { count: 600, p50: null, p95: null, p99: null, mean: 0.9 },
      slices: Array.from({ length: 10 }, (_, i) => ({
        count: 60,
        p50: null,
        p95: null,
        p99: null,
        mean: 0.9 + (i % 2) * 0.01,
      })),
    });
    const policy = {
      ...DEFAULT_REGRESSION_POLICY,
      direction: 'down' as const,
      statistics: ['mean' as const],
    };
    const at = (mean: number) =>
      checkRegression(baseline, { count: 100, p50: null, p95: null, p99: null, mean }, policy);
    expect(at(0.6)[0]).toMatchObject({ regressed: true, severity: 'warning' });
    expect(at(0.3)[0]).toMatchObject({ regressed: true, severity: 'critical' });
    expect(at(1)[0]?.regressed).toBe(false);
  });

  it('gives no verdict without enough baseline history', () => {
    const baseline = computeBaseline({
      period: '1h',
      range: { from: 0, to: 1 },
      merged: { count: 600, p50: 10, p95: 20, p99: 30, mean: 12 },
      slices: [{ count: 600, p50: 10, p95: 20, p99: 30, mean: 12 }],
    });
    expect(checkRegression(baseline, { count: 600, p50: 50, p95: 90, p99: 99, mean: 60 })).toEqual(
      [],
    );
  });
});
