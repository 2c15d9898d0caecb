import { BucketStore } from './bucket-store.ts';
import type { ByteWriter } from './byte-codec.ts';
import { MonitorError } from './monitor-error.ts';
import {
  SERIALIZED_BUCKETS,
  beginSerializedSketch,
  finishSerializedSketch,
  invalidSketch,
  parseSerializedSketch,
} from './sketch-encoding.ts';
import type { BucketCodec } from './sketch-encoding.ts';
import {
  addJsonBuckets,
  hasFractionalJsonWeights,
  isPositiveWeight,
  sparseBuckets,
} from './sketch-json.ts';
import type { DDSketchJSON } from './sketch-json.ts';

/** Relative accuracy α of every sketch in Taurine: a quantile is within ±1 % of a true sample. */
export const DEFAULT_RELATIVE_ACCURACY = 0.01;

/**
 * Bucket budget per sign. With α = 1 % one bucket spans a factor γ ≈ 1.0202, so 2048 buckets cover
 * values from x to about 6·10^17·x (almost 18 decades) before the lowest buckets are collapsed.
 */
export const DEFAULT_MAX_BUCKETS = 2048;

/** Magnitudes at or below this (the smallest normal double) are counted in the zero bucket. */
export const MIN_INDEXABLE_VALUE = 2.2250738585072014e-308;

/** Options of {@link DDSketch}. */
export interface DDSketchOptions {
  /**
   * Relative accuracy α in (0, 1): every quantile is within `α·|x|` of a true sample `x`.
   * @default 0.01
   */
  relativeAccuracy?: number;
  /**
   * Maximum number of buckets per sign; past it the lowest-magnitude buckets are collapsed into
   * one, which only degrades the quantiles that fall into the collapsed bucket.
   * @default 2048
   */
  maxBuckets?: number;
}

/**
 * A DDSketch (Masson, Rim & Lee, VLDB 2019): a mergeable quantile sketch with relative accuracy.
 * A value `x > 0` falls into bucket `ceil(log_γ x)` with γ = (1+α)/(1−α), whose representative
 * `γ^i·(1−α)` is within α of every value in the bucket; negative values use a mirrored store, and
 * zero its own counter. Count, sum, min and max are exact. Merging adds bucket weights, so a merged
 * sketch is identical to the sketch of the concatenated data and keeps the α guarantee.
 * Memory is bounded: see {@link DDSketchOptions.maxBuckets}.
 */
export class DDSketch {
  readonly relativeAccuracy: number;
  readonly maxBuckets: number;
  /** @internal */
  readonly positive: BucketStore;
  /** @internal */
  readonly negative: BucketStore;
  private readonly multiplier: number;
  private readonly lnGamma: number;
  private zero = 0;
  private total = 0;
  private totalSum = 0;
  private low = Infinity;
  private high = -Infinity;
  private fractional = false;

  constructor(options: DDSketchOptions = {}) {
    const alpha = options.relativeAccuracy ?? DEFAULT_RELATIVE_ACCURACY;
    const maxBuckets = options.maxBuckets ?? DEFAULT_MAX_BUCKETS;
    if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) {
      throw new MonitorError(
        'INVALID_OPTIONS',
        `DDSketch: relativeAccuracy must be a number in (0, 1), got ${String(alpha)}`,
      );
    }
    if (!Number.isInteger(maxBuckets) || maxBuckets < 16 || maxBuckets > 65536) {
      throw new MonitorError(
        'INVALID_OPTIONS',
        `DDSketch: maxBuckets must be an integer from 16 to 65536, got ${String(maxBuckets)}`,
      );
    }
    this.relativeAccuracy = alpha;
    this.maxBuckets = maxBuckets;
    this.lnGamma = Math.log((1 + alpha) / (1 - alpha));
    this.multiplier = 1 / this.lnGamma;
    this.positive = new BucketStore(maxBuckets);
    this.negative = new BucketStore(maxBuckets);
  }

  /** Total weight added (the number of samples when every weight is 1). Exact. */
  get count(): number {
    return this.total;
  }

  /** Exact weighted sum of the values. */
  get sum(): number {
    return this.totalSum;
  }

  /** Exact smallest value, or null when empty. */
  get min(): number | null {
    return this.total === 0 ? null : this.low;
  }

  /** Exact largest value, or null when empty. */
  get max(): number | null {
    return this.total === 0 ? null : this.high;
  }

  /** Weight of values counted as zero. */
  get zeroCount(): number {
    return this.zero;
  }

  /** Whether lowest-magnitude buckets were collapsed to stay within `maxBuckets`. */
  get collapsed(): boolean {
    return this.positive.collapsed || this.negative.collapsed;
  }

  /**
   * Adds `value` with `weight` (default 1). Returns false, and changes nothing, when the value is
   * not a finite number or the weight is not a finite positive number.
   */
  add(value: number, weight = 1): boolean {
    if (typeof value !== 'number' || value - value !== 0 || !(weight > 0) || weight === Infinity) {
      return false;
    }
    let normalized = value;
    if (value > MIN_INDEXABLE_VALUE) {
      this.positive.add(Math.ceil(Math.log(value) * this.multiplier), weight);
    } else if (value < -MIN_INDEXABLE_VALUE) {
      this.negative.add(Math.ceil(Math.log(-value) * this.multiplier), weight);
    } else {
      this.zero += weight;
      normalized = 0; // so that -0 never becomes the min
    }
    if (weight !== 1 && !this.fractional && !Number.isInteger(weight)) this.fractional = true;
    this.total += weight;
    this.totalSum += normalized * weight;
    if (normalized < this.low) this.low = normalized;
    if (normalized > this.high) this.high = normalized;
    return true;
  }

  /**
   * Adds every sample of `other` into this sketch. Both must use the same relative accuracy
   * (otherwise `SKETCH_MISMATCH` is thrown). Returns this sketch.
   */
  merge(other: DDSketch): this {
    if (other.relativeAccuracy !== this.relativeAccuracy) {
      throw new MonitorError(
        'SKETCH_MISMATCH',
        `cannot merge a sketch with relative accuracy ${other.relativeAccuracy} into one with ${this.relativeAccuracy}`,
      );
    }
    if (other.total === 0) return this;
    this.mergeBuckets(other);
    this.addSummary(other.total, other.totalSum, other.low, other.high);
    return this;
  }

  /** @internal Adds the buckets (not count/sum/min/max) of a sketch with the same accuracy. */
  mergeBuckets(other: DDSketch): void {
    this.positive.merge(other.positive);
    this.negative.merge(other.negative);
    this.zero += other.zero;
    if (other.fractional) this.fractional = true;
  }

  /**
   * The value at quantile `q` in [0, 1]: the estimate of the sample of rank `q·(count−1)` (0-based,
   * in ascending order), within α relative error, clamped to [min, max]. Null when empty.
   */
  quantile(q: number): number | null {
    if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
      throw new MonitorError('INVALID_QUERY', `quantile must be within [0, 1], got ${String(q)}`);
    }
    if (this.total === 0) return null;
    const rank = q * (this.total - 1);
    let cumulative = 0;
    const negative = this.negative.counts;
    for (let i = this.negative.highestPosition(); i >= 0; i--) {
      cumulative += negative[i]!;
      if (cumulative > rank) return this.clamp(-this.valueOf(this.negative.offset + i));
    }
    cumulative += this.zero;
    if (cumulative > rank) return this.clamp(0);
    const positive = this.positive.counts;
    const highest = this.positive.highestPosition();
    for (let i = Math.max(0, this.positive.lowestPosition()); i <= highest; i++) {
      cumulative += positive[i]!;
      if (cumulative > rank) return this.clamp(this.valueOf(this.positive.offset + i));
    }
    return this.high; // only reachable through floating-point rounding of fractional weights
  }

  /**
   * Several quantiles in one pass over the buckets; `qs` must be ascending (each in [0, 1]).
   * Writes into `out` (null entries when empty) and returns it.
   */
  quantilesInto(qs: readonly number[], out: (number | null)[]): (number | null)[] {
    out.length = qs.length;
    if (this.total === 0) return out.fill(null);
    let next = 0;
    let rank = this.rankOf(qs, 0);
    let cumulative = 0;
    const negative = this.negative.counts;
    for (let i = this.negative.highestPosition(); i >= 0 && next < qs.length; i--) {
      cumulative += negative[i]!;
      while (next < qs.length && cumulative > rank) {
        out[next++] = this.clamp(-this.valueOf(this.negative.offset + i));
        rank = this.rankOf(qs, next);
      }
    }
    cumulative += this.zero;
    while (next < qs.length && cumulative > rank) {
      out[next++] = this.clamp(0);
      rank = this.rankOf(qs, next);
    }
    const positive = this.positive.counts;
    const highest = this.positive.highestPosition();
    for (
      let i = Math.max(0, this.positive.lowestPosition());
      i <= highest && next < qs.length;
      i++
    ) {
      cumulative += positive[i]!;
      while (next < qs.length && cumulative > rank) {
        out[next++] = this.clamp(this.valueOf(this.positive.offset + i));
        rank = this.rankOf(qs, next);
      }
    }
    while (next < qs.length) out[next++] = this.high;
    return out;
  }

  /** An independent copy. */
  clone(): DDSketch {
    const copy = new DDSketch({
      relativeAccuracy: this.relativeAccuracy,
      maxBuckets: this.maxBuckets,
    });
    copy.merge(this);
    copy.positive.collapsed = this.positive.collapsed;
    copy.negative.collapsed = this.negative.collapsed;
    return copy;
  }

  /** Empties the sketch, keeping its allocated buckets for reuse. */
  clear(): void {
    this.positive.clear();
    this.negative.clear();
    this.zero = 0;
    this.total = 0;
    this.totalSum = 0;
    this.low = Infinity;
    this.high = -Infinity;
    this.fractional = false;
  }

  /** Sparse, readable form; `DDSketch.fromJSON` restores it exactly. */
  toJSON(): DDSketchJSON {
    const json: DDSketchJSON = {
      relativeAccuracy: this.relativeAccuracy,
      count: this.total,
      sum: this.totalSum,
      min: this.min,
      max: this.max,
      zeroCount: this.zero,
      positive: sparseBuckets(this.positive),
      negative: sparseBuckets(this.negative),
    };
    if (this.collapsed) json.collapsed = true;
    return json;
  }

  /** Rebuilds a sketch from {@link DDSketch.toJSON}; throws `INVALID_SKETCH` on bad input. */
  static fromJSON(json: DDSketchJSON, options: Pick<DDSketchOptions, 'maxBuckets'> = {}): DDSketch {
    if (typeof (json as unknown) !== 'object' || (json as unknown) === null) {
      throw invalidSketch('sketch JSON must be an object');
    }
    const sketch = createFor(json.relativeAccuracy, options.maxBuckets);
    if (json.zeroCount !== 0 && !isPositiveWeight(json.zeroCount)) {
      throw invalidSketch('bad zeroCount');
    }
    sketch.zero = json.zeroCount;
    const weight =
      addJsonBuckets(json.positive, sketch.positive) +
      addJsonBuckets(json.negative, sketch.negative);
    sketch.fractional = hasFractionalJsonWeights(json);
    sketch.restoreSummary(
      json.count,
      json.sum,
      json.min ?? Infinity,
      json.max ?? -Infinity,
      weight,
    );
    if (json.collapsed === true) sketch.positive.collapsed = true;
    return sketch;
  }

  /** Compact base64url string of the sparse buckets plus count, sum, min and max. */
  serialize(): string {
    const { relativeAccuracy, total, totalSum, low, high } = this;
    const writer = beginSerializedSketch(relativeAccuracy, total, totalSum, low, high);
    this.encodeBuckets(writer);
    return finishSerializedSketch(writer);
  }

  /** Rebuilds a sketch from {@link DDSketch.serialize} exactly; throws `INVALID_SKETCH`. */
  static deserialize(text: string, options: Pick<DDSketchOptions, 'maxBuckets'> = {}): DDSketch {
    const parsed = parseSerializedSketch(text);
    const sketch = createFor(parsed.relativeAccuracy, options.maxBuckets);
    sketch.addEncodedBuckets(parsed.bytes, parsed.bucketsBegin, parsed.bytes.length);
    const weight = sketch.bucketWeight();
    sketch.restoreSummary(parsed.count, parsed.sum, parsed.min, parsed.max, weight);
    return sketch;
  }

  /** @internal Merges count/sum/min/max of samples whose buckets are added separately. */
  addSummary(count: number, sum: number, min: number, max: number): void {
    this.total += count;
    this.totalSum += sum;
    if (min < this.low) this.low = min;
    if (max > this.high) this.high = max;
  }

  /** @internal Appends the bucket section (no summary) to `writer`, in `codec`'s form. */
  encodeBuckets(writer: ByteWriter, codec: BucketCodec = SERIALIZED_BUCKETS): void {
    codec.encode(writer, this.zero, this.fractional, this.positive, this.negative);
  }

  /** @internal Adds buckets encoded by {@link DDSketch.encodeBuckets} (the summary is untouched). */
  addEncodedBuckets(bytes: Uint8Array, begin: number, end: number, codec = SERIALIZED_BUCKETS) {
    if (codec.hasFractionalWeights(bytes, begin)) this.fractional = true;
    this.zero += codec.decode(bytes, begin, end, this.positive, this.negative);
  }

  private restoreSummary(count: unknown, sum: unknown, min: unknown, max: unknown, weight: number) {
    const finite = (value: unknown): value is number =>
      typeof value === 'number' && Number.isFinite(value);
    if (typeof count !== 'number' || !(count >= 0) || count === Infinity) {
      throw invalidSketch('sketch count must be a finite number >= 0');
    }
    if (Math.abs(weight + this.zero - count) > 1e-9 * Math.max(1, count)) {
      throw invalidSketch(
        `sketch bucket weights (${weight + this.zero}) do not add up to its count (${count})`,
      );
    }
    if (count === 0) return;
    if (!finite(sum) || !finite(min) || !finite(max) || min > max) {
      throw invalidSketch('sketch sum/min/max must be finite numbers with min <= max');
    }
    this.total = count;
    this.totalSum = sum;
    this.low = min;
    this.high = max;
  }

  private bucketWeight(): number {
    let weight = 0;
    for (const store of [this.positive, this.negative]) {
      for (const bucketWeight of store.counts) weight += bucketWeight;
    }
    return weight;
  }

  private rankOf(qs: readonly number[], position: number): number {
    if (position >= qs.length) return Infinity;
    const q = qs[position]!;
    if (!(q >= 0 && q <= 1) || (position > 0 && q < qs[position - 1]!)) {
      throw new MonitorError('INVALID_QUERY', `quantiles must be ascending within [0, 1]`);
    }
    return q * (this.total - 1);
  }

  private valueOf(index: number): number {
    return Math.exp(index * this.lnGamma) * (1 - this.relativeAccuracy);
  }

  private clamp(value: number): number {
    return value < this.low ? this.low : value > this.high ? this.high : value;
  }
}

function createFor(relativeAccuracy: unknown, maxBuckets: number | undefined): DDSketch {
  if (typeof relativeAccuracy !== 'number' || !(relativeAccuracy > 0 && relativeAccuracy < 1)) {
    throw invalidSketch('sketch relativeAccuracy must be a number in (0, 1)');
  }
  return new DDSketch({ relativeAccuracy, maxBuckets: maxBuckets ?? DEFAULT_MAX_BUCKETS });
}
