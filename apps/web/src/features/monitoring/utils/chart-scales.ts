import { scaleLinear, scaleTime } from '@visx/scale';
import type { ChartSeries } from './chart-csv.ts';

/** Room around the plot for the axes' labels and the alert markers (px). */
export const CHART_MARGIN = { top: 12, right: 16, bottom: 28, left: 56 };

/** The time axis: the range's ends at the plot's edges. */
export const chartTimeScale = (from: number, to: number, innerWidth: number) =>
  scaleTime({ domain: [from, to], range: [0, innerWidth] });

/**
 * The value axis, from 0 up to `yMax` when it is fixed, else to 15 % above the largest value
 * rounded to nice ticks (1 when there is no data).
 */
export const chartValueScale = (dataMax: number, innerHeight: number, yMax?: number) =>
  scaleLinear({
    domain: [0, yMax ?? (dataMax > 0 ? dataMax * 1.15 : 1)],
    range: [innerHeight, 0],
    nice: yMax === undefined,
  });

export type ChartTimeScale = ReturnType<typeof chartTimeScale>;
export type ChartValueScale = ReturnType<typeof chartValueScale>;

/** The largest value of any series (0 without data). */
export function largestValue(series: readonly ChartSeries[]): number {
  let max = 0;
  for (const line of series) {
    for (const point of line.points) if (point.value !== null) max = Math.max(max, point.value);
  }
  return max;
}

/** The index of the time nearest to `t` (the first of equals); `times` must not be empty. */
export function nearestIndex(times: readonly number[], t: number): number {
  let nearest = 0;
  for (let index = 1; index < times.length; index += 1) {
    if (Math.abs(times[index]! - t) < Math.abs(times[nearest]! - t)) nearest = index;
  }
  return nearest;
}

/** Each series' latest value, for screen readers: "p95: 120 ms, p99: no data". */
export function latestValuesSummary(
  series: readonly ChartSeries[],
  formatValue: (value: number) => string,
): string {
  return series
    .map((line) => {
      const last = [...line.points].reverse().find((point) => point.value !== null);
      return `${line.label}: ${last?.value == null ? 'no data' : formatValue(last.value)}`;
    })
    .join(', ');
}
