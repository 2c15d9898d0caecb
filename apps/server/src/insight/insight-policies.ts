import { DEFAULT_REGRESSION_POLICY } from '@taurine/monitor';
import type {
  BadDirection,
  InsightStatistic,
  MetricKind,
  RegressionPolicy,
} from '@taurine/monitor';

/**
 * Per-metric differences from the default regression policy (distributions: p50/p95/p99/mean,
 * higher is worse). Gauges are watched only when listed here; they take one sample a tick, hence
 * the small sample minimum, and rates near zero need an absolute floor (`minDelta`).
 */
export const METRIC_POLICIES: Readonly<Record<string, Partial<RegressionPolicy>>> = {
  'api.errorRate': { statistics: ['mean'], minSamples: 3, minDelta: 0.01 },
  'cache.hitRate': { direction: 'down', statistics: ['mean'], minSamples: 3, minDelta: 0.05 },
  'process.heapUsedRatio': { statistics: ['mean'], minSamples: 3, minDelta: 0.05 },
  'health.score': { direction: 'down', statistics: ['mean'], minSamples: 3, minDelta: 5 },
};

/** Metric prefixes insight never judges (its own gauges). */
const IGNORED_PREFIXES = ['insight.'];

/** The policy of `metric`, or null when insight does not watch it. */
export function policyFor(
  metric: string,
  kind: MetricKind,
  overrides: {
    threshold: number;
    thresholds: Readonly<Record<string, number>>;
    minSamples: number;
  },
): RegressionPolicy | null {
  if (IGNORED_PREFIXES.some((prefix) => metric.startsWith(prefix))) return null;
  const own = METRIC_POLICIES[metric];
  if (own === undefined && kind !== 'distribution') return null;
  return {
    ...DEFAULT_REGRESSION_POLICY,
    minSamples: overrides.minSamples,
    ...own,
    threshold: overrides.thresholds[metric] ?? own?.threshold ?? overrides.threshold,
  };
}

/** A metric insight compares across deployments and scans for anomalies. */
export interface WatchedMetric {
  metric: string;
  statistic: InsightStatistic;
  direction: BadDirection;
}

/** The key metrics: deployment comparisons and anomaly scans cover these (all series merged). */
export const WATCHED_METRICS: readonly WatchedMetric[] = [
  { metric: 'api.responseTime', statistic: 'p95', direction: 'up' },
  { metric: 'api.errorRate', statistic: 'mean', direction: 'up' },
  { metric: 'cache.hitRate', statistic: 'mean', direction: 'down' },
  { metric: 'process.eventLoopDelay', statistic: 'p99', direction: 'up' },
  { metric: 'process.heapUsedRatio', statistic: 'mean', direction: 'up' },
  { metric: 'webvitals.LCP', statistic: 'p95', direction: 'up' },
  { metric: 'webvitals.INP', statistic: 'p95', direction: 'up' },
  { metric: 'webvitals.CLS', statistic: 'p95', direction: 'up' },
];
