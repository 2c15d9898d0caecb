import { Group } from '@visx/group';
import { useParentSize } from '@visx/responsive';
import { memo, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { useChartPointer } from '../hooks/use-chart-pointer.ts';
import { useChartScales } from '../hooks/use-chart-scales.ts';
import { useMountWhenVisible } from '../hooks/use-mount-when-visible.ts';
import type { ChartSeries } from '../utils/chart-csv.ts';
import { chartToCsv, countPoints, downloadText } from '../utils/chart-csv.ts';
import { CHART_MARGIN, latestValuesSummary } from '../utils/chart-scales.ts';
import type { ChartThreshold } from '../utils/thresholds.ts';
import type { ChartAnnotation } from './chart-annotations.tsx';
import { ChartAnnotations } from './chart-annotations.tsx';
import { ChartAxes, ChartGridLines } from './chart-axes.tsx';
import { ChartLegend } from './chart-legend.tsx';
import { ChartPointerLayer } from './chart-pointer-layer.tsx';
import { ChartSeriesLines } from './chart-series-lines.tsx';
import { ChartThresholdBand } from './chart-threshold-band.tsx';
import type { ChartTimeRange } from './chart-time-ranges.tsx';
import { ChartTimeRanges } from './chart-time-ranges.tsx';
import { ChartTooltip } from './chart-tooltip.tsx';

export interface TimeSeriesChartProps {
  /** Short id: test id `chart-<id>` and the CSV file name. */
  id: string;
  title: string;
  series: readonly ChartSeries[];
  range: { from: number; to: number };
  formatValue: (value: number) => string;
  threshold?: ChartThreshold | undefined;
  annotations?: readonly ChartAnnotation[];
  /** Spans shaded across the plot (load test runs). @default none */
  timeRanges?: readonly ChartTimeRange[] | undefined;
  /** Upper end of the value axis when it is fixed (ratios: 1). */
  yMax?: number;
  /** Shown instead of the chart, e.g. an error with a retry button. */
  problem?: ReactNode;
  fetching?: boolean;
  /** Called with the range selected by dragging across the chart. */
  onZoom: (range: { from: number; to: number }) => void;
  height?: number;
}

/** Downloads exactly the points drawn, named after the chart and its range. */
function exportCsv(
  id: string,
  series: readonly ChartSeries[],
  range: { from: number; to: number },
) {
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[:.]/g, '-');
  downloadText(chartToCsv(series), `taurine-${id}-${stamp(range.from)}_${stamp(range.to)}.csv`);
}

/**
 * A time-series chart drawn with visx: one line per series (gaps where there is no data), a
 * threshold band, alert markers on the time axis, a tooltip with exact values, drag-to-zoom, and
 * "Export CSV" of exactly the points drawn. The title, legend and export come with the page; the
 * plot is drawn after the first paint, once the chart is on or near the screen.
 */
export const TimeSeriesChart = memo(function TimeSeriesChart({
  id,
  title,
  series,
  range,
  formatValue,
  threshold,
  annotations = [],
  timeRanges = [],
  yMax,
  problem,
  fetching = false,
  onZoom,
  height = 220,
}: TimeSeriesChartProps) {
  const titleId = useId();
  const figure = useRef<HTMLElement>(null);
  const plotted = useMountWhenVisible(figure);
  const { parentRef, width: measured } = useParentSize({ initialSize: { width: 320 } });
  const width = Math.max(measured, 240);
  const innerWidth = width - CHART_MARGIN.left - CHART_MARGIN.right;
  const innerHeight = height - CHART_MARGIN.top - CHART_MARGIN.bottom;
  const { xScale, yScale } = useChartScales({ range, series, yMax, innerWidth, innerHeight });
  const pointer = useChartPointer({ series, xScale, innerWidth, onZoom });

  const pointCount = countPoints(series);
  const thresholdVisible = threshold !== undefined && threshold.value <= yScale.domain()[1]!;
  const summary = latestValuesSummary(series, formatValue);
  const inner = { innerWidth, innerHeight };

  return (
    <figure
      ref={figure}
      className="chart panel"
      aria-labelledby={titleId}
      data-testid={`chart-${id}`}
      data-point-count={pointCount}
      data-range-from={new Date(range.from).toISOString()}
      data-range-to={new Date(range.to).toISOString()}
      aria-busy={fetching}
      data-plotted={plotted}
    >
      <div className="chart__header">
        <h3 id={titleId} className="chart__title">
          {title}
        </h3>
        <ChartLegend series={series} threshold={threshold} thresholdVisible={thresholdVisible} />
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            exportCsv(id, series, range);
          }}
          disabled={pointCount === 0}
          data-testid={`export-${id}`}
        >
          Export CSV
        </button>
      </div>
      <div ref={parentRef} className="chart__canvas" style={{ height }}>
        {problem ??
          (!plotted ? null : (
            <svg width={width} height={height} role="img" aria-label={`${title}. ${summary}`}>
              <Group left={CHART_MARGIN.left} top={CHART_MARGIN.top}>
                <ChartTimeRanges
                  timeRanges={timeRanges}
                  range={range}
                  xScale={xScale}
                  innerHeight={innerHeight}
                />
                {thresholdVisible ? (
                  <ChartThresholdBand threshold={threshold} yScale={yScale} {...inner} />
                ) : null}
                <ChartGridLines yScale={yScale} innerWidth={innerWidth} />
                <ChartSeriesLines series={series} xScale={xScale} yScale={yScale} />
                <ChartAnnotations
                  annotations={annotations}
                  range={range}
                  xScale={xScale}
                  innerHeight={innerHeight}
                />
                <ChartAxes xScale={xScale} yScale={yScale} formatValue={formatValue} {...inner} />
                <ChartPointerLayer
                  pointer={pointer}
                  xScale={xScale}
                  testId={`chart-${id}-overlay`}
                  {...inner}
                />
              </Group>
            </svg>
          ))}
        {pointer.tooltip && problem === undefined ? (
          <ChartTooltip {...pointer.tooltip} formatValue={formatValue} />
        ) : null}
      </div>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
});
