/** Quantile statistics and the quantile each stands for. */
export const QUANTILE_STATS = {
  p50: 0.5,
  p75: 0.75,
  p90: 0.9,
  p95: 0.95,
  p99: 0.99,
} as const;

/** A quantile statistic. */
export type QuantileStat = keyof typeof QUANTILE_STATS;

/** Every statistic of a window, in output order. */
export const STAT_NAMES = [
  'count',
  'sum',
  'avg',
  'min',
  'max',
  'p50',
  'p75',
  'p90',
  'p95',
  'p99',
  'rate',
  'last',
] as const;

/** One statistic of a window. */
export type StatName = (typeof STAT_NAMES)[number];

/**
 * Statistics of a window. `count` is 0 and every other field null when the window holds no sample
 * ("no data" is never reported as 0). Quantiles exist for distributions only; `rate` is the sum per
 * second for counters, samples per second for distributions, and null for gauges.
 */
export interface MetricStats {
  count: number;
  sum: number | null;
  avg: number | null;
  min: number | null;
  max: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  rate: number | null;
  last: number | null;
}

/** Whether `value` is one of {@link STAT_NAMES}. */
export function isStatName(value: unknown): value is StatName {
  return typeof value === 'string' && (STAT_NAMES as readonly string[]).includes(value);
}
