import { DEFAULT_EXPORT_STATS, collectExportRows } from '@taurine/monitor';
import type { ExportRow, MetricsRegistry, TimeRange } from '@taurine/monitor';

/** Bounds on one export so a download cannot take the server down. */
export const EXPORT_LIMITS = {
  maxSeries: 500,
  maxRows: 200_000,
  maxRangeMs: 90 * 86_400_000,
} as const;

export interface ExportQuery {
  /** Exact metric name, or a prefix when it ends in `*`; every metric when absent. */
  metric?: string | undefined;
  /** Points over a range (one row per series, statistic and step); current values when absent. */
  range?: TimeRange | undefined;
  /** Step of the points in ms (>= 60 000). @default chosen to give at most ~500 points */
  stepMs?: number | undefined;
}

const stepFor = (range: TimeRange): number => {
  const raw = (range.to - range.from) / 500;
  const steps = [60_000, 300_000, 900_000, 3_600_000, 21_600_000, 86_400_000];
  return steps.find((step) => step >= raw) ?? 86_400_000;
};

/**
 * Rows for the CSV and JSON exports. With a range, each series is exported as points at `stepMs`
 * for the statistics of its kind (counters: sum and rate; gauges: last, min, max, avg;
 * distributions: count, avg, min, max and percentiles); without one, the current 5-minute values.
 */
export function exportRows(
  registry: MetricsRegistry,
  now: number,
  query: ExportQuery,
): ExportRow[] {
  const metric = query.metric ?? '*';
  const prefix = metric.endsWith('*') ? metric.slice(0, -1) : metric;
  const exact = !metric.endsWith('*');
  if (!query.range) {
    const rows = collectExportRows(registry, now, { prefix });
    return exact ? rows.filter((row) => row.metricName.startsWith(`${metric}.`)) : rows;
  }
  const range = query.range;
  const stepMs = query.stepMs ?? stepFor(range);
  const series = registry
    .listSeries(prefix)
    .filter((info) => !exact || info.name === metric)
    .slice(0, EXPORT_LIMITS.maxSeries);
  const rows: ExportRow[] = [];
  for (const info of series) {
    for (const stat of DEFAULT_EXPORT_STATS[info.kind]) {
      for (const point of registry.series(info.name, info.tags, range, stepMs, stat)) {
        if (point.value === null) continue;
        rows.push({
          timestamp: point.t,
          metricName: `${info.name}.${stat}`,
          value: point.value,
          tags: info.tags,
        });
        if (rows.length >= EXPORT_LIMITS.maxRows) return rows;
      }
    }
  }
  return rows.sort((a, b) => a.timestamp - b.timestamp);
}
