import { BucketStore } from './bucket-store.ts';
import { ByteReader, ByteWriter, decodeBase64Url, encodeBase64Url } from './byte-codec.ts';
import { MonitorError } from './monitor-error.ts';

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

const FORMAT_VERSION = 1;
const FLAG_FRACTIONAL = 1;
const FLAG_POSITIVE_COLLAPSED = 2;
const FLAG_NEGATIVE_COLLAPSED = 4;
const MAX_ENCODED_BUCKETS = 1 << 20;

const sharedReader = new ByteReader();
const sharedWriter = new ByteWriter(1024);

const invalid = (message: string): MonitorError => new MonitorError('INVALID_SKETCH', message);

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
      throw invalid('sketch JSON must be an object');
    }
    const sketch = createFor(json.relativeAccuracy, options.maxBuckets);
    const weigh = (buckets: unknown, store: BucketStore): number => {
      if (!Array.isArray(buckets)) throw invalid('sketch JSON buckets must be arrays');
      let weight = 0;
      for (const bucket of buckets as unknown[]) {
        if (!Array.isArray(bucket) || bucket.length !== 2)
          throw invalid('bad bucket in sketch JSON');
        const [index, bucketWeight] = bucket as unknown[];
        if (!Number.isInteger(index) || !isPositiveWeight(bucketWeight)) {
          throw invalid('bad bucket in sketch JSON');
        }
        store.add(index as number, bucketWeight);
        weight += bucketWeight;
      }
      return weight;
    };
    if (json.zeroCount !== 0 && !isPositiveWeight(json.zeroCount)) throw invalid('bad zeroCount');
    sketch.zero = json.zeroCount;
    const weight = weigh(json.positive, sketch.positive) + weigh(json.negative, sketch.negative);
    const integral = (buckets: [number, number][]) => buckets.every(([, w]) => Number.isInteger(w));
    sketch.fractional =
      !Number.isInteger(json.zeroCount) || !integral(json.positive) || !integral(json.negative);
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
    const writer = sharedWriter;
    writer.reset();
    writeHeader(writer, this.relativeAccuracy, this.total, this.totalSum, this.low, this.high);
    this.encodeBuckets(writer);
    return encodeBase64Url(writer.bytes, 0, writer.length);
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

  /** @internal Appends the bucket encoding (no summary) to `writer`. */
  encodeBuckets(writer: ByteWriter): void {
    let flags = this.fractional ? FLAG_FRACTIONAL : 0;
    if (this.positive.collapsed) flags |= FLAG_POSITIVE_COLLAPSED;
    if (this.negative.collapsed) flags |= FLAG_NEGATIVE_COLLAPSED;
    writer.writeByte(flags);
    writeWeight(writer, this.zero, this.fractional);
    encodeStore(writer, this.positive, this.fractional);
    encodeStore(writer, this.negative, this.fractional);
  }

  /** @internal Adds buckets encoded by {@link DDSketch.encodeBuckets} (the summary is untouched). */
  addEncodedBuckets(bytes: Uint8Array, begin: number, end: number): void {
    const reader = sharedReader.reset(bytes, begin, end);
    const flags = reader.readByte();
    const fractional = (flags & FLAG_FRACTIONAL) !== 0;
    if (fractional) this.fractional = true;
    this.zero += readWeight(reader, fractional, true);
    decodeStore(reader, this.positive, fractional);
    decodeStore(reader, this.negative, fractional);
    if ((flags & FLAG_POSITIVE_COLLAPSED) !== 0) this.positive.collapsed = true;
    if ((flags & FLAG_NEGATIVE_COLLAPSED) !== 0) this.negative.collapsed = true;
    if (!reader.done) throw invalid('trailing bytes after sketch buckets');
  }

  private restoreSummary(count: unknown, sum: unknown, min: unknown, max: unknown, weight: number) {
    const finite = (value: unknown): value is number =>
      typeof value === 'number' && Number.isFinite(value);
    if (typeof count !== 'number' || !(count >= 0) || count === Infinity) {
      throw invalid('sketch count must be a finite number >= 0');
    }
    if (Math.abs(weight + this.zero - count) > 1e-9 * Math.max(1, count)) {
      throw invalid(
        `sketch bucket weights (${weight + this.zero}) do not add up to its count (${count})`,
      );
    }
    if (count === 0) return;
    if (!finite(sum) || !finite(min) || !finite(max) || min > max) {
      throw invalid('sketch sum/min/max must be finite numbers with min <= max');
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

/** The parts of a serialised sketch, without decoding its buckets. @internal */
export interface SerializedSketchParts {
  relativeAccuracy: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  bytes: Uint8Array;
  bucketsBegin: number;
}

/** @internal Reads the header of a {@link DDSketch.serialize} string. */
export function parseSerializedSketch(text: string): SerializedSketchParts {
  if (typeof text !== 'string') throw invalid('serialised sketch must be a string');
  const bytes = decodeBase64Url(text);
  const reader = sharedReader.reset(bytes, 0, bytes.length);
  const version = reader.readByte();
  if (version !== FORMAT_VERSION) throw invalid(`unsupported sketch format version ${version}`);
  const relativeAccuracy = reader.readFloat64();
  const count = reader.readFloat64();
  const sum = reader.readFloat64();
  const min = reader.readFloat64();
  const max = reader.readFloat64();
  return { relativeAccuracy, count, sum, min, max, bytes, bucketsBegin: reader.position };
}

/** @internal Serialises a summary plus already encoded buckets, as {@link DDSketch.serialize} does. */
export function serializeSketchParts(
  relativeAccuracy: number,
  count: number,
  sum: number,
  min: number,
  max: number,
  buckets: Uint8Array,
  begin: number,
  end: number,
): string {
  const writer = sharedWriter;
  writer.reset();
  writeHeader(writer, relativeAccuracy, count, sum, min, max);
  writer.writeBytes(buckets, begin, end);
  return encodeBase64Url(writer.bytes, 0, writer.length);
}

function createFor(relativeAccuracy: unknown, maxBuckets: number | undefined): DDSketch {
  if (typeof relativeAccuracy !== 'number' || !(relativeAccuracy > 0 && relativeAccuracy < 1)) {
    throw invalid('sketch relativeAccuracy must be a number in (0, 1)');
  }
  return new DDSketch({ relativeAccuracy, maxBuckets: maxBuckets ?? DEFAULT_MAX_BUCKETS });
}

function writeHeader(
  writer: ByteWriter,
  relativeAccuracy: number,
  count: number,
  sum: number,
  min: number,
  max: number,
): void {
  writer.writeByte(FORMAT_VERSION);
  writer.writeFloat64(relativeAccuracy);
  writer.writeFloat64(count);
  writer.writeFloat64(sum);
  writer.writeFloat64(min);
  writer.writeFloat64(max);
}

function isPositiveWeight(value: unknown): value is number {
  return typeof value === 'number' && value > 0 && value !== Infinity;
}

function writeWeight(writer: ByteWriter, weight: number, fractional: boolean): void {
  if (fractional) writer.writeFloat64(weight);
  else writer.writeVarUint(weight);
}

function readWeight(reader: ByteReader, fractional: boolean, allowZero: boolean): number {
  const weight = fractional ? reader.readFloat64() : reader.readVarUint();
  if (!(weight > 0 || (allowZero && weight === 0)) || weight === Infinity) {
    throw invalid('sketch bucket weights must be finite and positive');
  }
  return weight;
}

/**
 * Store encoding: bucket count n; if n > 0: lowest index (zig-zag), span, the first weight, then
 * per further bucket the gap to the previous one and its weight: one byte `gap << 4 | weight` when
 * both fit in 4 bits (integer weights), else `0, gap, weight` as varints (`gap, float64` when weights
 * are fractional).
 */
function encodeStore(writer: ByteWriter, store: BucketStore, fractional: boolean): void {
  const lowest = store.lowestPosition();
  if (lowest < 0) {
    writer.writeVarUint(0);
    return;
  }
  const highest = store.highestPosition();
  const counts = store.counts;
  let buckets = 0;
  for (let i = lowest; i <= highest; i++) if (counts[i] !== 0) buckets++;
  writer.writeVarUint(buckets);
  writer.writeVarInt(store.offset + lowest);
  writer.writeVarUint(highest - lowest);
  writeWeight(writer, counts[lowest]!, fractional);
  let previous = lowest;
  for (let i = lowest + 1; i <= highest; i++) {
    const weight = counts[i]!;
    if (weight === 0) continue;
    const gap = i - previous;
    previous = i;
    if (fractional) {
      writer.writeVarUint(gap);
      writer.writeFloat64(weight);
    } else if (gap <= 15 && weight <= 15) {
      writer.writeByte((gap << 4) | weight); // the common case: one byte per bucket
    } else {
      writer.writeByte(0);
      writer.writeVarUint(gap);
      writer.writeVarUint(weight);
    }
  }
}

function decodeStore(reader: ByteReader, store: BucketStore, fractional: boolean): void {
  const buckets = reader.readVarUint();
  if (buckets === 0) return;
  if (buckets > MAX_ENCODED_BUCKETS) throw invalid('too many buckets in serialised sketch');
  let index = reader.readVarInt();
  const span = reader.readVarUint();
  if (span + 1 < buckets || span > MAX_ENCODED_BUCKETS) throw invalid('bad bucket span');
  store.reserve(index, index + span);
  store.add(index, readWeight(reader, fractional, false));
  for (let k = 1; k < buckets; k++) {
    let gap: number;
    let weight: number;
    const packed = fractional ? -1 : reader.readByte();
    if (packed > 0) {
      gap = packed >>> 4;
      weight = packed & 15;
    } else {
      gap = reader.readVarUint();
      weight = readWeight(reader, fractional, false);
    }
    if (gap < 1 || weight === 0) throw invalid('bucket indices must increase');
    index += gap;
    store.add(index, weight);
  }
}

function sparseBuckets(store: BucketStore): [number, number][] {
  const buckets: [number, number][] = [];
  const counts = store.counts;
  for (let i = 0; i < counts.length; i++) {
    const weight = counts[i]!;
    if (weight !== 0) buckets.push([store.offset + i, weight]);
  }
  return buckets;
}
