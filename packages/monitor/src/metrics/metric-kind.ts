/** Kinds of metric. */
export type MetricKind = 'counter' | 'gauge' | 'distribution';

/** Every kind, for validation and iteration. */
export const METRIC_KINDS: readonly MetricKind[] = ['counter', 'gauge', 'distribution'];

/** Whether `value` is a metric kind. */
export function isMetricKind(value: unknown): value is MetricKind {
  return typeof value === 'string' && (METRIC_KINDS as readonly string[]).includes(value);
}
