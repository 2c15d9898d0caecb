import { LinePath } from '@visx/shape';
import { memo } from 'react';
import type { ChartSeries } from '../utils/chart-csv.ts';
import type { ChartTimeScale, ChartValueScale } from '../utils/chart-scales.ts';

type ChartPoint = ChartSeries['points'][number];

/** A point is drawn when it has a value: 0 is a value, null (or a missing value) is a gap. */
export const hasValue = (point: ChartPoint | undefined): point is { t: number; value: number } =>
  point !== undefined && typeof point.value === 'number' && Number.isFinite(point.value);

interface ChartSeriesLineProps {
  line: ChartSeries;
  xScale: ChartTimeScale;
  yScale: ChartValueScale;
}

/**
 * One series: a line with gaps where there is no data, and a dot for a point without neighbours.
 * Memoised: a snapshot that leaves this series' points and the scales alone does not redraw it.
 */
const ChartSeriesLine = memo(function ChartSeriesLine({
  line,
  xScale,
  yScale,
}: ChartSeriesLineProps) {
  const { points } = line;
  return (
    <g data-series={line.key}>
      {points.map((point, index) =>
        hasValue(point) && !hasValue(points[index - 1]) && !hasValue(points[index + 1]) ? (
          <circle
            key={point.t}
            cx={xScale(point.t)}
            cy={yScale(point.value)}
            r={2.5}
            fill={line.color}
          />
        ) : null,
      )}
      <LinePath
        data={points as ChartPoint[]}
        x={(point) => xScale(point.t)}
        y={(point) => yScale(point.value ?? 0)}
        defined={hasValue}
        stroke={line.color}
        strokeWidth={2}
        fill="none"
      />
    </g>
  );
});

interface ChartSeriesLinesProps {
  series: readonly ChartSeries[];
  xScale: ChartTimeScale;
  yScale: ChartValueScale;
}

/** One line per series, with gaps where there is no data. */
export function ChartSeriesLines({ series, xScale, yScale }: ChartSeriesLinesProps) {
  return (
    <>
      {series.map((line) => (
        <ChartSeriesLine key={line.key} line={line} xScale={xScale} yScale={yScale} />
      ))}
    </>
  );
}
