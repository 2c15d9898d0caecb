/**
 * Figures of a load test from its request samples, and the verdict of its thresholds. Pure: the
 * engine records samples, everything here reads them.
 */
import type { Thresholds } from './scenario.ts';

/** One request: when it started (epoch ms), how long it took, whether it succeeded. */
export interface Sample {
  startedAt: number;
  ms: number;
  ok: boolean;
}

/** Figures over a time window. Latencies are null when the window has no request. */
export interface WindowSummary {
  requests: number;
  errors: number;
  /** Failed requests / requests × 100; 0 without requests. */
  errorRatePercent: number;
  /** Requests started in the window per second of the window. */
  throughputRps: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

/** The figure a threshold limits. */
export type ThresholdMetric = 'p95Ms' | 'errorRatePercent' | 'throughputRps';

/** A threshold checked against a window. */
export interface ThresholdResult {
  metric: ThresholdMetric;
  limit: number;
  /** The measured figure; null when there was nothing to measure (p95 without requests). */
  actual: number | null;
  passed: boolean;
}

/** Nearest-rank percentile of ascending `sorted`; null when empty. */
export function percentile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * Summarises the samples that started in [from, to). `samples` must be in start order (the engine
 * appends them as requests end, so callers pass windows wide enough to be insensitive to that).
 */
export function summarize(samples: readonly Sample[], from: number, to: number): WindowSummary {
  const latencies: number[] = [];
  let errors = 0;
  for (const sample of samples) {
    if (sample.startedAt < from || sample.startedAt >= to) continue;
    latencies.push(sample.ms);
    if (!sample.ok) errors += 1;
  }
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  const seconds = Math.max(0.001, (to - from) / 1000);
  return {
    requests,
    errors,
    errorRatePercent: requests === 0 ? 0 : (errors / requests) * 100,
    throughputRps: requests / seconds,
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    p99Ms: percentile(latencies, 0.99),
  };
}

/**
 * Checks each threshold that is set: p95 below `p95Ms`, error rate below `errorRatePercent`,
 * throughput at least `throughputRps`. A window without requests fails every threshold set: a
 * run that measured nothing has proved nothing.
 */
export function evaluateThresholds(
  summary: WindowSummary,
  thresholds: Thresholds,
): ThresholdResult[] {
  const results: ThresholdResult[] = [];
  const empty = summary.requests === 0;
  if (thresholds.p95Ms !== undefined) {
    const actual = summary.p95Ms;
    results.push({
      metric: 'p95Ms',
      limit: thresholds.p95Ms,
      actual,
      passed: actual !== null && actual < thresholds.p95Ms,
    });
  }
  if (thresholds.errorRatePercent !== undefined) {
    results.push({
      metric: 'errorRatePercent',
      limit: thresholds.errorRatePercent,
      actual: summary.errorRatePercent,
      passed: !empty && summary.errorRatePercent < thresholds.errorRatePercent,
    });
  }
  if (thresholds.throughputRps !== undefined) {
    results.push({
      metric: 'throughputRps',
      limit: thresholds.throughputRps,
      actual: summary.throughputRps,
      passed: summary.throughputRps >= thresholds.throughputRps,
    });
  }
  return results;
}

const METRIC_TEXT: Record<ThresholdMetric, { label: string; unit: string; rule: string }> = {
  p95Ms: { label: 'p95', unit: ' ms', rule: '<' },
  errorRatePercent: { label: 'error rate', unit: ' %', rule: '<' },
  throughputRps: { label: 'throughput', unit: ' req/s', rule: '≥' },
};

/** `p95 812.4 ms, limit < 500 ms`: a threshold as a person reads it. */
export function describeThreshold(result: ThresholdResult): string {
  const text = METRIC_TEXT[result.metric];
  const actual = result.actual === null ? 'n/a' : `${result.actual.toFixed(1)}${text.unit}`;
  return `${text.label} ${actual}, limit ${text.rule} ${result.limit}${text.unit}`;
}
