/**
 * Robust statistics over plain arrays: the median and the median absolute deviation (MAD), which
 * one outlier cannot drag the way it drags a mean and a standard deviation.
 */

/** Scales a MAD to estimate the standard deviation of normally distributed data. */
export const MAD_TO_SIGMA = 1.4826;

/** The median of `values` (finite numbers only), or null when there are none. */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median absolute deviation from the median, scaled by {@link MAD_TO_SIGMA}; null when empty. */
export function scaledMad(values: readonly number[]): number | null {
  const center = median(values);
  if (center === null) return null;
  return MAD_TO_SIGMA * median(values.map((value) => Math.abs(value - center)))!;
}

/** The population standard deviation of `values`, or null when empty. */
export function standardDeviation(values: readonly number[]): number | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return null;
  const mean = finite.reduce((sum, value) => sum + value, 0) / finite.length;
  const variance = finite.reduce((sum, value) => sum + (value - mean) ** 2, 0) / finite.length;
  return Math.sqrt(variance);
}
