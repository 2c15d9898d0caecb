import { LinePath } from '@visx/shape';
import type { ChartSeries } from '../utils/chart-csv.ts';
import type { ChartTimeScale, ChartValueScale } from '../utils/chart-scales.ts';

interface ChartSeriesLinesProps {
  series: readonly ChartSeries[];
  xScale: ChartTimeScale;
  yScale: ChartValueScale;
}

/** One line per series, with gaps where there is no data. */
export function ChartSeriesLines({ series, xScale, yScale }: ChartSeriesLinesProps) {
  return (
    <>
      {series.map((line) =>
        line.points.map((point, index) =>
          point.value !== null &&
          (line.points[index - 1]?.value ?? null) === null &&
          (line.points[index + 1]?.value ?? null) === null ? (
            // A point without neighbours draws no line: show it as a dot.
            <circle
              key={`${line.key}-${point.t}`}
              cx={xScale(point.t)}
              cy={yScale(point.value)}
              r={2.5}
              fill={line.color}
            />
          ) : null,
        ),
      )}
      {series.map((line) => (
        <LinePath
          key={line.key}
          data={line.points as { t: number; value: number | null }[]}
          x={(point) => xScale(point.t)}
          y={(point) => yScale(point.value ?? 0)}
          defined={(point) => point.value !== null}
          stroke={line.color}
          strokeWidth={2}
          fill="none"
          data-series={line.key}
        />
      ))}
    </>
  );
}
