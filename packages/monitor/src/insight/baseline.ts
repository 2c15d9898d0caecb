import { HOUR_MS, MINUTE_MS } from '../metrics/windows.ts';
import type { TimeRange } from '../metrics/windows.ts';
import { INSIGHT_STATISTICS } from './insight-statistic.ts';
import type { InsightStatistic, WindowStats } from './insight-statistic.ts';
import { scaledMad, standardDeviation } from './robust-stats.ts';

/** The periods a baseline can cover; `sameHourLastWeek` is the hour a week before, for seasons. */
export const BASELINE_PERIODS = ['1h', '24h', '7d', 'sameHourLastWeek'] as const;

/** A baseline period. */
export type BaselinePeriod = (typeof BASELINE_PERIODS)[number];

const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

/**
 * How each period is sliced to measure its noise: one slice per step (the rollup resolution that
 * serves the period: minutes for an hour, 5 minutes for a day, hours for a week).
 */
export const BASELINE_SLICE_MS: Readonly<Record<BaselinePeriod, number>> = {
  '1h': MINUTE_MS,
  '24h': 5 * MINUTE_MS,
  '7d': HOUR_MS,
  sameHourLastWeek: MINUTE_MS * 5,
};

/** Whether `value` is one of {@link BASELINE_PERIODS}. */
export function isBaselinePeriod(value: unknown): value is BaselinePeriod {
  return typeof value === 'string' && (BASELINE_PERIODS as readonly string[]).includes(value);
}

/**
 * The range a baseline of `period` covers at `now`: the period ending `excludeRecentMs` before
 * now (the current window is compared with the baseline, so it must not be part of it), on whole
 * minutes; `sameHourLastWeek` is the hour that ended a week before that.
 */
export function baselineRange(period: BaselinePeriod, now: number, excludeRecentMs = 0): TimeRange {
  const to = Math.floor((now - excludeRecentMs) / MINUTE_MS) * MINUTE_MS;
  switch (period) {
    case '1h':
      return { from: to - HOUR_MS, to };
    case '24h':
      return { from: to - DAY_MS, to };
    case '7d':
      return { from: to - WEEK_MS, to };
    case 'sameHourLastWeek':
      return { from: to - WEEK_MS - HOUR_MS, to: to - WEEK_MS };
  }
}

/** How much a statistic varies from slice to slice of the baseline: its noise. */
export interface StatisticSpread {
  statistic: InsightStatistic;
  /** Median of the slices' values. */
  median: number | null;
  /** Median absolute deviation of the slices' values, scaled to a standard deviation. */
  mad: number | null;
  /** Standard deviation of the slices' values. */
  stdDev: number | null;
}

/** A series' baseline over one period. */
export interface Baseline {
  period: BaselinePeriod;
  from: number;
  to: number;
  /** Samples in the period. */
  count: number;
  /** Statistics of the whole period, from the merged rollup sketches (median = p50). */
  median: number | null;
  p95: number | null;
  p99: number | null;
  mean: number | null;
  /** Standard deviation and MAD of the per-slice means (how much the level moves). */
  stdDev: number | null;
  mad: number | null;
  /** Slices that held samples. */
  slices: number;
  /** Per statistic, its noise across slices (what regression detection compares a change to). */
  spread: Record<InsightStatistic, StatisticSpread>;
}

/** What a baseline is computed from: the whole period merged, and the period cut into slices. */
export interface BaselineInput {
  period: BaselinePeriod;
  range: TimeRange;
  /** The whole period's statistics (the merge of every rollup sketch in it). */
  merged: WindowStats;
  /** One entry per slice (see {@link BASELINE_SLICE_MS}); slices without samples are skipped. */
  slices: readonly WindowStats[];
}

/** Computes a baseline from rollup statistics (pure). */
export function computeBaseline(input: BaselineInput): Baseline {
  const filled = input.slices.filter((slice) => slice.count > 0);
  const spread = {} as Record<InsightStatistic, StatisticSpread>;
  for (const statistic of INSIGHT_STATISTICS) {
    const values = filled.map((slice) => slice[statistic]).filter((v): v is number => v !== null);
    const sorted = [...values].sort((a, b) => a - b);
    spread[statistic] = {
      statistic,
      median: sorted.length === 0 ? null : sorted[sorted.length >> 1]!,
      mad: scaledMad(values),
      stdDev: standardDeviation(values),
    };
  }
  const { merged } = input;
  return {
    period: input.period,
    from: input.range.from,
    to: input.range.to,
    count: merged.count,
    median: merged.p50,
    p95: merged.p95,
    p99: merged.p99,
    mean: merged.mean,
    stdDev: spread.mean.stdDev,
    mad: spread.mean.mad,
    slices: filled.length,
    spread,
  };
}
