/** A point of a time series: epoch ms and a value. */
export interface TrendPoint {
  at: number;
  value: number;
}

/**
 * Least-squares slope of `points`, in value units per millisecond; null with fewer than two
 * points or no spread in time.
 */
export function linearSlope(points: readonly TrendPoint[]): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  const meanAt = points.reduce((sum, point) => sum + point.at, 0) / n;
  const meanValue = points.reduce((sum, point) => sum + point.value, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.at - meanAt) * (point.value - meanValue);
    variance += (point.at - meanAt) ** 2;
  }
  return variance === 0 ? null : covariance / variance;
}

/**
 * The lowest point of each of `buckets` equal time slices (empty slices skipped). A heap that
 * only rises and falls with garbage collection has flat minima; a leak raises them.
 */
export function bucketMinima(points: readonly TrendPoint[], buckets: number): TrendPoint[] {
  if (points.length === 0 || buckets < 1) return [];
  const first = points[0]!.at;
  const span = points[points.length - 1]!.at - first;
  const width = span / buckets || 1;
  const minima = new Map<number, TrendPoint>();
  for (const point of points) {
    const index = Math.min(buckets - 1, Math.floor((point.at - first) / width));
    const held = minima.get(index);
    if (held === undefined || point.value < held.value) minima.set(index, point);
  }
  return [...minima.entries()].sort(([a], [b]) => a - b).map(([, point]) => point);
}
