import { formatDuration } from './format-duration.ts';
import { formatQuantity } from './format-quantity.ts';
import type { QuantityOptions } from './format-quantity.ts';

/**
 * Comparisons as alert rules spell them: the monitor's symbols (`>`) or the GraphQL enum (`GT`).
 */
export type ConditionComparison = '>' | '>=' | '<' | '<=' | 'GT' | 'GTE' | 'LT' | 'LTE';

/** How each comparison reads. */
export const COMPARISON_TEXT: Readonly<Record<ConditionComparison, string>> = {
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
  GT: '>',
  GTE: '≥',
  LT: '<',
  LTE: '≤',
};

/**
 * A statistic of a metric, in the metric's declared unit, as a person reads it. The statistic
 * decides the unit: `count` is a number of samples whatever the metric measures, `rate` is per
 * second (`12.5 /s` for a counter, `1.20 ms/s` for a duration sum), every other statistic is in
 * the metric's unit. Stat names are matched case-insensitively (`p95` or GraphQL's `P95`).
 */
export function formatStatValue(
  value: number | null | undefined,
  stat: string,
  unit: string,
  options: QuantityOptions = {},
): string {
  switch (stat.toLowerCase()) {
    case 'count':
      return formatQuantity(value, '', options);
    case 'rate': {
      const text = formatQuantity(value, unit, options);
      return value === null || value === undefined || !Number.isFinite(value)
        ? text
        : `${text}${unit === '' ? ' ' : ''}/s`;
    }
    default:
      return formatQuantity(value, unit, options);
  }
}

/**
 * An alert rule's condition, in the shape of `AlertRule` (monitor's or GraphQL's): a statistic of
 * a metric over a window compared with a threshold, held for `forMs`.
 */
export interface ConditionInput {
  /** Metric name; shown after the statistic when given (`p95 of api.responseTime`). */
  readonly metric?: string;
  /** `p95`, `avg`, `rate`... (or GraphQL's `P95`). */
  readonly stat: string;
  /** Length of the look-back window in ms (`ALERT_WINDOW_MS[rule.window]`). */
  readonly windowMs: number;
  readonly comparison: ConditionComparison;
  /** In the metric's declared unit, like the values it is compared with. */
  readonly threshold: number;
  /** How long the condition must hold; 0 (or absent) fires at once and is not shown. */
  readonly forMs?: number;
  /** The metric's declared unit (`ms`, `ratio`, `MB`, empty for counts). */
  readonly unit: string;
}

/**
 * A condition in one sentence, threshold in the unit family its values are shown in:
 * `p95 over 5 min > 2 s for 5 min` (threshold 2000 on an `ms` metric), `avg of api.errorRate over
 * 5 min ≥ 5 %` (threshold 0.05 on a `ratio`). The threshold keeps up to 3 significant digits
 * without trailing zeros: it is a number a person typed.
 */
export function describeCondition(input: ConditionInput): string {
  const stat = input.stat.toLowerCase();
  const subject = input.metric === undefined ? stat : `${stat} of ${input.metric}`;
  const threshold = formatStatValue(input.threshold, stat, input.unit, { trimZeros: true });
  const condition = `${subject} over ${formatDuration(input.windowMs / 1000)} ${
    COMPARISON_TEXT[input.comparison]
  } ${threshold}`;
  const forMs = input.forMs ?? 0;
  return forMs > 0 ? `${condition} for ${formatDuration(forMs / 1000)}` : condition;
}
