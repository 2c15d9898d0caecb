import type { BucketStore } from './bucket-store.ts';
import { invalidSketch } from './sketch-encoding.ts';

/** The readable serialised form of a {@link DDSketch} (sparse buckets as `[index, weight]`). */
export interface DDSketchJSON {
  relativeAccuracy: number;
  count: number;
  sum: number;
  min: number | null;
  max: number | null;
  zeroCount: number;
  positive: [index: number, weight: number][];
  negative: [index: number, weight: number][];
  collapsed?: boolean;
}

/** @internal The non-empty buckets of a store as `[index, weight]`, lowest index first. */
export function sparseBuckets(store: BucketStore): [number, number][] {
  const buckets: [number, number][] = [];
  const counts = store.counts;
  for (let i = 0; i < counts.length; i++) {
    const weight = counts[i]!;
    if (weight !== 0) buckets.push([store.offset + i, weight]);
  }
  return buckets;
}

/**
 * @internal Adds the `[index, weight]` buckets of a sketch JSON to `store` and returns their total
 * weight; throws `INVALID_SKETCH` for anything but integer indices with positive weights.
 */
export function addJsonBuckets(buckets: unknown, store: BucketStore): number {
  if (!Array.isArray(buckets)) throw invalidSketch('sketch JSON buckets must be arrays');
  let weight = 0;
  for (const bucket of buckets as unknown[]) {
    if (!Array.isArray(bucket) || bucket.length !== 2)
      throw invalidSketch('bad bucket in sketch JSON');
    const [index, bucketWeight] = bucket as unknown[];
    if (!Number.isInteger(index) || !isPositiveWeight(bucketWeight)) {
      throw invalidSketch('bad bucket in sketch JSON');
    }
    store.add(index as number, bucketWeight);
    weight += bucketWeight;
  }
  return weight;
}

/** @internal Whether any weight of a sketch JSON (its buckets already added) is fractional. */
export function hasFractionalJsonWeights(json: DDSketchJSON): boolean {
  const integral = (buckets: [number, number][]) => buckets.every(([, w]) => Number.isInteger(w));
  return !Number.isInteger(json.zeroCount) || !integral(json.positive) || !integral(json.negative);
}

/** @internal A finite weight above zero. */
export function isPositiveWeight(value: unknown): value is number {
  return typeof value === 'number' && value > 0 && value !== Infinity;
}
