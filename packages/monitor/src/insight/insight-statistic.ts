/** The statistics insight compares: quantiles of a distribution, and the mean (of a gauge too). */
export const INSIGHT_STATISTICS = ['p50', 'p95', 'p99', 'mean'] as const;

/** One statistic insight compares. */
export type InsightStatistic = (typeof INSIGHT_STATISTICS)[number];

/** Which way a metric gets worse: latency up is bad, a hit rate down is bad. */
export type BadDirection = 'up' | 'down';

/**
 * A window's statistics as insight reads them (a subset of the registry's `MetricStats`, with
 * `mean` for its `avg`). `count` is the number of samples; a statistic without data is null.
 */
export interface WindowStats {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  mean: number | null;
}

/** A window without samples. */
export const EMPTY_WINDOW: WindowStats = { count: 0, p50: null, p95: null, p99: null, mean: null };

/** Whether `value` is one of {@link INSIGHT_STATISTICS}. */
export function isInsightStatistic(value: unknown): value is InsightStatistic {
  return typeof value === 'string' && (INSIGHT_STATISTICS as readonly string[]).includes(value);
}

/** The relative change from `before` to `after` (0.25 = 25 % more), null when `before` is 0. */
export function relativeChange(before: number, after: number): number | null {
  if (before === 0) return after === 0 ? 0 : null;
  return (after - before) / Math.abs(before);
}

/** Whether a change of `delta` is in the bad `direction`. */
export function isWorse(delta: number, direction: BadDirection): boolean {
  return direction === 'up' ? delta > 0 : delta < 0;
}
