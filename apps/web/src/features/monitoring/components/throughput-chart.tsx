import { memo, useMemo } from 'react';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { ThroughputSeriesQuery } from '../api/chart-series.ts';
import { useChartQuery } from '../hooks/use-chart-query.ts';
import type { ChartSeries } from '../utils/chart-csv.ts';
import { toPoints } from '../utils/chart-window.ts';
import { formatRate } from '../utils/format-metric.ts';
import { CHART_COLORS, sameDashboardChartProps } from './chart-props.ts';
import type { DashboardChartProps } from './chart-props.ts';
import { TimeSeriesChart } from './time-series-chart.tsx';

/** Requests per second, and server errors per second beside them. */
export const ThroughputChart = memo(function ThroughputChart({
  window,
  refreshKey,
  annotations,
  timeRanges,
  onZoom,
  height,
}: DashboardChartProps) {
  const { data, error, fetching, retry } = useChartQuery(ThroughputSeriesQuery, window, refreshKey);
  const series = useMemo(
    (): ChartSeries[] => [
      {
        key: 'requests',
        label: 'requests',
        metricName: 'api.requests.rate',
        tags: {},
        color: CHART_COLORS.blue,
        points: toPoints(data?.requests),
      },
      {
        key: 'serverErrors',
        label: 'server errors',
        metricName: 'api.errors.rate',
        tags: { type: 'server' },
        color: CHART_COLORS.red,
        points: toPoints(data?.serverErrors),
      },
    ],
    [data],
  );
  return (
    <TimeSeriesChart
      id="throughput"
      title="Throughput"
      series={series}
      range={window}
      formatValue={formatRate}
      annotations={annotations}
      timeRanges={timeRanges}
      fetching={fetching}
      problem={error && !data ? <QueryProblem error={error} onRetry={retry} compact /> : undefined}
      onZoom={onZoom}
      {...(height === undefined ? {} : { height })}
    />
  );
}, sameDashboardChartProps);
