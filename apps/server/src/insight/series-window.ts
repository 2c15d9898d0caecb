import { seriesKey } from '@taurine/monitor';
import type { MetricStats, MetricsRegistry, Tags, TimeRange, WindowStats } from '@taurine/monitor';

/** The registry's statistics as insight reads them (`avg` is the mean). */
export function toWindowStats(stats: MetricStats): WindowStats {
  return { count: stats.count, p50: stats.p50, p95: stats.p95, p99: stats.p99, mean: stats.avg };
}

/** A series as insight names it: its own tags, the standard tags (service, version…) left out. */
export interface InsightSeries {
  key: string;
  metric: string;
  tags: Tags;
}

/** A series' own tags: its tags without the registry's standard tags. */
export function ownTags(tags: Tags, standardTags: Tags): Tags {
  return Object.fromEntries(Object.entries(tags).filter(([key]) => !(key in standardTags)));
}

/**
 * Every series of `metric` with data in `range`, named by its own tags, with its statistics.
 * Series that differ only in standard tags (e.g. two versions across a deployment) are one
 * insight series: their statistics are read merged.
 */
export function seriesWindows(
  registry: MetricsRegistry,
  metric: string,
  range: TimeRange,
): { series: InsightSeries; stats: WindowStats }[] {
  const groups = new Map<string, { series: InsightSeries; stats: MetricStats[] }>();
  for (const { tags, stats } of registry.seriesStats(metric, undefined, range)) {
    if (stats.count === 0) continue;
    const own = ownTags(tags, registry.standardTags);
    const key = seriesKey(metric, own);
    const group = groups.get(key);
    if (group) group.stats.push(stats);
    else groups.set(key, { series: { key, metric, tags: own }, stats: [stats] });
  }
  return [...groups.values()].map(({ series, stats }) => ({
    series,
    stats: toWindowStats(
      stats.length === 1 ? stats[0]! : registry.stats(metric, series.tags, range),
    ),
  }));
}

const SLICE_STATS = ['count', 'p50', 'p95', 'p99', 'avg'] as const;

/** A series' statistics per `stepMs` slice of `range` (slices without samples included, empty). */
export function sliceWindows(
  registry: MetricsRegistry,
  series: InsightSeries,
  range: TimeRange,
  stepMs: number,
  withQuantiles: boolean,
): WindowStats[] {
  const read = (stat: (typeof SLICE_STATS)[number]) =>
    withQuantiles || stat === 'count' || stat === 'avg'
      ? registry.series(series.metric, series.tags, range, stepMs, stat).map((p) => p.value)
      : [];
  const [count, p50, p95, p99, avg] = SLICE_STATS.map(read);
  return (count ?? []).map((n, i) => ({
    count: n ?? 0,
    p50: p50?.[i] ?? null,
    p95: p95?.[i] ?? null,
    p99: p99?.[i] ?? null,
    mean: avg?.[i] ?? null,
  }));
}
