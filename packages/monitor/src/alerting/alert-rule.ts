import { STAT_NAMES } from '../metrics/metric-stats.ts';
import type { StatName } from '../metrics/metric-stats.ts';
import { WINDOW_DURATIONS } from '../metrics/windows.ts';
import type { WindowName } from '../metrics/windows.ts';
/** Statistics a rule can compare with its threshold: every statistic a window has. */
export const ALERT_STATS = STAT_NAMES;
export type AlertStat = StatName;

/** Look-back windows a rule can read a statistic over: the registry's named windows. */
export const ALERT_WINDOWS = Object.keys(WINDOW_DURATIONS) as WindowName[];
export type AlertWindow = WindowName;

/** Length of each window in ms. */
export const ALERT_WINDOW_MS: Readonly<Record<AlertWindow, number>> = WINDOW_DURATIONS;

/** How the statistic is compared with the threshold: the condition holds when `value <op> threshold`. */
export const ALERT_COMPARISONS = ['>', '>=', '<', '<='] as const;
export type AlertComparison = (typeof ALERT_COMPARISONS)[number];

/** Severities, most urgent first: critical is P0, error P1, warning P2, info P3. */
export const ALERT_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type Severity = (typeof ALERT_SEVERITIES)[number];

/**
 * What a rule's alert becomes when the statistic has no value (no samples in the window):
 * `no-data` is a state of its own (shown, never notified), `ok` treats it as the condition being
 * false, `alerting` as the condition being true.
 */
export const NO_DATA_STATES = ['no-data', 'ok', 'alerting'] as const;
export type NoDataState = (typeof NO_DATA_STATES)[number];

/** The state a rule's alert takes on missing data when the rule does not say. */
export const DEFAULT_NO_DATA_STATE: NoDataState = 'no-data';

/**
 * An alert rule: `stat(metric{tags})` over `window`, compared with `threshold`. The alert goes
 * pending when the condition first holds and fires once it has held for `forMs`.
 */
export interface AlertRule {
  /** Stable identifier; part of every alert's fingerprint. */
  readonly id: string;
  /** Human name; the `alertname` label silences match on. */
  readonly name: string;
  readonly description?: string;
  /** Metric name in dot notation, e.g. `api.responseTime`. */
  readonly metric: string;
  /** Tag filter: only series carrying all of these tags are read. */
  readonly tags?: Readonly<Record<string, string>>;
  readonly stat: AlertStat;
  readonly window: AlertWindow;
  readonly comparison: AlertComparison;
  readonly threshold: number;
  readonly severity: Severity;
  /** How long the condition must hold before the alert fires (Prometheus `for`); 0 fires at once. */
  readonly forMs: number;
  /** How long a firing alert keeps firing after its condition clears (Prometheus `keep_firing_for`). */
  readonly keepFiringForMs?: number;
  /** @defaultValue `'no-data'` */
  readonly noDataState?: NoDataState;
  readonly enabled: boolean;
  /** True for the rules shipped in `BUILT_IN_RULES`. */
  readonly builtIn: boolean;
}

/** True when `value <comparison> threshold` holds. */
export function isConditionMet(
  value: number,
  comparison: AlertComparison,
  threshold: number,
): boolean {
  switch (comparison) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
  }
}
