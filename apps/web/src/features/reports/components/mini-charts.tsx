import { formatQuantity } from '@taurine/units';

interface Point {
  t: string;
  value?: number | null;
}

const WIDTH = 320;
const HEIGHT = 90;

function Frame({
  title,
  max,
  unit,
  children,
}: {
  title: string;
  max: number;
  unit: string;
  children: React.ReactNode;
}) {
  return (
    <figure className="mini-chart">
      <figcaption>
        {title} <span className="mini-chart__max">max {formatQuantity(max, unit)}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={title}
        preserveAspectRatio="none"
      >
        <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="mini-chart__axis" />
        {children}
      </svg>
    </figure>
  );
}

const maxOf = (points: readonly Point[]) => Math.max(0, ...points.map((p) => p.value ?? 0));

/** Bars per step (requests per hour or day). */
export function MiniBarChart({ title, points }: { title: string; points: readonly Point[] }) {
  const max = maxOf(points);
  const slot = WIDTH / Math.max(points.length, 1);
  return (
    <Frame title={title} max={max} unit="">
      {points.map((point, index) => {
        const height = max === 0 ? 0 : ((point.value ?? 0) / max) * (HEIGHT - 4);
        return (
          <rect
            key={point.t}
            x={index * slot + slot * 0.15}
            y={HEIGHT - height}
            width={slot * 0.7}
            height={height}
            className="mini-chart__bar"
          />
        );
      })}
    </Frame>
  );
}

/** A line through the steps with data (p95 per hour or day). */
export function MiniLineChart({
  title,
  points,
  unit,
}: {
  title: string;
  points: readonly Point[];
  unit: string;
}) {
  const max = maxOf(points);
  const step = WIDTH / Math.max(points.length - 1, 1);
  const path = points
    .map((point, index) =>
      point.value === null || point.value === undefined || max === 0
        ? null
        : `${index * step},${HEIGHT - (point.value / max) * (HEIGHT - 4)}`,
    )
    .filter((xy): xy is string => xy !== null)
    .join(' ');
  return (
    <Frame title={title} max={max} unit={unit}>
      {path === '' ? null : <polyline points={path} className="mini-chart__line" />}
    </Frame>
  );
}
