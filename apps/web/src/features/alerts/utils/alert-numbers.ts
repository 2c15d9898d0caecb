import { describeCondition, formatStatValue } from '@taurine/units';
import type { AlertComparison, Stat, StatsWindow } from '../../../gql/graphql.ts';

/** Length of each statistics window, for `describeCondition` and `formatDuration`. */
export const WINDOW_MS: Record<StatsWindow, number> = {
  LAST_1M: 60_000,
  LAST_5M: 300_000,
  LAST_15M: 900_000,
  LAST_1H: 3_600_000,
  LAST_6H: 21_600_000,
  LAST_24H: 86_400_000,
  LAST_7D: 604_800_000,
};

/** An alert's value for people: rounded, in the metric's unit (`2.67 %`, `1.80 ms`). */
export function formatAlertValue(
  value: number | null,
  stat: Stat,
  unit: string | undefined,
): string {
  return formatStatValue(value, stat, unit ?? '');
}

/** A threshold as a person typed it: same unit family as the values, zeros trimmed (`2 s`). */
export function formatThreshold(value: number, stat: Stat, unit: string | undefined): string {
  return formatStatValue(value, stat, unit ?? '', { trimZeros: true });
}

/** A rule's condition in one unit: `p95 of api.responseTime over 5 min > 2 s for 5 min`. */
export function conditionText(
  rule: {
    metric: string;
    stat: Stat;
    window: StatsWindow;
    comparison: AlertComparison;
    threshold: number;
    forMs?: number;
  },
  unit: string | undefined,
): string {
  return describeCondition({
    metric: rule.metric,
    stat: rule.stat,
    windowMs: WINDOW_MS[rule.window],
    comparison: rule.comparison,
    threshold: rule.threshold,
    forMs: rule.forMs ?? 0,
    unit: unit ?? '',
  });
}
