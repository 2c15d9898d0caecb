import { Line } from '@visx/shape';
import type { ChartPointer } from '../hooks/use-chart-pointer.ts';
import type { ChartTimeScale } from '../utils/chart-scales.ts';

interface ChartPointerLayerProps {
  pointer: ChartPointer;
  xScale: ChartTimeScale;
  innerWidth: number;
  innerHeight: number;
  /** Test id of the overlay that receives the pointer. */
  testId: string;
}

/**
 * On top of the plot: the crosshair at the tooltip's time, the range being dragged, and the
 * transparent overlay that receives the pointer.
 */
export function ChartPointerLayer({
  pointer: { drag, tooltip, overlayHandlers },
  xScale,
  innerWidth,
  innerHeight,
  testId,
}: ChartPointerLayerProps) {
  return (
    <>
      {tooltip ? (
        <Line
          className="chart__crosshair"
          from={{ x: xScale(tooltip.data.t), y: 0 }}
          to={{ x: xScale(tooltip.data.t), y: innerHeight }}
        />
      ) : null}
      {drag ? (
        <rect
          className="chart__selection"
          x={Math.min(drag.start, drag.current)}
          width={Math.abs(drag.current - drag.start)}
          y={0}
          height={innerHeight}
        />
      ) : null}
      <rect
        className="chart__overlay"
        width={innerWidth}
        height={innerHeight}
        fill="transparent"
        data-testid={testId}
        {...overlayHandlers}
      />
    </>
  );
}
