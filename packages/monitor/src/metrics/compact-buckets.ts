import type { BucketStore } from './bucket-store.ts';
import type { ByteWriter } from './byte-codec.ts';
import {
  SERIALIZED_BUCKETS,
  decodeSketchBuckets,
  encodeSketchBuckets,
  invalidSketch,
} from './sketch-encoding.ts';
import type { BucketCodec } from './sketch-encoding.ts';

// The bucket section of a closed rollup in memory (never persisted: drained records carry the
// `DDSketch.serialize` form). Sparse buckets as Rice codes in a bit stream:
//   flags byte, [zero weight varint], then per non-empty store (positive, then negative):
//   buckets − 1 (varint), lowest index (zig-zag varint), a parameter byte `kGap << 4 | kWeight`,
//   then bits: the gap − 1 to each next bucket (left out when every gap is 1) and every weight − 1,
//   each as a Rice code with the store's parameter, the stream padded to a whole byte.
// Parameters are chosen per store for the fewest bits, so a sparse minute (6 samples over ~150
// buckets) and a dense hour (hundreds of samples, gaps of 1) both come out small. Fractional weights
// (weighted merges) fall back to the serialised section behind a marker byte.

const FALLBACK = 1;
const POSITIVE_COLLAPSED = 2;
const NEGATIVE_COLLAPSED = 4;
const HAS_ZERO = 8;
const HAS_POSITIVE = 16;
const HAS_NEGATIVE = 32;
const POSITIVE_DENSE = 64;
const NEGATIVE_DENSE = 128;
const MAX_PARAMETER = 15;
/** Quotients from here on are escaped: the unary run stops and the value follows in full. */
const ESCAPE = 24;
const MAX_BUCKETS = 1 << 20;

/** Bits of the Rice code of `value` with parameter `k`. */
function riceBits(value: number, k: number): number {
  const quotient = Math.floor(value / 2 ** k);
  return quotient < ESCAPE ? quotient + 1 + k : ESCAPE + 6 + bitLength(value);
}

function bitLength(value: number): number {
  return value === 0 ? 0 : Math.floor(Math.log2(value)) + 1;
}

/** Writes bits most significant first into a {@link ByteWriter}. */
class BitWriter {
  private writer!: ByteWriter;
  private pending = 0;
  private bits = 0;

  begin(writer: ByteWriter): void {
    this.writer = writer;
    this.pending = 0;
    this.bits = 0;
  }

  /** Writes the low `count` (at most 53) bits of `value`. */
  write(value: number, count: number): void {
    let left = count;
    while (left > 16) {
      left -= 16;
      this.push(Math.floor(value / 2 ** left) % 65536, 16);
    }
    this.push(value % 2 ** left, left);
  }

  rice(value: number, k: number): void {
    const quotient = Math.floor(value / 2 ** k);
    if (quotient >= ESCAPE) {
      this.ones(ESCAPE);
      const length = bitLength(value);
      this.push(length, 6);
      this.write(value, length);
      return;
    }
    this.ones(quotient);
    this.push(0, 1);
    this.write(value, k);
  }

  /** Pads the last byte with zeros. */
  finish(): void {
    if (this.bits > 0) this.writer.writeByte((this.pending << (8 - this.bits)) & 0xff);
    this.bits = 0;
    this.pending = 0;
  }

  private ones(count: number): void {
    for (let left = count; left > 0; left -= 16) {
      const run = Math.min(16, left);
      this.push((1 << run) - 1, run);
    }
  }

  private push(value: number, count: number): void {
    this.pending = (this.pending << count) | value;
    this.bits += count;
    while (this.bits >= 8) {
      this.bits -= 8;
      this.writer.writeByte((this.pending >>> this.bits) & 0xff);
    }
    this.pending &= (1 << this.bits) - 1;
  }
}

/** Reads what {@link BitWriter} wrote; throws `INVALID_SKETCH` past the end. */
class BitReader {
  bytes: Uint8Array = new Uint8Array(0);
  position = 0;
  end = 0;
  private current = 0;
  private bits = 0;

  begin(bytes: Uint8Array, position: number, end: number): void {
    this.bytes = bytes;
    this.position = position;
    this.end = end;
    this.bits = 0;
  }

  readVarUint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      if (this.position >= this.end || scale > 2 ** 49) throw truncated();
      const byte = this.bytes[this.position++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 0x80;
    }
  }

  readByte(): number {
    if (this.position >= this.end) throw truncated();
    return this.bytes[this.position++]!;
  }

  /** Reads `count` (at most 53) bits, several at a time. */
  read(count: number): number {
    let value = 0;
    let left = count;
    while (left > 0) {
      if (this.bits === 0) this.refill();
      const take = left < this.bits ? left : this.bits;
      this.bits -= take;
      value = value * (1 << take) + ((this.current >>> this.bits) & ((1 << take) - 1));
      left -= take;
    }
    return value;
  }

  rice(k: number): number {
    let quotient = 0;
    for (;;) {
      if (this.bits === 0) this.refill();
      const zeros = ~this.current & ((1 << this.bits) - 1); // the unread bits that are 0
      // Ones before the next 0 (all unread bits when there is none), at most up to the escape.
      const run = zeros === 0 ? this.bits : this.bits - 32 + Math.clz32(zeros);
      if (quotient + run >= ESCAPE) {
        this.bits -= ESCAPE - quotient;
        return this.read(this.read(6));
      }
      quotient += run;
      if (zeros !== 0) {
        this.bits -= run + 1; // the ones and their terminating 0
        return quotient * 2 ** k + this.read(k);
      }
      this.bits = 0;
    }
  }

  /** Skips the padding of the last byte read. */
  align(): void {
    this.bits = 0;
  }

  private refill(): void {
    this.current = this.readByte();
    this.bits = 8;
  }
}

const bitWriter = new BitWriter();
const bitReader = new BitReader();
/** Gaps and weights of the store being encoded, reused. */
let gaps = new Float64Array(256);
let weights = new Float64Array(256);

/** The parameter in [0, 15] giving the fewest bits for `values[0, length)`. */
function bestParameter(values: Float64Array, length: number): number {
  let best = 0;
  let bestBits = Infinity;
  for (let k = 0; k <= MAX_PARAMETER; k++) {
    let bits = 0;
    for (let i = 0; i < length; i++) bits += riceBits(values[i]!, k);
    if (bits < bestBits) {
      bestBits = bits;
      best = k;
    }
    if (bits > bestBits) break; // the cost is convex in k
  }
  return best;
}

/** Collects the gaps − 1 and weights − 1 of a store's buckets into `gaps` and `weights`. */
function collect(store: BucketStore): void {
  const lowest = store.lowestPosition();
  const highest = store.highestPosition();
  if (highest - lowest + 1 > weights.length) {
    gaps = new Float64Array(highest - lowest + 1);
    weights = new Float64Array(highest - lowest + 1);
  }
  const counts = store.counts;
  let buckets = 0;
  let previous = lowest;
  for (let i = lowest; i <= highest; i++) {
    const weight = counts[i]!;
    if (weight === 0) continue;
    if (buckets > 0) gaps[buckets - 1] = i - previous - 1;
    weights[buckets++] = weight - 1;
    previous = i;
  }
}

function encodeStore(
  writer: ByteWriter,
  store: BucketStore,
  buckets: number,
  dense: boolean,
): void {
  writer.writeVarUint(buckets - 1);
  writer.writeVarInt(store.offset + store.lowestPosition());
  const kGap = dense ? 0 : bestParameter(gaps, buckets - 1);
  const kWeight = bestParameter(weights, buckets);
  writer.writeByte((kGap << 4) | kWeight);
  bitWriter.begin(writer);
  if (!dense) for (let i = 0; i < buckets - 1; i++) bitWriter.rice(gaps[i]!, kGap);
  for (let i = 0; i < buckets; i++) bitWriter.rice(weights[i]!, kWeight);
  bitWriter.finish();
}

function isEmpty(store: BucketStore): boolean {
  return store.lowestPosition() < 0;
}

function encode(
  writer: ByteWriter,
  zero: number,
  fractional: boolean,
  positive: BucketStore,
  negative: BucketStore,
): void {
  if (fractional) {
    writer.writeByte(FALLBACK);
    encodeSketchBuckets(writer, zero, fractional, positive, negative);
    return;
  }
  let flags = 0;
  if (positive.collapsed) flags |= POSITIVE_COLLAPSED;
  if (negative.collapsed) flags |= NEGATIVE_COLLAPSED;
  if (zero > 0) flags |= HAS_ZERO;
  const positiveBuckets = isEmpty(positive) ? 0 : countBuckets(positive);
  const negativeBuckets = isEmpty(negative) ? 0 : countBuckets(negative);
  if (positiveBuckets > 1 && isDense(positive, positiveBuckets)) flags |= POSITIVE_DENSE;
  if (negativeBuckets > 1 && isDense(negative, negativeBuckets)) flags |= NEGATIVE_DENSE;
  if (positiveBuckets > 0) flags |= HAS_POSITIVE;
  if (negativeBuckets > 0) flags |= HAS_NEGATIVE;
  writer.writeByte(flags);
  if (zero > 0) writer.writeVarUint(zero);
  if (positiveBuckets > 0) {
    collect(positive);
    encodeStore(writer, positive, positiveBuckets, (flags & POSITIVE_DENSE) !== 0);
  }
  if (negativeBuckets > 0) {
    collect(negative);
    encodeStore(writer, negative, negativeBuckets, (flags & NEGATIVE_DENSE) !== 0);
  }
}

/** Whether every bucket between the lowest and the highest holds weight. */
function isDense(store: BucketStore, buckets: number): boolean {
  return store.highestPosition() - store.lowestPosition() + 1 === buckets;
}

function countBuckets(store: BucketStore): number {
  const counts = store.counts;
  let buckets = 0;
  for (let i = store.lowestPosition(); i <= store.highestPosition(); i++) {
    if (counts[i] !== 0) buckets++;
  }
  return buckets;
}

function decodeStore(store: BucketStore, dense: boolean): void {
  const reader = bitReader;
  const buckets = reader.readVarUint() + 1;
  if (buckets > MAX_BUCKETS) throw invalidSketch('too many buckets in a rollup sketch');
  const zigzag = reader.readVarUint();
  let index = zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
  const parameters = reader.readByte();
  const kGap = parameters >>> 4;
  const kWeight = parameters & 15;
  // Gaps come first in the stream, so the indices are rebuilt before the weights are read.
  const indices = buckets > gaps.length ? new Float64Array(buckets) : gaps;
  indices[0] = index;
  for (let i = 1; i < buckets; i++) {
    index += dense ? 1 : reader.rice(kGap) + 1;
    indices[i] = index;
  }
  store.reserve(indices[0], index);
  for (let i = 0; i < buckets; i++) store.add(indices[i]!, reader.rice(kWeight) + 1);
  reader.align();
}

function decode(
  bytes: Uint8Array,
  begin: number,
  end: number,
  positive: BucketStore,
  negative: BucketStore,
): number {
  const flags = bytes[begin] ?? 0;
  if (flags === FALLBACK) return decodeSketchBuckets(bytes, begin + 1, end, positive, negative);
  const reader = bitReader;
  reader.begin(bytes, begin + 1, end);
  const zero = (flags & HAS_ZERO) !== 0 ? reader.readVarUint() : 0;
  if ((flags & HAS_POSITIVE) !== 0) decodeStore(positive, (flags & POSITIVE_DENSE) !== 0);
  if ((flags & HAS_NEGATIVE) !== 0) decodeStore(negative, (flags & NEGATIVE_DENSE) !== 0);
  if ((flags & POSITIVE_COLLAPSED) !== 0) positive.collapsed = true;
  if ((flags & NEGATIVE_COLLAPSED) !== 0) negative.collapsed = true;
  if (reader.position !== end) throw invalidSketch('trailing bytes after rollup sketch buckets');
  return zero;
}

function truncated() {
  return invalidSketch('rollup sketch buckets are truncated');
}

/**
 * @internal The codec of the sketch buckets of closed rollups held in memory: about half the size
 * of {@link SERIALIZED_BUCKETS}, into which drained records are transcoded.
 */
export const COMPACT_BUCKETS: BucketCodec = {
  encode,
  decode,
  hasFractionalWeights: (bytes, begin) =>
    bytes[begin] === FALLBACK && SERIALIZED_BUCKETS.hasFractionalWeights(bytes, begin + 1),
};
