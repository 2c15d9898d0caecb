import { VITAL_THRESHOLDS } from '@taurine/vitals';
import type { VitalName, VitalRating } from '@taurine/vitals';
import { formatDecimal } from '../../../lib/number-format.ts';

export type Percentile = 'p75' | 'p90' | 'p95' | 'p99';

export const PERCENTILES: readonly Percentile[] = ['p75', 'p90', 'p95', 'p99'];

/** Each vital: the shared good / poor thresholds (web-vitals' own), its Lighthouse weight and how to show it. */
export const VITALS: Readonly<
  Record<
    VitalName,
    {
      label: string;
      /** Upper bound of "good", upper bound of "needs improvement" (`VITAL_THRESHOLDS`). */
      thresholds: readonly [number, number];
      /** Share of the score ring (Lighthouse's weighting: LCP and INP 30 %, CLS and FCP 15 %, TTFB 10 %). */
      weight: number;
      unit: 'ms' | '';
    }
  >
> = {
  LCP: {
    label: 'Largest Contentful Paint',
    thresholds: [VITAL_THRESHOLDS.LCP.good, VITAL_THRESHOLDS.LCP.poor],
    weight: 0.3,
    unit: 'ms',
  },
  INP: {
    label: 'Interaction to Next Paint',
    thresholds: [VITAL_THRESHOLDS.INP.good, VITAL_THRESHOLDS.INP.poor],
    weight: 0.3,
    unit: 'ms',
  },
  CLS: {
    label: 'Cumulative Layout Shift',
    thresholds: [VITAL_THRESHOLDS.CLS.good, VITAL_THRESHOLDS.CLS.poor],
    weight: 0.15,
    unit: '',
  },
  FCP: {
    label: 'First Contentful Paint',
    thresholds: [VITAL_THRESHOLDS.FCP.good, VITAL_THRESHOLDS.FCP.poor],
    weight: 0.15,
    unit: 'ms',
  },
  TTFB: {
    label: 'Time to First Byte',
    thresholds: [VITAL_THRESHOLDS.TTFB.good, VITAL_THRESHOLDS.TTFB.poor],
    weight: 0.1,
    unit: 'ms',
  },
};

/** Rank of each percentile as a share. */
const PERCENTILE_SHARES: Readonly<Record<Percentile, number>> = {
  p75: 0.75,
  p90: 0.9,
  p95: 0.95,
  p99: 0.99,
};

/**
 * The rating of the value at `percentile`, from the exact number of good, needs-improvement and
 * poor reports (null without reports). The percentile is the report of rank
 * ⌊q·(n − 1)⌋ in ascending order (the server's quantile definition), so it is good when more
 * reports than that rank are good, and poor when no more than that rank are good or need
 * improvement. Rating the sketched value instead (1 % accurate) can put a p75 of exactly 2,500 ms,
 * shown as 2,515 ms, on the wrong side of the threshold.
 */
export function rateAtPercentile(
  percentile: Percentile,
  counts: Readonly<Record<VitalRating, number>>,
): VitalRating | null {
  const total = counts.good + counts['needs-improvement'] + counts.poor;
  if (total === 0) return null;
  const rank = Math.floor(PERCENTILE_SHARES[percentile] * (total - 1));
  if (counts.good > rank) return 'good';
  if (counts.good + counts['needs-improvement'] > rank) return 'needs-improvement';
  return 'poor';
}

/** `2,345 ms`, `0.12`. */
export function formatVital(name: VitalName, value: number | null): string {
  if (value === null) return 'no data';
  if (VITALS[name].unit === '') return value.toFixed(value < 1 ? 3 : 2);
  return `${formatDecimal(value, 0)} ms`;
}

export const RATING_LABELS: Record<VitalRating, string> = {
  good: 'Good',
  'needs-improvement': 'Needs improvement',
  poor: 'Poor',
};
