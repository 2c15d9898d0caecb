import { useMemo } from 'react';
import type { ChartSeries } from '../utils/chart-csv.ts';
import { chartTimeScale, chartValueScale, largestValue } from '../utils/chart-scales.ts';

interface ChartScalesOptions {
  range: { from: number; to: number };
  series: readonly ChartSeries[];
  /** Upper end of the value axis when it is fixed. */
  yMax: number | undefined;
  innerWidth: number;
  innerHeight: number;
}

/** The chart's time and value scales, rebuilt only when the range, the data or the size change. */
export function useChartScales({
  range,
  series,
  yMax,
  innerWidth,
  innerHeight,
}: ChartScalesOptions) {
  const { from, to } = range;
  const xScale = useMemo(() => chartTimeScale(from, to, innerWidth), [from, to, innerWidth]);
  const dataMax = useMemo(() => largestValue(series), [series]);
  const yScale = useMemo(
    () => chartValueScale(dataMax, innerHeight, yMax),
    [yMax, dataMax, innerHeight],
  );
  return { xScale, yScale };
}
