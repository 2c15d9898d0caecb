import { isWorse, relativeChange } from './insight-statistic.ts';
import type { BadDirection, InsightStatistic, WindowStats } from './insight-statistic.ts';

/** A deployment: a version that started serving at `at`. */
export interface Deployment {
  version: string;
  at: number;
}

/** What a metric did across a deployment. */
export type ChangeVerdict = 'better' | 'worse' | 'unchanged' | 'no_data';

/** One statistic of one metric before and after a deployment. */
export interface MetricComparison {
  metric: string;
  statistic: InsightStatistic;
  before: number | null;
  after: number | null;
  /** Relative change, 0.1 = 10 % higher after. */
  change: number | null;
  verdict: ChangeVerdict;
  samplesBefore: number;
  samplesAfter: number;
}

/** A metric to compare and which way it gets worse. */
export interface ComparedMetric {
  metric: string;
  direction: BadDirection;
  before: WindowStats;
  after: WindowStats;
}

/** Changes smaller than this (10 %) read `unchanged`. */
export const DEPLOYMENT_CHANGE_THRESHOLD = 0.1;

/**
 * Per metric and statistic, before vs after a deployment (pure): the relative change, and
 * `better`/`worse` past `threshold` in the metric's direction, `unchanged` within it, `no_data`
 * when a side has no samples.
 */
export function compareDeployment(
  metrics: readonly ComparedMetric[],
  statistics: readonly InsightStatistic[] = ['p50', 'p95', 'p99', 'mean'],
  threshold = DEPLOYMENT_CHANGE_THRESHOLD,
): MetricComparison[] {
  const rows: MetricComparison[] = [];
  for (const { metric, direction, before, after } of metrics) {
    for (const statistic of statistics) {
      const b = before.count > 0 ? before[statistic] : null;
      const a = after.count > 0 ? after[statistic] : null;
      const change = b === null || a === null ? null : relativeChange(b, a);
      let verdict: ChangeVerdict = 'no_data';
      if (change !== null && b !== null && a !== null) {
        if (Math.abs(change) < threshold) verdict = 'unchanged';
        else verdict = isWorse(a - b, direction) ? 'worse' : 'better';
      }
      rows.push({
        metric,
        statistic,
        before: b,
        after: a,
        change,
        verdict,
        samplesBefore: before.count,
        samplesAfter: after.count,
      });
    }
  }
  return rows;
}

/** The deployment before `deployment` in `history` (any order), or null for the first one. */
export function previousDeployment<T extends Deployment>(
  history: readonly T[],
  deployment: T,
): T | null {
  let previous: T | null = null;
  for (const candidate of history) {
    if (candidate.at < deployment.at && (previous === null || candidate.at > previous.at))
      previous = candidate;
  }
  return previous;
}
