import { Line } from '@visx/shape';
import type { ChartValueScale } from '../utils/chart-scales.ts';
import type { ChartThreshold } from '../utils/thresholds.ts';

interface ChartThresholdBandProps {
  threshold: ChartThreshold;
  yScale: ChartValueScale;
  innerWidth: number;
  innerHeight: number;
}

/** The bad side of the threshold, shaded, with a dashed line at the threshold. */
export function ChartThresholdBand({
  threshold,
  yScale,
  innerWidth,
  innerHeight,
}: ChartThresholdBandProps) {
  const y = yScale(threshold.value);
  return (
    <g className={`chart__band chart__band--${threshold.severity}`}>
      <rect
        x={0}
        width={innerWidth}
        y={threshold.above ? 0 : y}
        height={threshold.above ? y : innerHeight - y}
      />
      <Line from={{ x: 0, y }} to={{ x: innerWidth, y }} strokeDasharray="4 4" />
    </g>
  );
}
