import { memo, useMemo } from 'react';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { MemorySeriesQuery } from '../api/chart-series.ts';
import { useChartQuery } from '../hooks/use-chart-query.ts';
import type { ChartSeries } from '../utils/chart-csv.ts';
import { toPoints } from '../utils/chart-window.ts';
import { formatMB } from '../utils/format-metric.ts';
import { CHART_COLORS, sameDashboardChartProps } from './chart-props.ts';
import type { DashboardChartProps } from './chart-props.ts';
import { TimeSeriesChart } from './time-series-chart.tsx';

/**
 * V8 heap in use and the resident set size, in MB. No threshold line: the heap rule compares the
 * heap with V8's limit (the Heap used card shows that share), and a line at 80 % of a 4 GB limit
 * would flatten the curves.
 */
export const MemoryChart = memo(function MemoryChart({
  window,
  refreshKey,
  annotations,
  timeRanges,
  onZoom,
  height,
}: DashboardChartProps) {
  const { data, error, fetching, retry } = useChartQuery(MemorySeriesQuery, window, refreshKey);
  const series = useMemo<ChartSeries[]>(
    () => [
      {
        key: 'heap',
        label: 'heap used',
        metricName: 'process.heapUsedMB.avg',
        tags: {},
        color: CHART_COLORS.violet,
        points: toPoints(data?.heap),
      },
      {
        key: 'rss',
        label: 'RSS',
        metricName: 'process.rssMB.avg',
        tags: {},
        color: CHART_COLORS.slate,
        points: toPoints(data?.rss),
      },
    ],
    [data],
  );
  return (
    <TimeSeriesChart
      id="memory"
      title="Memory"
      series={series}
      range={window}
      formatValue={formatMB}
      annotations={annotations}
      timeRanges={timeRanges}
      fetching={fetching}
      problem={error && !data ? <QueryProblem error={error} onRetry={retry} compact /> : undefined}
      onZoom={onZoom}
      {...(height === undefined ? {} : { height })}
    />
  );
}, sameDashboardChartProps);
