/** Metric names: dot-separated segments, e.g. `api.responseTime`, `webvitals.LCP`. */
export const METRIC_NAME_PATTERN = /^[a-z][a-zA-Z0-9_]*(\.[a-zA-Z0-9_]+)*$/;

/** Longest accepted metric name. */
export const MAX_METRIC_NAME_LENGTH = 200;

/** Whether `name` is a valid metric name. */
export function isValidMetricName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length <= MAX_METRIC_NAME_LENGTH &&
    METRIC_NAME_PATTERN.test(name)
  );
}
