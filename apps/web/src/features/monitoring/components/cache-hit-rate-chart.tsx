import { memo, useMemo } from 'react';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { CacheLookupSeriesQuery } from '../api/chart-series.ts';
import { useChartQuery } from '../hooks/use-chart-query.ts';
import type { ChartSeries } from '../utils/chart-csv.ts';
import { toPoints } from '../utils/chart-window.ts';
import { formatRatio } from '../utils/format-metric.ts';
import { DASHBOARD_THRESHOLDS } from '../utils/thresholds.ts';
import { CHART_COLORS, sameDashboardChartProps } from './chart-props.ts';
import type { DashboardChartProps } from './chart-props.ts';
import { TimeSeriesChart } from './time-series-chart.tsx';

type Point = { t: number; value: number | null };

/** Hits / (hits + misses) per step; null where the tier had no lookups. */
export function hitRatePoints(hits: readonly Point[], misses: readonly Point[]): Point[] {
  return hits.map((hit, index) => {
    const hitCount = hit.value ?? 0;
    const total = hitCount + (misses[index]?.value ?? 0);
    return { t: hit.t, value: total === 0 ? null : hitCount / total };
  });
}

export const CACHE_TIERS = [
  { tier: 'memory', label: 'memory (server)', color: CHART_COLORS.teal },
  { tier: 'redis', label: 'Redis (server)', color: CHART_COLORS.red },
  { tier: 'serviceWorker', label: 'Service Worker', color: CHART_COLORS.blue },
  { tier: 'localStorage', label: 'localStorage', color: CHART_COLORS.amber },
] as const;

/** Hit rate of each of the four cache tiers, with the 50 % warning threshold. */
export const CacheHitRateChart = memo(function CacheHitRateChart({
  window,
  refreshKey,
  annotations,
  timeRanges,
  onZoom,
  height,
}: DashboardChartProps) {
  const { data, error, fetching, retry } = useChartQuery(
    CacheLookupSeriesQuery,
    window,
    refreshKey,
  );
  const series = useMemo<ChartSeries[]>(
    () =>
      CACHE_TIERS.map(({ tier, label, color }) => ({
        key: tier,
        label,
        metricName: 'cache.hitRate',
        tags: { tier },
        color,
        points: hitRatePoints(toPoints(data?.[`${tier}Hits`]), toPoints(data?.[`${tier}Misses`])),
      })),
    [data],
  );
  return (
    <TimeSeriesChart
      id="cache-hit-rate"
      title="Cache hit rate by tier"
      series={series}
      range={window}
      formatValue={formatRatio}
      threshold={DASHBOARD_THRESHOLDS.cacheHitRate}
      yMax={1}
      annotations={annotations}
      timeRanges={timeRanges}
      fetching={fetching}
      problem={error && !data ? <QueryProblem error={error} onRetry={retry} compact /> : undefined}
      onZoom={onZoom}
      {...(height === undefined ? {} : { height })}
    />
  );
}, sameDashboardChartProps);
