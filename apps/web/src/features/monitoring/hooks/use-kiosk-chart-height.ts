import { useParentSize } from '@visx/responsive';
import { useSyncExternalStore } from 'react';

/**
 * Where the kiosk layout has fixed rows (`.dashboard--kiosk` in monitoring.css); narrower screens
 * stack the charts and scroll, so their height must not follow the area they fill.
 */
const FIXED_LAYOUT_QUERY = '(min-width: 64rem)';

function subscribeToLayout(onChange: () => void) {
  const query = window.matchMedia(FIXED_LAYOUT_QUERY);
  query.addEventListener('change', onChange);
  return () => {
    query.removeEventListener('change', onChange);
  };
}

const isFixedLayout = () => window.matchMedia(FIXED_LAYOUT_QUERY).matches;

/**
 * What a chart adds around its drawing in kiosk mode, in pixels: padding (2 × 10), border
 * (2 × 1), header (32) and the gap below it (6). Kept in step with `.dashboard--kiosk .chart` in
 * monitoring.css.
 */
export const KIOSK_CHART_CHROME_PX = 60;
/** Gap between kiosk chart rows, as `.dashboard--kiosk .dashboard__charts` sets it. */
export const KIOSK_CHART_GAP_PX = 12;
/** Charts are laid out in this many rows on a wall screen. */
export const KIOSK_CHART_ROWS = 2;
/** Below this, a drawing says nothing; the screen is too small for kiosk mode to fit. */
const MIN_CHART_HEIGHT_PX = 80;

/**
 * On a wall screen the charts share the height the layout leaves them (the grid's last row), so
 * the dashboard fits the screen without scrolling. Measures that area; returns the drawing height
 * for each chart, or undefined (the charts' own default) outside kiosk mode, on a narrow screen
 * (where kiosk mode stacks the charts) or before measuring.
 */
export function useKioskChartHeight(enabled: boolean) {
  const { parentRef, height } = useParentSize({ debounceTime: 100 });
  const fixedLayout = useSyncExternalStore(subscribeToLayout, isFixedLayout, () => false);
  const rowHeight = (height - KIOSK_CHART_GAP_PX * (KIOSK_CHART_ROWS - 1)) / KIOSK_CHART_ROWS;
  const chartHeight =
    enabled && fixedLayout && height > 0
      ? Math.max(MIN_CHART_HEIGHT_PX, Math.floor(rowHeight - KIOSK_CHART_CHROME_PX))
      : undefined;
  return { parentRef, chartHeight };
}
