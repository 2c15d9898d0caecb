import { formatDuration } from '@taurine/units';
import type {
  AlertComparison,
  AlertSeverity,
  AlertStatus,
  Stat,
  StatsWindow,
} from '../../../gql/graphql.ts';
import { WINDOW_MS } from './alert-numbers.ts';

export const COMPARISON_SYMBOLS: Record<AlertComparison, string> = {
  GT: '>',
  GTE: '≥',
  LT: '<',
  LTE: '≤',
};

export const STATS: readonly Stat[] = [
  'AVG',
  'P50',
  'P75',
  'P90',
  'P95',
  'P99',
  'MIN',
  'MAX',
  'LAST',
  'SUM',
  'COUNT',
  'RATE',
];

export const WINDOWS: readonly StatsWindow[] = [
  'LAST_1M',
  'LAST_5M',
  'LAST_15M',
  'LAST_1H',
  'LAST_6H',
  'LAST_24H',
  'LAST_7D',
];

/** `LAST_5M` → `5 min`. */
export function windowLabel(window: StatsWindow): string {
  return formatDuration(WINDOW_MS[window] / 1000);
}

/** Severities, most urgent first, with their priority so the select shows the whole label. */
export const SEVERITY_LABELS: Record<AlertSeverity, string> = {
  CRITICAL: 'Critical (P0)',
  ERROR: 'Error (P1)',
  WARNING: 'Warning (P2)',
  INFO: 'Info (P3)',
};
export const SEVERITIES: readonly AlertSeverity[] = ['CRITICAL', 'ERROR', 'WARNING', 'INFO'];

/** What each status means, in the words of the schema: shown beside the list and as titles. */
export const STATUS_MEANINGS: Record<AlertStatus, string> = {
  FIRING: 'the condition held long enough: channels were notified, repeats until acknowledged',
  PENDING: 'the condition holds, not yet for as long as the rule’s “for”',
  ACKNOWLEDGED: 'someone owns it: no more repeats or escalations',
  NO_DATA: 'the metric has no value in the window: neither fine nor firing',
  RESOLVED: 'over, by itself or by hand',
  INACTIVE: 'the condition cleared before the alert fired: nobody was notified',
};

/** `NO_DATA` → `no data`. */
export const statusLabel = (status: string): string => status.toLowerCase().replace('_', ' ');

/** The statistic a rule reads, picked from a `stats` answer (null: no data). */
export function statValue(
  stats: Partial<Record<Lowercase<Stat>, number | null>> | undefined,
  stat: Stat,
): number | null {
  const value = stats?.[stat.toLowerCase() as Lowercase<Stat>];
  return value === undefined ? null : value;
}

/** Whether `value comparison threshold` holds. */
export function conditionHolds(
  value: number,
  comparison: AlertComparison,
  threshold: number,
): boolean {
  switch (comparison) {
    case 'GT':
      return value > threshold;
    case 'GTE':
      return value >= threshold;
    case 'LT':
      return value < threshold;
    case 'LTE':
      return value <= threshold;
  }
}
