import type { Baseline } from './baseline.ts';
import { isWorse, relativeChange } from './insight-statistic.ts';
import type { BadDirection, InsightStatistic, WindowStats } from './insight-statistic.ts';

/** When a change counts as a regression, per metric. */
export interface RegressionPolicy {
  /** Which way is worse. */
  direction: BadDirection;
  /** Relative change that counts (0.2 = 20 %). @default 0.2 */
  threshold: number;
  /** The change must also exceed this many scaled MADs of the baseline's slices. @default 3 */
  noiseMultiplier: number;
  /** Smallest absolute change that counts, in the metric's unit (rates near 0). @default 0 */
  minDelta: number;
  /** Samples the current window (and the baseline) must hold at least. @default 50 */
  minSamples: number;
  /**
   * An open regression recovers only below this relative change (hysteresis: a change hovering
   * at the threshold does not open and recover every tick). @default 0.1
   */
  recoveryThreshold: number;
  /** Baseline slices with data needed before the noise is trusted. @default 5 */
  minSlices: number;
  /** Statistics compared. */
  statistics: readonly InsightStatistic[];
}

/** The policy of a latency-like distribution (higher is worse), as data. */
export const DEFAULT_REGRESSION_POLICY: RegressionPolicy = {
  direction: 'up',
  threshold: 0.2,
  noiseMultiplier: 3,
  minDelta: 0,
  minSamples: 50,
  recoveryThreshold: 0.1,
  minSlices: 5,
  statistics: ['p50', 'p95', 'p99', 'mean'],
};

/** Regression severities: `critical` from twice the threshold. */
export type RegressionSeverity = 'warning' | 'critical';

/** The verdict on one statistic of one series at one tick. */
export interface RegressionCheck {
  statistic: InsightStatistic;
  baselineValue: number;
  currentValue: number;
  /** Relative change (0.25 = 25 % higher than the baseline). */
  change: number;
  /** 0..1: how sure the verdict is (samples held, distance from the noise). */
  confidence: number;
  /** Whether this is a regression: worse, past the threshold, out of the noise, enough samples. */
  regressed: boolean;
  /** Whether an open regression of this statistic has recovered (back within `recoveryThreshold`). */
  recovered: boolean;
  severity: RegressionSeverity;
}

/**
 * Compares the current window with the baseline per statistic (pure). A statistic regresses when
 * its change goes the bad way past `threshold`, exceeds `noiseMultiplier` × the baseline's scaled
 * MAD, and both windows hold `minSamples` (so 3 requests at night page nobody). Statistics without
 * data on either side, or a baseline with fewer than `minSlices` slices, give no verdict.
 */
export function checkRegression(
  baseline: Baseline,
  current: WindowStats,
  policy: RegressionPolicy = DEFAULT_REGRESSION_POLICY,
): RegressionCheck[] {
  if (baseline.slices < policy.minSlices) return [];
  const enoughSamples = current.count >= policy.minSamples && baseline.count >= policy.minSamples;
  const checks: RegressionCheck[] = [];
  for (const statistic of policy.statistics) {
    const baselineValue = statistic === 'p50' ? baseline.median : baseline[statistic];
    const currentValue = current[statistic];
    if (baselineValue === null || currentValue === null) continue;
    const change = relativeChange(baselineValue, currentValue);
    if (change === null) continue;
    const delta = currentValue - baselineValue;
    const noise = policy.noiseMultiplier * (baseline.spread[statistic].mad ?? 0);
    const outOfNoise = Math.abs(delta) > noise && Math.abs(delta) >= policy.minDelta;
    const regressed =
      enoughSamples &&
      outOfNoise &&
      isWorse(delta, policy.direction) &&
      Math.abs(change) >= policy.threshold;
    const sampleFactor = Math.min(1, current.count / (4 * policy.minSamples));
    const noiseFactor = noise === 0 ? 1 : Math.min(1, Math.abs(delta) / (2 * noise));
    checks.push({
      statistic,
      baselineValue,
      currentValue,
      change,
      confidence: Math.round(sampleFactor * noiseFactor * 100) / 100,
      regressed,
      recovered: !isWorse(delta, policy.direction) || Math.abs(change) < policy.recoveryThreshold,
      severity: Math.abs(change) >= 2 * policy.threshold ? 'critical' : 'warning',
    });
  }
  return checks;
}
