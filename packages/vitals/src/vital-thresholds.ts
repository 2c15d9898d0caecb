/** The Web Vitals the tracker measures and `/rum` accepts (FID is gone: INP replaced it). */
export const VITAL_NAMES = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;

export type VitalName = (typeof VITAL_NAMES)[number];

/** web-vitals' ratings, in order of worsening. */
export const VITAL_RATINGS = ['good', 'needs-improvement', 'poor'] as const;

export type VitalRating = (typeof VITAL_RATINGS)[number];

/**
 * Per vital: the upper bound of "good" and of "needs improvement" (web-vitals' published
 * `LCPThresholds` … `TTFBThresholds`; a test keeps them equal), and the largest value `/rum`
 * accepts (ten minutes for the timings, 100 for CLS): anything above is a broken or hostile
 * client.
 */
export const VITAL_THRESHOLDS: Readonly<
  Record<VitalName, { readonly good: number; readonly poor: number; readonly max: number }>
> = {
  LCP: { good: 2500, poor: 4000, max: 600_000 },
  INP: { good: 200, poor: 500, max: 600_000 },
  CLS: { good: 0.1, poor: 0.25, max: 100 },
  FCP: { good: 1800, poor: 3000, max: 600_000 },
  TTFB: { good: 800, poor: 1800, max: 600_000 },
};

/** Whether `name` is one of {@link VITAL_NAMES}. */
export function isVitalName(name: unknown): name is VitalName {
  return typeof name === 'string' && (VITAL_NAMES as readonly string[]).includes(name);
}

/** Whether `rating` is one of {@link VITAL_RATINGS}. */
export function isVitalRating(rating: unknown): rating is VitalRating {
  return typeof rating === 'string' && (VITAL_RATINGS as readonly string[]).includes(rating);
}

/** web-vitals' rating of a value: good up to the first threshold, poor above the second. */
export function rateVital(name: VitalName, value: number): VitalRating {
  const { good, poor } = VITAL_THRESHOLDS[name];
  return value <= good ? 'good' : value <= poor ? 'needs-improvement' : 'poor';
}
