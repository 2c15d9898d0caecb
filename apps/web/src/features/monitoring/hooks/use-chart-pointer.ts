import { useTooltip } from '@visx/tooltip';
import { useState } from 'react';
import type { PointerEvent } from 'react';
import type { ChartSeries } from '../utils/chart-csv.ts';
import type { ChartTimeScale } from '../utils/chart-scales.ts';
import { CHART_MARGIN, nearestIndex } from '../utils/chart-scales.ts';

/** Drags shorter than this (px) are clicks, not zooms. */
const MIN_DRAG_PX = 6;

/** The tooltip's content: every series' value at the time nearest the pointer. */
export interface ChartTooltipData {
  t: number;
  rows: { key: string; label: string; color: string; value: number | null }[];
}

interface ChartPointerOptions {
  series: readonly ChartSeries[];
  xScale: ChartTimeScale;
  innerWidth: number;
  /** Called with the range selected by dragging across the chart. */
  onZoom: (range: { from: number; to: number }) => void;
}

/**
 * The pointer over the plot: the tooltip follows it (snapped to the nearest point in time), and a
 * drag selects a range to zoom into. Returns the handlers for the plot's overlay.
 */
export function useChartPointer({ series, xScale, innerWidth, onZoom }: ChartPointerOptions) {
  const [drag, setDrag] = useState<{ start: number; current: number } | null>(null);
  const { tooltipOpen, tooltipData, tooltipLeft, tooltipTop, showTooltip, hideTooltip } =
    useTooltip<ChartTooltipData>();
  const times = series[0]?.points.map((point) => point.t) ?? [];

  const toLocalX = (event: PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return Math.min(Math.max(event.clientX - box.left, 0), innerWidth);
  };

  const showTooltipAt = (x: number) => {
    if (times.length === 0) return;
    const nearest = nearestIndex(times, xScale.invert(x).getTime());
    const at = times[nearest]!;
    showTooltip({
      tooltipLeft: xScale(at) + CHART_MARGIN.left,
      tooltipTop: CHART_MARGIN.top + 8,
      tooltipData: {
        t: at,
        rows: series.map((line) => ({
          key: line.key,
          label: line.label,
          color: line.color,
          value: line.points[nearest]?.value ?? null,
        })),
      },
    });
  };

  const overlayHandlers = {
    onPointerDown: (event: PointerEvent<SVGRectElement>) => {
      event.currentTarget.setPointerCapture(event.pointerId);
      const x = toLocalX(event);
      setDrag({ start: x, current: x });
    },
    onPointerMove: (event: PointerEvent<SVGRectElement>) => {
      const x = toLocalX(event);
      if (drag) setDrag({ ...drag, current: x });
      showTooltipAt(x);
    },
    onPointerUp: () => {
      if (drag && Math.abs(drag.current - drag.start) >= MIN_DRAG_PX) {
        const from = xScale.invert(Math.min(drag.start, drag.current)).getTime();
        const to = xScale.invert(Math.max(drag.start, drag.current)).getTime();
        onZoom({ from: Math.round(from), to: Math.round(to) });
      }
      setDrag(null);
    },
    onPointerLeave: () => {
      if (!drag) hideTooltip();
    },
  };

  const tooltip =
    tooltipOpen && tooltipData ? { data: tooltipData, left: tooltipLeft, top: tooltipTop } : null;
  return { drag, tooltip, overlayHandlers };
}

export type ChartPointer = ReturnType<typeof useChartPointer>;
