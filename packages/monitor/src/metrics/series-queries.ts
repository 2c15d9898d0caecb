import { QUANTILE_STATS, isStatName } from './metric-stats.ts';
import type { MetricStats, StatName } from './metric-stats.ts';
import { MonitorError } from './monitor-error.ts';
import { accumulateSeries, alignRange, coveredSeconds } from './range-cover.ts';
import type { CoverPlan } from './range-cover.ts';
import type { SeriesCatalog } from './series-catalog.ts';
import { StatsAccumulator } from './stats-accumulator.ts';
import type { MetricKind } from './metric-kind.ts';
import type { MetricState } from './metric-state.ts';
import type { Tags } from './tag-set.ts';
import { MINUTE_MS, floorTo, resolveWindow } from './windows.ts';
import type { TimeRange } from './windows.ts';

/** One point of a chart series: the statistic over `[t, t + step)`, null without data. */
export interface SeriesPoint {
  t: number;
  value: number | null;
}

/** Statistics of one series, as returned by `seriesStats()`. */
export interface SeriesStats {
  tags: Tags;
  stats: MetricStats;
}

/** A series with its window statistics and cumulative totals, for exporters. */
export interface CollectedSeries {
  tags: Tags;
  isOverflow: boolean;
  stats: MetricStats;
  /** Samples and their sum since the registry started (monotonic, as Prometheus expects). */
  totalCount: number;
  totalSum: number;
  /** Last value ever recorded, null before the first. */
  last: number | null;
}

/** A metric and its series, for exporters. */
export interface CollectedMetric {
  name: string;
  kind: MetricKind;
  help: string;
  unit: string;
  series: CollectedSeries[];
}

/** Most points `series()` returns. */
export const MAX_SERIES_POINTS = 10_000;

/**
 * Checks the arguments of a chart query before anything is read; throws `INVALID_QUERY`. Returns
 * the range as epoch milliseconds.
 */
export function checkSeriesQuery(range: TimeRange, stepMs: number, stat: StatName): TimeRange {
  if (typeof range !== 'object')
    throw new MonitorError('INVALID_QUERY', 'range must be { from, to }');
  const { from, to } = resolveWindow(range, 0);
  if (!Number.isInteger(stepMs) || stepMs < MINUTE_MS || stepMs % MINUTE_MS !== 0) {
    throw new MonitorError(
      'INVALID_QUERY',
      `stepMs must be a whole number of minutes (60000, 120000, ...), got ${String(stepMs)}`,
    );
  }
  if (Math.ceil((to - from) / stepMs) > MAX_SERIES_POINTS) {
    throw new MonitorError('INVALID_QUERY', `a series is limited to ${MAX_SERIES_POINTS} points`);
  }
  if (!isStatName(stat)) throw new MonitorError('INVALID_QUERY', `unknown stat ${String(stat)}`);
  return { from, to };
}

/**
 * Statistics read from the series of a catalog over a range and its cover plan (which resolution
 * each part of the range is read at). One accumulator is reused by every read.
 */
export class SeriesQueries {
  private readonly accumulator = new StatsAccumulator();

  constructor(private readonly catalog: SeriesCatalog) {}

  /** Statistics of every series of `name` whose tags contain `tags`, merged. */
  stats(name: string, tags: Tags | undefined, range: TimeRange, plan: CoverPlan): MetricStats {
    const metric = this.catalog.metric(name);
    const accumulator = this.accumulator;
    accumulator.reset(metric?.kind === 'distribution');
    if (metric === undefined) return accumulator.toStats('gauge', 0);
    for (const series of this.catalog.matching(metric, tags)) {
      accumulateSeries(series, range.from, range.to, plan, accumulator);
    }
    return accumulator.toStats(metric.kind, coveredSeconds(range.from, range.to, plan));
  }

  /** Like `stats`, one entry per matching series. */
  seriesStats(
    name: string,
    tags: Tags | undefined,
    range: TimeRange,
    plan: CoverPlan,
  ): SeriesStats[] {
    const metric = this.catalog.metric(name);
    if (metric === undefined) return [];
    const seconds = coveredSeconds(range.from, range.to, plan);
    const accumulator = this.accumulator;
    return this.catalog.matching(metric, tags).map((series) => {
      accumulator.reset(metric.kind === 'distribution');
      accumulateSeries(series, range.from, range.to, plan, accumulator);
      return { tags: series.tags, stats: accumulator.toStats(metric.kind, seconds) };
    });
  }

  /**
   * One `stat` per `stepMs` over a range checked by {@link checkSeriesQuery}. A point without
   * samples is null (no data), except while the metric existed (from its `since` to now): there a
   * sample count reads 0, and so do a counter's sum and rate (nothing was counted).
   */
  points(
    name: string,
    tags: Tags | undefined,
    range: TimeRange,
    stepMs: number,
    stat: StatName,
    plan: CoverPlan,
  ): SeriesPoint[] {
    const metric = this.catalog.metric(name);
    const matched = metric === undefined ? [] : this.catalog.matching(metric, tags);
    const kind = metric?.kind ?? 'gauge';
    const withSketch = kind === 'distribution' && Object.hasOwn(QUANTILE_STATS, stat);
    const accumulator = this.accumulator;
    const points: SeriesPoint[] = [];
    const aligned = alignRange(range.from, range.to, plan);
    // Points start on whole steps (as Grafana and Prometheus align them): each covers [t, t + step).
    for (let t = floorTo(aligned.from, stepMs); t < aligned.to; t += stepMs) {
      const end = t + stepMs;
      accumulator.reset(withSketch);
      for (const series of matched) {
        accumulateSeries(series, t, end, plan, accumulator);
      }
      const value =
        accumulator.count > 0
          ? accumulator.stat(stat, kind, coveredSeconds(t, end, plan))
          : quietValue(metric, stat, t, end, plan.now);
      points.push({ t, value });
    }
    return points;
  }

  /** Every series of every metric, by name, with its statistics and cumulative totals. */
  collect(range: TimeRange, plan: CoverPlan): CollectedMetric[] {
    const seconds = coveredSeconds(range.from, range.to, plan);
    const accumulator = this.accumulator;
    return this.catalog.sortedMetrics().map((metric) => {
      const series: CollectedSeries[] = [];
      for (const state of this.catalog.matching(metric, undefined)) {
        accumulator.reset(metric.kind === 'distribution');
        accumulateSeries(state, range.from, range.to, plan, accumulator);
        series.push({
          tags: state.tags,
          isOverflow: state.isOverflow,
          stats: accumulator.toStats(metric.kind, seconds),
          totalCount: state.totalCount + state.liveCount,
          totalSum: state.totalSum + state.liveSum,
          last: state.lastAt === -Infinity ? null : state.last,
        });
      }
      const { name, kind, help, unit } = metric;
      return { name, kind, help, unit, series };
    });
  }
}

/** Stats that read 0 in a minute without samples of a counter. */
const COUNTER_ZERO_STATS: readonly StatName[] = ['count', 'sum', 'rate'];

/**
 * The value of a point `[t, end)` without samples: 0 for a count, and for a counter's sum and rate,
 * where the point overlaps the time the metric existed (`[since, now]`); null (no data) elsewhere,
 * and for every other statistic.
 */
function quietValue(
  metric: MetricState | undefined,
  stat: StatName,
  t: number,
  end: number,
  now: number,
): number | null {
  if (metric === undefined || end <= metric.since || t > now) return null;
  if (stat === 'count') return 0;
  return metric.kind === 'counter' && COUNTER_ZERO_STATS.includes(stat) ? 0 : null;
}
