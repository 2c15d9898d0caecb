import type { ChartWindow } from '../utils/chart-window.ts';
import type { ChartAnnotation } from './chart-annotations.tsx';
import type { ChartTimeRange } from './chart-time-ranges.tsx';

/** What the dashboard hands each chart. */
export interface DashboardChartProps {
  window: ChartWindow;
  /** Changes with each snapshot while the range follows the clock; null when it is locked. */
  refreshKey: string | null;
  annotations: readonly ChartAnnotation[];
  /** Spans to shade (load test runs). @default none */
  timeRanges?: readonly ChartTimeRange[] | undefined;
  onZoom: (range: { from: number; to: number }) => void;
  /** Height of the drawing in pixels (kiosk mode fits it to the screen). @default the chart's */
  height?: number | undefined;
}

/** Line colours that read on the light and the dark theme. */
export const CHART_COLORS = {
  blue: '#3b82f6',
  amber: '#f59e0b',
  red: '#ef4444',
  teal: '#14b8a6',
  violet: '#8b5cf6',
  slate: '#94a3b8',
} as const;

/**
 * Whether a chart can skip a render: the same window (by value: the dashboard makes a new object
 * on every snapshot), refresh key, markers, zoom handler and height.
 */
export const sameDashboardChartProps = (
  previous: DashboardChartProps,
  next: DashboardChartProps,
): boolean =>
  previous.window.from === next.window.from &&
  previous.window.to === next.window.to &&
  previous.window.stepSeconds === next.window.stepSeconds &&
  previous.refreshKey === next.refreshKey &&
  previous.annotations === next.annotations &&
  previous.timeRanges === next.timeRanges &&
  previous.onZoom === next.onZoom &&
  previous.height === next.height;
