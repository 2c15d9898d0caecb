import { EMPTY_WINDOW, seriesKey } from '@taurine/monitor';
import type { MetricStats, MetricsRegistry, TimeRange, WindowStats } from '@taurine/monitor';
import { forEachChunked } from './chunked-work.ts';
import { ownTags, sliceWindows, toWindowStats } from './series-window.ts';
import type { InsightSeries } from './series-window.ts';

/** One series' baseline input: the whole period merged and its slices. */
export interface SeriesSlices {
  series: InsightSeries;
  merged: WindowStats;
  slices: WindowStats[];
}

/**
 * Every series of `metric` with data in `range`, each with the period merged and cut into
 * `stepMs` slices. One registry pass per slice reads every series at once (the registry merges
 * the rollup sketches), instead of one pass per series and statistic; series that differ only in
 * standard tags are read merged, series by series. Yields to the event loop between slices.
 */
export async function metricSlices(
  registry: MetricsRegistry,
  metric: string,
  range: TimeRange,
  stepMs: number,
  distribution: boolean,
): Promise<SeriesSlices[]> {
  const groups = new Map<string, { series: InsightSeries; members: MetricStats[] }>();
  for (const { tags, stats } of registry.seriesStats(metric, undefined, range)) {
    if (stats.count === 0) continue;
    const own = ownTags(tags, registry.standardTags);
    const key = seriesKey(metric, own);
    const group = groups.get(key);
    if (group) group.members.push(stats);
    else groups.set(key, { series: { key, metric, tags: own }, members: [stats] });
  }
  const single = new Map<string, SeriesSlices>();
  const result: SeriesSlices[] = [];
  for (const { series, members } of groups.values()) {
    if (members.length === 1) {
      const entry = { series, merged: toWindowStats(members[0]!), slices: [] };
      single.set(series.key, entry);
      result.push(entry);
    } else {
      const merged = toWindowStats(registry.stats(metric, series.tags, range));
      result.push({
        series,
        merged,
        slices: sliceWindows(registry, series, range, stepMs, distribution),
      });
    }
  }
  const starts: number[] = [];
  for (let t = range.from; t < range.to; t += stepMs) starts.push(t);
  await forEachChunked(starts, (from) => {
    const perSeries = registry.seriesStats(metric, undefined, { from, to: from + stepMs });
    // Series are matched by their tags: one may have appeared while the work yielded.
    const seen = new Set<string>();
    for (const { tags, stats } of perSeries) {
      const key = seriesKey(metric, ownTags(tags, registry.standardTags));
      const entry = single.get(key);
      if (entry === undefined || seen.has(key)) continue;
      seen.add(key);
      entry.slices.push(toWindowStats(stats));
    }
    for (const [key, entry] of single) if (!seen.has(key)) entry.slices.push(EMPTY_WINDOW);
  });
  return result;
}
