import { describe, expect, it } from 'vitest';
import { baselineRange, computeBaseline } from './baseline.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('baselines', () => {
  it('cover the period before the current window on whole minutes, a week back for seasons', () => {
    const now = 10 * 24 * HOUR + 90_500;
    expect(baselineRange('1h', now, MINUTE)).toEqual({
      from: 10 * 24 * HOUR - HOUR,
      to: 10 * 24 * HOUR,
    });
    expect(baselineRange('7d', now).to - baselineRange('7d', now).from).toBe(7 * 24 * HOUR);
    const lastWeek = baselineRange('sameHourLastWeek', now);
    expect(lastWeek.to).toBe(baselineRange('1h', now).to - 7 * 24 * HOUR);
    expect(lastWeek.to - lastWeek.from).toBe(HOUR);
  });

  it('take the period from the merged rollups and the noise from the slices', () => {
    const slice = (p95: number, mean: number) => ({ count: 10, p50: 5, p95, p99: p95 * 2, mean });
    const baseline = computeBaseline({
      period: '1h',
      range: { from: 0, to: HOUR },
      merged: { count: 50, p50: 5, p95: 12, p99: 24, mean: 6 },
      slices: [
        slice(10, 5),
        slice(12, 6),
        slice(11, 6),
        slice(13, 7),
        slice(30, 6),
        { count: 0, p50: null, p95: null, p99: null, mean: null },
      ],
    });
    expect(baseline).toMatchObject({ count: 50, median: 5, p95: 12, p99: 24, mean: 6, slices: 5 });
    // MAD of 10, 11, 12, 13, 30 is 1 (one outlier does not move it), scaled to a σ.
    expect(baseline.spread.p95.mad).toBeCloseTo(1.4826, 4);
    expect(baseline.spread.p95.median).toBe(12);
    expect(baseline.spread.p95.stdDev).toBeGreaterThan(7);
    expect(baseline.mad).toBeCloseTo(0, 6);
    expect(baseline.stdDev).toBeCloseTo(Math.sqrt(0.4), 6);
  });
});
