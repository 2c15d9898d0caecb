import type { VitalName } from '@taurine/vitals';
import { VITALS } from './vitals.ts';

/**
 * The error function, Abramowitz and Stegun 7.1.26 (|error| < 1.5e-7): the approximation
 * Lighthouse's `statistics.js` uses.
 */
export function erf(x: number): number {
  const sign = Math.sign(x);
  const abs = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * abs);
  const y =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - y * Math.exp(-abs * abs));
}

/**
 * Lighthouse's log-normal score of a metric value (`getLogNormalScore` in Lighthouse 12): the
 * complementary CDF of a log-normal distribution through two control points, `p10` (scores 0.9)
 * and `median` (scores 0.5), clamped so that values up to p10 score at least 0.9, values up to
 * the median at least 0.5, and values above it below 0.5.
 */
export function logNormalScore(control: { p10: number; median: number }, value: number): number {
  if (value <= 0) return 1;
  const INVERSE_ERFC_ONE_FIFTH = 0.9061938024368232;
  const xLogRatio = Math.log(Math.max(Number.MIN_VALUE, value / control.median));
  const p10LogRatio = -Math.log(Math.max(Number.MIN_VALUE, control.p10 / control.median));
  const standardizedX = (xLogRatio * INVERSE_ERFC_ONE_FIFTH) / p10LogRatio;
  const complementaryPercentile = (1 - erf(standardizedX)) / 2;
  if (value <= control.p10) return Math.max(0.9, Math.min(1, complementaryPercentile));
  if (value <= control.median)
    return Math.max(0.5, Math.min(0.8999999999999999, complementaryPercentile));
  return Math.max(0, Math.min(0.49999999999999994, complementaryPercentile));
}

/**
 * The control points per vital: web-vitals' "good" threshold as p10 and its "poor" threshold as
 * the median. For LCP (2500/4000), FCP (1800/3000) and CLS (0.1/0.25) these are exactly
 * Lighthouse 12's mobile curves; INP and TTFB are not Lighthouse lab metrics, so they get the same
 * rule from their field thresholds (200/500 ms, 800/1800 ms).
 */
export const SCORE_CONTROL_POINTS: Readonly<Record<VitalName, { p10: number; median: number }>> =
  Object.fromEntries(
    Object.entries(VITALS).map(([name, vital]) => [
      name,
      { p10: vital.thresholds[0], median: vital.thresholds[1] },
    ]),
  ) as Record<VitalName, { p10: number; median: number }>;

/** One vital's part of the score. */
export interface ScorePart {
  name: VitalName;
  value: number;
  score: number;
  weight: number;
}

/**
 * The weighted score 0..100 (LCP and INP 30 %, CLS and FCP 15 %, TTFB 10 %) of the vitals that
 * have data; the weights of missing vitals are shared out over the others, and `missing` names
 * them (a partial score). Null without any data.
 */
export function performanceScore(
  values: Partial<Record<VitalName, number | null>>,
): { score: number; parts: ScorePart[]; missing: VitalName[] } | null {
  const parts: ScorePart[] = [];
  const missing: VitalName[] = [];
  for (const name of Object.keys(VITALS) as VitalName[]) {
    const value = values[name];
    if (value === null || value === undefined) {
      missing.push(name);
      continue;
    }
    parts.push({
      name,
      value,
      score: logNormalScore(SCORE_CONTROL_POINTS[name], value),
      weight: VITALS[name].weight,
    });
  }
  if (parts.length === 0) return null;
  const totalWeight = parts.reduce((sum, part) => sum + part.weight, 0);
  const weighted = parts.reduce((sum, part) => sum + part.score * part.weight, 0);
  return { score: Math.round((weighted / totalWeight) * 100), parts, missing };
}
