import type { BucketStore } from './bucket-store.ts';
import { ByteReader, ByteWriter, decodeBase64Url, encodeBase64Url } from './byte-codec.ts';
import { MonitorError } from './monitor-error.ts';

// The binary form of a DDSketch (`DDSketch.serialize`): a header (version, relative accuracy,
// count, sum, min, max as float64) followed by the bucket section that rollups also store alone
// (flags, zero weight, then the positive and the negative store).

const FORMAT_VERSION = 1;
const FLAG_FRACTIONAL = 1;
const FLAG_POSITIVE_COLLAPSED = 2;
const FLAG_NEGATIVE_COLLAPSED = 4;
const MAX_ENCODED_BUCKETS = 1 << 20;

const sharedReader = new ByteReader();
const sharedWriter = new ByteWriter(1024);

/** @internal A binary form of a sketch's bucket section (its bins, without the summary). */
export interface BucketCodec {
  /** Appends the section of these bins to `writer`. */
  encode(
    writer: ByteWriter,
    zero: number,
    fractional: boolean,
    positive: BucketStore,
    negative: BucketStore,
  ): void;
  /** Adds the section in `bytes[begin, end)` to the stores; returns its zero weight. */
  decode(
    bytes: Uint8Array,
    begin: number,
    end: number,
    positive: BucketStore,
    negative: BucketStore,
  ): number;
  /** Whether the section starting at `begin` holds fractional weights. */
  hasFractionalWeights(bytes: Uint8Array, begin: number): boolean;
}

/** @internal The `INVALID_SKETCH` error of a malformed serialised sketch. */
export const invalidSketch = (message: string): MonitorError =>
  new MonitorError('INVALID_SKETCH', message);

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

/** @internal Reads the header of a `DDSketch.serialize` string. */
export function parseSerializedSketch(text: string): SerializedSketchParts {
  if (typeof text !== 'string') throw invalidSketch('serialised sketch must be a string');
  const bytes = decodeBase64Url(text);
  const reader = sharedReader.reset(bytes, 0, bytes.length);
  const version = reader.readByte();
  if (version !== FORMAT_VERSION)
    throw invalidSketch(`unsupported sketch format version ${version}`);
  const relativeAccuracy = reader.readFloat64();
  const count = reader.readFloat64();
  const sum = reader.readFloat64();
  const min = reader.readFloat64();
  const max = reader.readFloat64();
  return { relativeAccuracy, count, sum, min, max, bytes, bucketsBegin: reader.position };
}

/** @internal Serialises a summary plus already encoded buckets, as `DDSketch.serialize` does. */
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
  const writer = beginSerializedSketch(relativeAccuracy, count, sum, min, max);
  writer.writeBytes(buckets, begin, end);
  return finishSerializedSketch(writer);
}

/**
 * @internal Starts a serialised sketch in the shared writer with its header; the caller appends
 * the bucket section and passes the writer to {@link finishSerializedSketch}.
 */
export function beginSerializedSketch(
  relativeAccuracy: number,
  count: number,
  sum: number,
  min: number,
  max: number,
): ByteWriter {
  const writer = sharedWriter;
  writer.reset();
  writeHeader(writer, relativeAccuracy, count, sum, min, max);
  return writer;
}

/** @internal The base64url string of what `writer` holds. */
export function finishSerializedSketch(writer: ByteWriter): string {
  return encodeBase64Url(writer.bytes, 0, writer.length);
}

/** @internal Appends the bucket section (no summary) of a sketch's bins to `writer`. */
export function encodeSketchBuckets(
  writer: ByteWriter,
  zero: number,
  fractional: boolean,
  positive: BucketStore,
  negative: BucketStore,
): void {
  let flags = fractional ? FLAG_FRACTIONAL : 0;
  if (positive.collapsed) flags |= FLAG_POSITIVE_COLLAPSED;
  if (negative.collapsed) flags |= FLAG_NEGATIVE_COLLAPSED;
  writer.writeByte(flags);
  writeWeight(writer, zero, fractional);
  encodeStore(writer, positive, fractional);
  encodeStore(writer, negative, fractional);
}

/** @internal Whether the bucket section starting at `begin` holds fractional weights. */
export function hasFractionalEncodedWeights(bytes: Uint8Array, begin: number): boolean {
  return ((bytes[begin] ?? 0) & FLAG_FRACTIONAL) !== 0;
}

/**
 * @internal Adds the buckets of the section in `bytes[begin, end)` to `positive` and `negative`
 * and returns its zero weight; throws `INVALID_SKETCH` for a malformed section.
 */
export function decodeSketchBuckets(
  bytes: Uint8Array,
  begin: number,
  end: number,
  positive: BucketStore,
  negative: BucketStore,
): number {
  const reader = sharedReader.reset(bytes, begin, end);
  const flags = reader.readByte();
  const fractional = (flags & FLAG_FRACTIONAL) !== 0;
  const zero = readWeight(reader, fractional, true);
  decodeStore(reader, positive, fractional);
  decodeStore(reader, negative, fractional);
  if ((flags & FLAG_POSITIVE_COLLAPSED) !== 0) positive.collapsed = true;
  if ((flags & FLAG_NEGATIVE_COLLAPSED) !== 0) negative.collapsed = true;
  if (!reader.done) throw invalidSketch('trailing bytes after sketch buckets');
  return zero;
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

function writeWeight(writer: ByteWriter, weight: number, fractional: boolean): void {
  if (fractional) writer.writeFloat64(weight);
  else writer.writeVarUint(weight);
}

function readWeight(reader: ByteReader, fractional: boolean, allowZero: boolean): number {
  const weight = fractional ? reader.readFloat64() : reader.readVarUint();
  if (!(weight > 0 || (allowZero && weight === 0)) || weight === Infinity) {
    throw invalidSketch('sketch bucket weights must be finite and positive');
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
  if (buckets > MAX_ENCODED_BUCKETS) throw invalidSketch('too many buckets in serialised sketch');
  let index = reader.readVarInt();
  const span = reader.readVarUint();
  if (span + 1 < buckets || span > MAX_ENCODED_BUCKETS) throw invalidSketch('bad bucket span');
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
    if (gap < 1 || weight === 0) throw invalidSketch('bucket indices must increase');
    index += gap;
    store.add(index, weight);
  }
}

/** @internal The bucket section of `DDSketch.serialize` (and of persisted rollup records). */
export const SERIALIZED_BUCKETS: BucketCodec = {
  encode: encodeSketchBuckets,
  decode: decodeSketchBuckets,
  hasFractionalWeights: hasFractionalEncodedWeights,
};
