import { memo, useMemo } from 'react';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { ErrorRateSeriesQuery } from '../api/chart-series.ts';
import { useChartQuery } from '../hooks/use-chart-query.ts';
import type { ChartSeries } from '../utils/chart-csv.ts';
import { toPoints } from '../utils/chart-window.ts';
import { formatRatio } from '../utils/format-metric.ts';
import { DASHBOARD_THRESHOLDS } from '../utils/thresholds.ts';
import { CHART_COLORS, sameDashboardChartProps } from './chart-props.ts';
import type { DashboardChartProps } from './chart-props.ts';
import { TimeSeriesChart } from './time-series-chart.tsx';

/** Server errors per request, with the critical 5 % threshold. */
export const ErrorRateChart = memo(function ErrorRateChart({
  window,
  refreshKey,
  annotations,
  timeRanges,
  onZoom,
  height,
}: DashboardChartProps) {
  const { data, error, fetching, retry } = useChartQuery(ErrorRateSeriesQuery, window, refreshKey);
  const series = useMemo<ChartSeries[]>(
    () => [
      {
        key: 'errorRate',
        label: 'error rate',
        metricName: 'api.errorRate.avg',
        tags: {},
        color: CHART_COLORS.red,
        points: toPoints(data?.errorRate),
      },
    ],
    [data],
  );
  return (
    <TimeSeriesChart
      id="error-rate"
      title="Error rate"
      series={series}
      range={window}
      formatValue={formatRatio}
      threshold={DASHBOARD_THRESHOLDS.errorRate}
      annotations={annotations}
      timeRanges={timeRanges}
      fetching={fetching}
      problem={error && !data ? <QueryProblem error={error} onRetry={retry} compact /> : undefined}
      onZoom={onZoom}
      {...(height === undefined ? {} : { height })}
    />
  );
}, sameDashboardChartProps);
