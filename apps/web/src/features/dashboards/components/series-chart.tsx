import { useParentSize } from '@visx/responsive';
import { scaleLinear, scaleTime } from '@visx/scale';
import { AreaClosed, LinePath } from '@visx/shape';

/** One line of a chart. */
export interface ChartLine {
  label: string;
  points: readonly { t: string; value: number | null }[];
}

/** Series colours, in order (distinct for colour-blind readers, from the Okabe–Ito palette). */
export const SERIES_COLORS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
];

interface SeriesChartProps {
  lines: readonly ChartLine[];
  /** Stack the lines (each drawn on top of the ones before it). */
  stacked?: boolean;
  /** A sparkline: no axes text, one filled line. */
  compact?: boolean;
  label: string;
}

interface Drawn {
  label: string;
  points: { t: number; low: number; high: number }[];
}

/** Lines as drawn: stacked lines start where the previous one ended. Gaps (null) stay out. */
function drawnLines(lines: readonly ChartLine[], stacked: boolean): Drawn[] {
  const base = new Map<number, number>();
  return lines.map((line) => ({
    label: line.label,
    points: line.points.flatMap((point) => {
      if (point.value === null) return [];
      const t = Date.parse(point.t);
      const low = stacked ? (base.get(t) ?? 0) : 0;
      const high = low + point.value;
      if (stacked) base.set(t, high);
      return [{ t, low, high }];
    }),
  }));
}

/** A time-series chart (or sparkline) drawn with visx, sized to its container. */
export function SeriesChart({ lines, stacked = false, compact = false, label }: SeriesChartProps) {
  const { parentRef, width, height } = useParentSize({ initialSize: { width: 320, height: 120 } });
  const drawn = drawnLines(lines, stacked);
  const all = drawn.flatMap((line) => line.points);
  const pad = compact ? 2 : 24;
  const times = all.map((point) => point.t);
  const x = scaleTime({
    domain:
      times.length === 0 ? [0, 1] : [Math.min(...times) - 30_000, Math.max(...times) + 30_000],
    range: [pad, Math.max(pad + 1, width - pad / 2)],
  });
  const top = Math.max(0, ...all.map((point) => point.high));
  const y = scaleLinear({
    domain: [0, top === 0 ? 1 : top * 1.1],
    range: [Math.max(pad + 1, height - pad), pad / 2],
  });
  return (
    <div className="series-chart">
      {/* Measured apart from the legend, so the plot fits above it. */}
      <div ref={parentRef} className="series-chart__plot">
        <svg width={width} height={height} role="img" aria-label={label}>
          {compact ? null : (
            <>
              <text x={pad} y={12} className="series-chart__tick">
                {formatTick(top)}
              </text>
              <line x1={pad} x2={width} y1={y(0)} y2={y(0)} className="series-chart__axis" />
            </>
          )}
          {drawn.map((line, index) => {
            const color = SERIES_COLORS[index % SERIES_COLORS.length] ?? '#0072b2';
            // A series with few points (a fresh server) shows them as dots: a line needs two.
            const dots =
              line.points.length < 30
                ? line.points.map((point) => (
                    <circle key={point.t} cx={x(point.t)} cy={y(point.high)} r={3} fill={color} />
                  ))
                : null;
            return stacked || compact ? (
              <AreaClosed
                key={line.label}
                data={line.points}
                x={(point) => x(point.t)}
                y0={(point) => y(point.low)}
                y1={(point) => y(point.high)}
                yScale={y}
                fill={color}
                fillOpacity={compact ? 0.25 : 0.55}
                stroke={color}
              />
            ) : (
              <g key={line.label}>
                {dots}
                <LinePath
                  data={line.points}
                  x={(point) => x(point.t)}
                  y={(point) => y(point.high)}
                  stroke={color}
                  strokeWidth={2}
                />
              </g>
            );
          })}
        </svg>
      </div>
      {compact ? null : (
        <ul className="series-chart__legend">
          {drawn.map((line, index) => (
            <li key={line.label}>
              <span
                className="series-chart__swatch"
                style={{ background: SERIES_COLORS[index % SERIES_COLORS.length] }}
              />
              {line.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const formatTick = (value: number): string =>
  value >= 100 ? Math.round(value).toLocaleString('en') : value.toPrecision(3);
