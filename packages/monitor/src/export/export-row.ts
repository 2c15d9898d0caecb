import type { MetricKind } from '../metrics/metric-kind.ts';
import type { StatName } from '../metrics/metric-stats.ts';
import type { MetricsRegistry } from '../metrics/metrics-registry.ts';
import { tagsContain } from '../metrics/tag-set.ts';
import type { Tags } from '../metrics/tag-set.ts';
import type { Window } from '../metrics/windows.ts';

/** One exported value: `metricName` is `<metric>.<stat>`, e.g. `api.responseTime.p95`. */
export interface ExportRow {
  /** Epoch ms the value is reported at. */
  timestamp: number;
  metricName: string;
  value: number;
  tags: Tags;
}

/** Statistics exported per kind when the caller does not choose. */
export const DEFAULT_EXPORT_STATS: Readonly<Record<MetricKind, readonly StatName[]>> = {
  counter: ['sum', 'rate'],
  gauge: ['last', 'min', 'max', 'avg'],
  distribution: ['count', 'avg', 'min', 'max', 'p50', 'p75', 'p95', 'p99'],
};

/** Options of {@link collectExportRows}. */
export interface ExportRowsOptions {
  /** Window of the statistics. @default '5m' */
  window?: Window;
  /** Only metrics whose name starts with this. */
  prefix?: string;
  /** Only series whose tags contain these. */
  tags?: Tags;
  /** Statistics per kind. @default DEFAULT_EXPORT_STATS */
  stats?: Partial<Record<MetricKind, readonly StatName[]>>;
}

/** One row per series and statistic over a window ending at `now`; empty statistics are left out. */
export function collectExportRows(
  registry: MetricsRegistry,
  now: number,
  options: ExportRowsOptions = {},
): ExportRow[] {
  const prefix = options.prefix ?? '';
  const collected = registry.collect(options.window ?? '5m', now);
  const timestamp = now;
  const rows: ExportRow[] = [];
  for (const metric of collected) {
    if (!metric.name.startsWith(prefix)) continue;
    const stats = options.stats?.[metric.kind] ?? DEFAULT_EXPORT_STATS[metric.kind];
    for (const series of metric.series) {
      if (!tagsContain(series.tags, options.tags)) continue;
      for (const stat of stats) {
        const value = series.stats[stat];
        if (value === null) continue;
        rows.push({ timestamp, metricName: `${metric.name}.${stat}`, value, tags: series.tags });
      }
    }
  }
  return rows;
}
