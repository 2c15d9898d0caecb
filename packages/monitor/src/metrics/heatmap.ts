import type { DDSketch } from './dd-sketch.ts';
import { MonitorError } from './monitor-error.ts';
import { accumulateSeries, alignRange } from './range-cover.ts';
import type { CoverPlan } from './range-cover.ts';
import type { SeriesCatalog } from './series-catalog.ts';
import { StatsAccumulator } from './stats-accumulator.ts';
import type { Tags } from './tag-set.ts';
import { floorTo } from './windows.ts';
import type { TimeRange } from './windows.ts';

/** A distribution over time: sample counts per value band and step. */
export interface Heatmap {
  /** Ascending upper bounds of the bands; the last band is everything above the last bound. */
  bounds: number[];
  /** One column per step: `counts[i]` samples in band `i` during `[t, t + step)`. */
  columns: { t: number; counts: number[] }[];
}

/**
 * A sketch's weight per value band: `upperBounds` ascending, the result has one more entry than
 * it (values up to the first bound, between consecutive bounds, above the last). Each bucket
 * counts at its representative value, so a band edge is within the sketch's relative accuracy.
 */
export function sketchHistogram(sketch: DDSketch, upperBounds: readonly number[]): number[] {
  const counts = new Array<number>(upperBounds.length + 1).fill(0);
  const alpha = sketch.relativeAccuracy;
  const lnGamma = Math.log((1 + alpha) / (1 - alpha));
  const low = sketch.min ?? 0;
  const high = sketch.max ?? 0;
  const add = (value: number, weight: number): void => {
    const clamped = Math.min(high, Math.max(low, value));
    let band = 0;
    while (band < upperBounds.length && clamped > upperBounds[band]!) band++;
    counts[band]! += weight;
  };
  const valueAt = (index: number): number => Math.exp(index * lnGamma) * (1 - alpha);
  const { negative, positive } = sketch;
  for (let i = 0; i <= negative.highestPosition(); i++) {
    if (negative.counts[i]! > 0) add(-valueAt(negative.offset + i), negative.counts[i]!);
  }
  if (sketch.zeroCount > 0) add(0, sketch.zeroCount);
  for (let i = Math.max(0, positive.lowestPosition()); i <= positive.highestPosition(); i++) {
    if (positive.counts[i]! > 0) add(valueAt(positive.offset + i), positive.counts[i]!);
  }
  return counts;
}

/** Most value bands a heatmap may ask for. */
export const MAX_HEATMAP_BANDS = 40;

/**
 * `bands - 1` upper bounds spanning `[min, max]`: geometric when both are positive (latencies
 * spread over orders of magnitude), linear otherwise. Empty when there is one band or no spread.
 */
export function heatmapBounds(min: number, max: number, bands: number): number[] {
  if (bands < 2 || !(max > min)) return [];
  const bounds: number[] = [];
  const geometric = min > 0;
  const ratio = geometric ? Math.pow(max / min, 1 / bands) : 0;
  const width = (max - min) / bands;
  for (let i = 1; i < bands; i++)
    bounds.push(geometric ? min * Math.pow(ratio, i) : min + width * i);
  return bounds;
}

/**
 * The heatmap of a distribution's series matching `tags` over `range`, one column per `stepMs`,
 * from the sketches' buckets: the bands span the range's exact min and max. Throws
 * `INVALID_QUERY` for a metric that is not a distribution or a band count out of bounds.
 */
export function heatmapOf(
  catalog: SeriesCatalog,
  query: { name: string; tags: Tags | undefined; range: TimeRange; stepMs: number; bands: number },
  plan: CoverPlan,
): Heatmap {
  const { name, tags, range, stepMs, bands } = query;
  if (!Number.isInteger(bands) || bands < 1 || bands > MAX_HEATMAP_BANDS) {
    throw new MonitorError('INVALID_QUERY', `bands must be from 1 to ${MAX_HEATMAP_BANDS}`);
  }
  const metric = catalog.metric(name);
  if (metric !== undefined && metric.kind !== 'distribution') {
    throw new MonitorError(
      'INVALID_QUERY',
      `${name} is a ${metric.kind}; a heatmap needs a distribution`,
    );
  }
  const matched = metric === undefined ? [] : catalog.matching(metric, tags);
  const accumulator = new StatsAccumulator();
  const aligned = alignRange(range.from, range.to, plan);
  accumulator.reset(false);
  for (const series of matched)
    accumulateSeries(series, aligned.from, aligned.to, plan, accumulator);
  const bounds =
    accumulator.count > 0 ? heatmapBounds(accumulator.min, accumulator.max, bands) : [];
  const columns: Heatmap['columns'] = [];
  for (let t = floorTo(aligned.from, stepMs); t < aligned.to; t += stepMs) {
    accumulator.reset(true);
    for (const series of matched) accumulateSeries(series, t, t + stepMs, plan, accumulator);
    columns.push({
      t,
      counts: accumulator.sketch === null ? [] : sketchHistogram(accumulator.sketch, bounds),
    });
  }
  return { bounds, columns };
}
