import type { ChartWindow } from '../utils/chart-window.ts';
import type { ChartAnnotation } from './chart-annotations.tsx';

/** What the dashboard hands each chart. */
export interface DashboardChartProps {
  window: ChartWindow;
  /** Changes with each snapshot while the range follows the clock; null when it is locked. */
  refreshKey: string | null;
  annotations: readonly ChartAnnotation[];
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
