import type { ChartSeries } from '../utils/chart-csv.ts';
import type { ChartThreshold } from '../utils/thresholds.ts';

interface ChartLegendProps {
  series: readonly ChartSeries[];
  threshold: ChartThreshold | undefined;
  /** False when the threshold is above the value axis, so its band is not drawn. */
  thresholdVisible: boolean;
}

/** The series' colours and names, and the threshold's label ("off scale" when not drawn). */
export function ChartLegend({ series, threshold, thresholdVisible }: ChartLegendProps) {
  return (
    <ul className="chart__legend">
      {series.map((line) => (
        <li key={line.key}>
          <span className="chart__swatch" style={{ background: line.color }} aria-hidden="true" />
          {line.label}
        </li>
      ))}
      {threshold === undefined ? null : (
        <li className={`chart__threshold-label chart__threshold-label--${threshold.severity}`}>
          {threshold.label}
          {thresholdVisible ? null : ' · off scale'}
        </li>
      )}
    </ul>
  );
}
