import { AxisBottom, AxisLeft } from '@visx/axis';
import { Line } from '@visx/shape';
import type { ChartTimeScale, ChartValueScale } from '../utils/chart-scales.ts';
import { formatAxisTime } from '../utils/clock-format.ts';

interface ChartAxesProps {
  xScale: ChartTimeScale;
  yScale: ChartValueScale;
  innerWidth: number;
  innerHeight: number;
  formatValue: (value: number) => string;
}

/** Value ticks on the left, 24-hour times along the bottom (about one label per 90 px). */
export function ChartAxes({
  xScale,
  yScale,
  innerWidth,
  innerHeight,
  formatValue,
}: ChartAxesProps) {
  return (
    <>
      <AxisLeft
        scale={yScale}
        numTicks={4}
        tickFormat={(value) => formatValue(Number(value))}
        axisClassName="chart__axis"
        hideAxisLine
        hideTicks
      />
      <AxisBottom
        top={innerHeight}
        scale={xScale}
        numTicks={Math.max(2, Math.floor(innerWidth / 90))}
        tickFormat={(value) => formatAxisTime(value as Date)}
        axisClassName="chart__axis"
      />
    </>
  );
}

/** Horizontal grid lines at the value axis' ticks, drawn under the data. */
export function ChartGridLines({
  yScale,
  innerWidth,
}: Pick<ChartAxesProps, 'yScale' | 'innerWidth'>) {
  return yScale
    .ticks(4)
    .map((tick) => (
      <Line
        key={tick}
        className="chart__grid"
        from={{ x: 0, y: yScale(tick) }}
        to={{ x: innerWidth, y: yScale(tick) }}
      />
    ));
}
