import { memo, useMemo } from 'react';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { ResponseTimeSeriesQuery } from '../api/chart-series.ts';
import { useChartQuery } from '../hooks/use-chart-query.ts';
import type { ChartSeries } from '../utils/chart-csv.ts';
import { toPoints } from '../utils/chart-window.ts';
import { formatMs } from '../utils/format-metric.ts';
import { DASHBOARD_THRESHOLDS } from '../utils/thresholds.ts';
import { CHART_COLORS, sameDashboardChartProps } from './chart-props.ts';
import type { DashboardChartProps } from './chart-props.ts';
import { TimeSeriesChart } from './time-series-chart.tsx';

/** API response time p50, p95 and p99, with the p95 alert threshold. */
export const ResponseTimeChart = memo(function ResponseTimeChart({
  window,
  refreshKey,
  annotations,
  timeRanges,
  onZoom,
  height,
}: DashboardChartProps) {
  const { data, error, fetching, retry } = useChartQuery(
    ResponseTimeSeriesQuery,
    window,
    refreshKey,
  );
  const series = useMemo<ChartSeries[]>(
    () =>
      (
        [
          ['p50', CHART_COLORS.teal],
          ['p95', CHART_COLORS.amber],
          ['p99', CHART_COLORS.red],
        ] as const
      ).map(([stat, color]) => ({
        key: stat,
        label: stat,
        metricName: `api.responseTime.${stat}`,
        tags: {},
        color,
        points: toPoints(data?.[stat]),
      })),
    [data],
  );
  return (
    <TimeSeriesChart
      id="response-time"
      title="Response time"
      series={series}
      range={window}
      formatValue={formatMs}
      threshold={DASHBOARD_THRESHOLDS.responseTimeP95Ms}
      annotations={annotations}
      timeRanges={timeRanges}
      fetching={fetching}
      problem={error && !data ? <QueryProblem error={error} onRetry={retry} compact /> : undefined}
      onZoom={onZoom}
      {...(height === undefined ? {} : { height })}
    />
  );
}, sameDashboardChartProps);
