/** How the SPA words a stored load test run. */

/** A verdict as the schema spells it. */
export type LoadTestVerdict =
  'PASSED' | 'FAILED' | 'BREAKING_POINT' | 'NO_BREAKING_POINT' | 'ABORTED';

/** Label and tone (`good`, `bad`, `neutral`) of each verdict. */
export const VERDICT_TEXT: Readonly<Record<LoadTestVerdict, { label: string; tone: string }>> = {
  PASSED: { label: 'Passed', tone: 'good' },
  FAILED: { label: 'Failed', tone: 'bad' },
  BREAKING_POINT: { label: 'Breaking point found', tone: 'bad' },
  NO_BREAKING_POINT: { label: 'Held to the last step', tone: 'good' },
  ABORTED: { label: 'Aborted', tone: 'neutral' },
};

const METRICS = {
  P95_MS: { label: 'p95', unit: 'ms', rule: '<' },
  ERROR_RATE_PERCENT: { label: 'Error rate', unit: '%', rule: '<' },
  THROUGHPUT_RPS: { label: 'Throughput', unit: 'req/s', rule: '≥' },
} as const;

/** A threshold metric as the schema spells it. */
export type LoadTestThresholdMetric = keyof typeof METRICS;

const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** `p95 812.4 ms (limit < 500 ms)`. */
export function thresholdText(threshold: {
  metric: LoadTestThresholdMetric;
  limit: number;
  actual?: number | null | undefined;
}): string {
  const { label, unit, rule } = METRICS[threshold.metric];
  const actual =
    threshold.actual == null ? 'n/a' : `${oneDecimal.format(threshold.actual)} ${unit}`;
  return `${label} ${actual} (limit ${rule} ${oneDecimal.format(threshold.limit)} ${unit})`;
}

/** `0 → 20` on a ramp, `20` when held. */
export const usersText = (startUsers: number, users: number): string =>
  startUsers === users ? String(users) : `${startUsers} → ${users}`;

/** `12.5 ms`, or `—` when nothing was measured. */
export const msText = (ms: number | null | undefined): string =>
  ms == null ? '—' : `${oneDecimal.format(ms)} ms`;

/** `1 min 5 s`, `42 s`: the length of a run. */
export function durationText(from: string, to: string): string {
  const seconds = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes === 0 ? `${seconds} s` : `${minutes} min ${seconds % 60} s`;
}
