/** Eight block heights, lowest first. */
const BARS = '▁▂▃▄▅▆▇█';

/**
 * Renders values as a one-line text sparkline, at most `width` characters (longer series are
 * averaged into buckets). A flat series renders at mid height; an empty one as an empty string.
 */
export function renderSparkline(values: readonly number[], width = 60): string {
  const series = bucketAverages(values.filter(Number.isFinite), width);
  if (series.length === 0) return '';
  const min = Math.min(...series);
  const max = Math.max(...series);
  const top = BARS.length - 1;
  return series
    .map(
      (value) =>
        BARS[max === min ? Math.floor(top / 2) : Math.round(((value - min) / (max - min)) * top)],
    )
    .join('');
}

function bucketAverages(values: readonly number[], width: number): number[] {
  if (values.length <= width) return [...values];
  const buckets: number[] = [];
  for (let bucket = 0; bucket < width; bucket += 1) {
    const start = Math.floor((bucket * values.length) / width);
    const end = Math.floor(((bucket + 1) * values.length) / width);
    const slice = values.slice(start, end);
    buckets.push(slice.reduce((sum, value) => sum + value, 0) / slice.length);
  }
  return buckets;
}
