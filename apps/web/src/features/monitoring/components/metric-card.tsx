import type { Trend } from '../utils/trend.ts';

interface MetricCardProps {
  /** Test id `card-<id>`. */
  id: string;
  label: string;
  /** Formatted value; null while the first snapshot is on its way. */
  value: string | null;
  detail?: string | undefined;
  trend?: Trend | null;
  /** Past its alert threshold. */
  alarm?: boolean;
}

const ARROWS = { up: '▲', down: '▼', flat: '▬' } as const;

/** One key number with its trend since the previous snapshot. */
export function MetricCard({
  id,
  label,
  value,
  detail,
  trend = null,
  alarm = false,
}: MetricCardProps) {
  const trendText =
    trend === null
      ? null
      : trend.direction === 'flat'
        ? 'unchanged'
        : `${trend.direction} ${trend.change === null ? '' : `${Math.abs(trend.change * 100).toFixed(1)}%`}`.trim();
  return (
    <article
      className={alarm ? 'metric-card metric-card--alarm' : 'metric-card'}
      data-testid={`card-${id}`}
    >
      <h3 className="metric-card__label">{label}</h3>
      <p className="metric-card__value" data-testid={`card-${id}-value`}>
        {value ?? <span className="muted">…</span>}
      </p>
      <p className="metric-card__detail">
        {trend === null ? null : (
          <span className={`trend trend--${trend.tone}`} title="Change since the previous snapshot">
            <span aria-hidden="true">{ARROWS[trend.direction]}</span>
            <span className="visually-hidden">Trend: </span> {trendText}
          </span>
        )}
        {detail === undefined ? null : <span className="muted">{detail}</span>}
      </p>
    </article>
  );
}
