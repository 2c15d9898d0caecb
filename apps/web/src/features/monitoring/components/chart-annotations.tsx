import type { ChartTimeScale } from '../utils/chart-scales.ts';
import { formatClockTime } from '../utils/clock-format.ts';

/** An alert drawn on the time axis. */
export interface ChartAnnotation {
  t: number;
  label: string;
  severity: string;
}

interface ChartAnnotationsProps {
  annotations: readonly ChartAnnotation[];
  range: { from: number; to: number };
  xScale: ChartTimeScale;
  innerHeight: number;
}

/** A dashed line and a marker on the time axis for each alert within the range. */
export function ChartAnnotations({
  annotations,
  range,
  xScale,
  innerHeight,
}: ChartAnnotationsProps) {
  return annotations
    .filter((annotation) => annotation.t >= range.from && annotation.t <= range.to)
    .map((annotation) => (
      <g
        key={`${annotation.t}-${annotation.label}`}
        className={`chart__annotation chart__annotation--${annotation.severity}`}
        transform={`translate(${xScale(annotation.t)},0)`}
        data-testid="chart-annotation"
      >
        <title>{`${annotation.label} (${annotation.severity}) at ${formatClockTime(annotation.t)}`}</title>
        <line y1={0} y2={innerHeight} strokeDasharray="2 3" />
        <path d={`M-5,${innerHeight + 8} L5,${innerHeight + 8} L0,${innerHeight} Z`} />
      </g>
    ));
}
