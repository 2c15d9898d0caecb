import { formatStatValue } from '@taurine/units';
import type { AlertNotification } from './alert-notification.ts';

/**
 * A value of the notification's statistic as a person reads it, in the metric's unit, rounded to
 * 3 significant digits: `2.67 %`, `1.80 ms`, `2.00 s`, `1,234`; `no data` when unknown.
 */
export function formatMetricValue(
  notification: Pick<AlertNotification, 'unit' | 'stat'>,
  value: number | null,
): string {
  return formatStatValue(value, notification.stat ?? '', notification.unit ?? '');
}

/** The threshold as a person typed it, in the value's unit, zeros trimmed: `5 %`, `2 s`. */
export function formatThreshold(
  notification: Pick<AlertNotification, 'unit' | 'stat' | 'threshold'>,
): string | null {
  if (notification.threshold === null) return null;
  return formatStatValue(notification.threshold, notification.stat ?? '', notification.unit ?? '', {
    trimZeros: true,
  });
}

/** Formats an epoch-ms instant as ISO 8601 UTC. */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** `7.25 % (threshold 5 %)`, or just the value when there is no threshold. */
export function formatValueWithThreshold(notification: AlertNotification): string {
  const shown = formatMetricValue(notification, notification.value);
  const threshold = formatThreshold(notification);
  return threshold === null ? shown : `${shown} (threshold ${threshold})`;
}

/** Cuts a text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
