import type { ChartTimeScale } from '../utils/chart-scales.ts';
import { formatClockTime } from '../utils/clock-format.ts';

/** A span of time shaded on a chart, e.g. a load test run. */
export interface ChartTimeRange {
  from: number;
  to: number;
  label: string;
  /** Names a CSS modifier, `chart__time-range--<tone>`. */
  tone: string;
}

interface ChartTimeRangesProps {
  timeRanges: readonly ChartTimeRange[];
  range: { from: number; to: number };
  xScale: ChartTimeScale;
  innerHeight: number;
}

/** A shaded band across the plot for each span that overlaps the range, clipped to it. */
export function ChartTimeRanges({ timeRanges, range, xScale, innerHeight }: ChartTimeRangesProps) {
  return timeRanges
    .filter((span) => span.to >= range.from && span.from <= range.to)
    .map((span) => {
      const x1 = xScale(Math.max(span.from, range.from));
      const x2 = xScale(Math.min(span.to, range.to));
      return (
        <rect
          key={`${span.from}-${span.label}`}
          className={`chart__time-range chart__time-range--${span.tone}`}
          x={x1}
          y={0}
          width={Math.max(1, x2 - x1)}
          height={innerHeight}
          data-testid="chart-time-range"
        >
          <title>{`${span.label}: ${formatClockTime(span.from)}–${formatClockTime(span.to)}`}</title>
        </rect>
      );
    });
}
