import { formatStatValue } from '@taurine/units';
import { useParentSize } from '@visx/responsive';

interface HeatmapChartProps {
  heatmap: { bounds: number[]; unit: string; columns: { t: string; counts: number[] }[] };
  label: string;
}

/**
 * A distribution over time: one column per step, one cell per value band (lowest at the bottom),
 * darker for more samples. Band edges come from the server (from the sketches' buckets).
 */
export function HeatmapChart({ heatmap, label }: HeatmapChartProps) {
  const { parentRef, width, height } = useParentSize({ initialSize: { width: 320, height: 160 } });
  const bands = heatmap.bounds.length + 1;
  const columns = heatmap.columns;
  const peak = Math.max(1, ...columns.flatMap((column) => column.counts));
  const axis = 56;
  const cellWidth = Math.max(1, (width - axis) / Math.max(1, columns.length));
  const cellHeight = Math.max(1, (height - 4) / bands);
  const top = heatmap.bounds.at(-1);
  return (
    <div ref={parentRef} className="heatmap-chart">
      <svg width={width} height={height} role="img" aria-label={label}>
        <text x={0} y={12} className="series-chart__tick">
          {top === undefined ? '' : `> ${formatStatValue(top, 'max', heatmap.unit)}`}
        </text>
        <text x={0} y={height - 4} className="series-chart__tick">
          {heatmap.bounds[0] === undefined
            ? ''
            : `≤ ${formatStatValue(heatmap.bounds[0], 'max', heatmap.unit)}`}
        </text>
        {columns.map((column, columnIndex) =>
          column.counts.map((count, band) =>
            count === 0 ? null : (
              <rect
                key={`${column.t}-${band}`}
                x={axis + columnIndex * cellWidth}
                y={height - 4 - (band + 1) * cellHeight}
                width={cellWidth}
                height={cellHeight}
                fill="#d55e00"
                fillOpacity={0.15 + 0.85 * (count / peak)}
              >
                <title>{`${count} samples`}</title>
              </rect>
            ),
          ),
        )}
      </svg>
    </div>
  );
}
