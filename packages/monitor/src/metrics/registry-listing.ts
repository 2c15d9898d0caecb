import type { MetricKind } from './metric-kind.ts';
import { REJECT_REASONS } from './metric-state.ts';
import type { RejectReason } from './metric-state.ts';
import type { SeriesCatalog } from './series-catalog.ts';
import type { Tags } from './tag-set.ts';

/** A series as listed by `listSeries()`. */
export interface SeriesInfo {
  name: string;
  kind: MetricKind;
  tags: Tags;
  help: string;
  unit: string;
}

/** A metric with its cardinality and rejection counts, as listed by `metrics()`. */
export interface MetricInfo {
  name: string;
  kind: MetricKind;
  help: string;
  unit: string;
  /** Tag sets held (the overflow series not included). */
  series: number;
  /** New tag sets folded into the overflow series (distinct while they stay in the lookup cache). */
  overflowTagSets: number;
  /** Samples recorded into the overflow series. */
  overflowSamples: number;
  rejectedSamples: number;
}

/** Rejected samples, per metric and per reason; samples for unknown names have `metric: null`. */
export interface RejectedSamples {
  total: number;
  byMetric: Record<string, number>;
  byReason: Record<RejectReason, number>;
  entries: { metric: string | null; reason: RejectReason; count: number }[];
}

/** Series whose name starts with `prefix` and whose tags contain `tags`, by name. */
export function listSeries(catalog: SeriesCatalog, prefix: string, tags?: Tags): SeriesInfo[] {
  const list: SeriesInfo[] = [];
  for (const metric of catalog.sortedMetrics()) {
    if (!metric.name.startsWith(prefix)) continue;
    for (const series of catalog.matching(metric, tags)) {
      const { name, kind, help, unit } = metric;
      list.push({ name, kind, tags: series.tags, help, unit });
    }
  }
  return list;
}

/** Every metric with cardinality and rejection counts, by name. */
export function listMetrics(catalog: SeriesCatalog): MetricInfo[] {
  return catalog.sortedMetrics().map((metric) => {
    const overflow = metric.overflow;
    let rejectedSamples = 0;
    for (const count of metric.rejected.values()) rejectedSamples += count;
    return {
      name: metric.name,
      kind: metric.kind,
      help: metric.help,
      unit: metric.unit,
      series: metric.series.size,
      overflowTagSets: metric.foldedTagSets,
      overflowSamples: overflow === null ? 0 : overflow.totalCount + overflow.liveCount,
      rejectedSamples,
    };
  });
}

/**
 * Rejected samples of every metric (by name) and then of unknown names (`unknownRejected`), with
 * totals per metric and per reason.
 */
export function countRejectedSamples(
  catalog: SeriesCatalog,
  unknownRejected: ReadonlyMap<RejectReason, number>,
): RejectedSamples {
  const byReason = Object.fromEntries(REJECT_REASONS.map((reason) => [reason, 0])) as Record<
    RejectReason,
    number
  >;
  const result: RejectedSamples = { total: 0, byMetric: {}, byReason, entries: [] };
  const add = (metric: string | null, counts: ReadonlyMap<RejectReason, number>) => {
    for (const [reason, count] of counts) {
      result.total += count;
      byReason[reason] += count;
      if (metric !== null) result.byMetric[metric] = (result.byMetric[metric] ?? 0) + count;
      result.entries.push({ metric, reason, count });
    }
  };
  for (const metric of catalog.sortedMetrics()) add(metric.name, metric.rejected);
  add(null, unknownRejected);
  return result;
}
