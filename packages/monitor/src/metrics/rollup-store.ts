import { ByteWriter } from './byte-codec.ts';
import { COMPACT_BUCKETS } from './compact-buckets.ts';
import type { RollupLog } from './rollup-log.ts';
import type { StatsAccumulator } from './stats-accumulator.ts';
import { leadingZeroBytes, readXorFloat, writeXorFloat } from './xor-float.ts';

// Entry flags (one byte after the length prefix).
const FLOAT_COUNT = 1;
const SINGLE_VALUE = 2;
const MAX_IS_MIN = 4;
const LAST_IS_MIN = 8;
const LAST_IS_MAX = 16;
const SUM_IS_MIN_PLUS_MAX = 32;
const SUM_IS_MIN_TIMES_COUNT = 64;
const DIRTY = 128;
// Shape byte (after min, when max, last or sum is stored): leading zero bytes of each stored
// float's XOR with its predictor, two bits each, and which value predicts last.
const LAST_FROM_MAX = 64;

/** The predictor of a rollup's sum: its count times the middle of its range. */
const sumPredictor = (count: number, min: number, max: number): number => (count * (min + max)) / 2;

/** A decoded rollup; one instance is reused for every read. */
export class RollupEntry {
  count = 0;
  sum = 0;
  min = 0;
  max = 0;
  last = 0;
  /** The page holding the entry's encoded sketch buckets, in `[sketchBegin, sketchEnd)`. */
  bytes: Uint8Array = new Uint8Array(0);
  sketchBegin = 0;
  sketchEnd = 0;
}

const bodyWriter = new ByteWriter(4096);
const entryWriter = new ByteWriter(4096);
const cursor = new RollupEntry();

/**
 * Encodes a rollup: `[length][flags][count][min][shape][max][last][sum][sketch buckets]`. Floats
 * that other fields determine exactly are left out (a single sample, max = min, last = min or max,
 * sum = min + max or min × count); the others are XOR-coded against a predictor (see
 * `xor-float.ts`), so a minute of a sparse series takes a few dozen bytes.
 */
function encodeEntry(
  count: number,
  sum: number,
  min: number,
  max: number,
  last: number,
  dirty: boolean,
  sketch: Uint8Array,
  begin: number,
  end: number,
): ByteWriter {
  const body = bodyWriter;
  body.reset();
  let flags = dirty ? DIRTY : 0;
  const integral = Number.isInteger(count) && count < 2 ** 53;
  if (!integral) flags |= FLOAT_COUNT;
  // Object.is, not ===: an elided field must read back bit for bit, and -0 === 0.
  const single = count === 1 && Object.is(sum, min) && Object.is(min, max) && Object.is(max, last);
  if (single) flags |= SINGLE_VALUE;
  else {
    if (Object.is(max, min)) flags |= MAX_IS_MIN;
    if (Object.is(last, min)) flags |= LAST_IS_MIN;
    else if (Object.is(last, max)) flags |= LAST_IS_MAX;
    if (count === 2 && Object.is(min + max, sum)) flags |= SUM_IS_MIN_PLUS_MAX;
    else if (Object.is(min * count, sum)) flags |= SUM_IS_MIN_TIMES_COUNT;
  }
  body.writeByte(flags);
  if (integral) body.writeVarUint(count);
  else body.writeFloat64(count);
  body.writeFloat64(min);
  if (!single) writeFloats(body, flags, count, sum, min, max, last);
  body.writeBytes(sketch, begin, end);
  const entry = entryWriter;
  entry.reset();
  entry.writeVarUint(body.length);
  entry.writeBytes(body.bytes, 0, body.length);
  return entry;
}

/** Writes the shape byte and the XOR-coded max, last and sum that `flags` do not elide. */
function writeFloats(
  body: ByteWriter,
  flags: number,
  count: number,
  sum: number,
  min: number,
  max: number,
  last: number,
): void {
  const withMax = (flags & MAX_IS_MIN) === 0;
  const withLast = (flags & (LAST_IS_MIN | LAST_IS_MAX)) === 0;
  const withSum = (flags & (SUM_IS_MIN_PLUS_MAX | SUM_IS_MIN_TIMES_COUNT)) === 0;
  if (!withMax && !withLast && !withSum) return;
  const maxZeros = withMax ? leadingZeroBytes(max, min) : 0;
  const fromMin = withLast ? leadingZeroBytes(last, min) : 0;
  const fromMax = withLast ? leadingZeroBytes(last, max) : 0;
  const lastPredictor = fromMax > fromMin ? max : min;
  const lastZeros = Math.max(fromMin, fromMax);
  const predictedSum = sumPredictor(count, min, max);
  const sumZeros = withSum ? leadingZeroBytes(sum, predictedSum) : 0;
  body.writeByte(
    maxZeros | (lastZeros << 2) | (sumZeros << 4) | (fromMax > fromMin ? LAST_FROM_MAX : 0),
  );
  if (withMax) writeXorFloat(body, max, min, maxZeros);
  if (withLast) writeXorFloat(body, last, lastPredictor, lastZeros);
  if (withSum) writeXorFloat(body, sum, predictedSum, sumZeros);
}

/**
 * The closed rollups of one series at one resolution: an index of `[bucket start / resolution,
 * log offset]` pairs in one Uint32Array, ordered by start, over entries in the registry's shared
 * {@link RollupLog}. Rewriting a bucket appends a new entry (the old one is garbage until its page
 * is released). Internal to the package.
 */
export class RollupStore {
  private slots = new Uint32Array(0);
  private head = 0;
  private end = 0;
  private dirtyEntries = 0;
  private firstDirty = 0;

  constructor(
    readonly log: RollupLog,
    readonly resolutionMs: number,
    readonly withSketch: boolean,
  ) {}

  /** Number of rollups held. */
  get size(): number {
    return this.end - this.head;
  }

  /** Rollups written with `dirty` and not yet taken by `takeDirty`. */
  get dirtyCount(): number {
    return this.dirtyEntries;
  }

  /** Position of the first rollup. */
  get firstPosition(): number {
    return this.head;
  }

  /** Position just past the last rollup. */
  get endPosition(): number {
    return this.end;
  }

  /** Position of the first rollup whose bucket starts at or after `ms`. */
  lowerBound(ms: number): number {
    const key = Math.ceil(ms / this.resolutionMs);
    const slots = this.slots;
    let low = this.head;
    let high = this.end;
    if (low === high || slots[(high - 1) * 2]! < key) return high;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (slots[middle * 2]! < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Position of the rollup starting exactly at `ms`, or -1. */
  indexOf(ms: number): number {
    const position = this.lowerBound(ms);
    return position < this.end && this.slots[position * 2]! * this.resolutionMs === ms
      ? position
      : -1;
  }

  startAt(position: number): number {
    return this.slots[position * 2]! * this.resolutionMs;
  }

  /** Decodes the rollup at `position` into a shared entry (valid until the next read). */
  read(position: number): RollupEntry {
    return this.decode(this.slots[position * 2 + 1]!);
  }

  /** Adds every rollup starting in `[fromMs, toMs)` to `accumulator` (and its sketch, if any). */
  accumulate(fromMs: number, toMs: number, accumulator: StatsAccumulator): void {
    const stop = this.lowerBound(toMs);
    const sketch = this.withSketch ? accumulator.sketch : null;
    for (let position = this.lowerBound(fromMs); position < stop; position++) {
      const entry = this.decode(this.slots[position * 2 + 1]!);
      accumulator.addSummary(
        entry.count,
        entry.sum,
        entry.min,
        entry.max,
        entry.last,
        this.slots[position * 2]! * this.resolutionMs,
      );
      sketch?.addEncodedBuckets(entry.bytes, entry.sketchBegin, entry.sketchEnd, COMPACT_BUCKETS);
    }
  }

  /**
   * Writes the rollup starting at `startMs` (a multiple of the resolution), replacing any rollup
   * there. `sketch[begin, end)` holds its encoded buckets (distributions). `dirty` marks it for the
   * next drain. Returns false when the log is full.
   */
  write(
    startMs: number,
    count: number,
    sum: number,
    min: number,
    max: number,
    last: number,
    sketch: Uint8Array,
    begin: number,
    end: number,
    dirty: boolean,
  ): boolean {
    const encoded = encodeEntry(count, sum, min, max, last, dirty, sketch, begin, end);
    const offset = this.log.append(encoded.bytes, encoded.length, startMs + this.resolutionMs);
    if (offset < 0) return false;
    let position = this.lowerBound(startMs);
    const key = startMs / this.resolutionMs;
    if (position < this.end && this.slots[position * 2] === key) {
      if (this.isDirty(this.slots[position * 2 + 1]!)) this.dirtyEntries--;
    } else {
      const relative = position - this.head;
      this.reserve();
      position = this.head + relative;
      if (position < this.end) this.slots.copyWithin(position * 2 + 2, position * 2, this.end * 2);
      this.end++;
      if (this.firstDirty >= position) this.firstDirty = Math.min(this.firstDirty + 1, this.end);
      this.slots[position * 2] = key;
    }
    this.slots[position * 2 + 1] = offset;
    if (dirty) {
      this.dirtyEntries++;
      if (position < this.firstDirty) this.firstDirty = position;
    }
    return true;
  }

  /** Drops every rollup starting before `cutMs`. */
  dropBefore(cutMs: number): void {
    const key = Math.ceil(cutMs / this.resolutionMs);
    while (this.head < this.end && this.slots[this.head * 2]! < key) {
      if (this.dirtyEntries > 0 && this.isDirty(this.slots[this.head * 2 + 1]!))
        this.dirtyEntries--;
      this.head++;
    }
    if (this.head === this.end) {
      this.head = 0;
      this.end = 0;
      this.firstDirty = 0;
    }
  }

  /** Calls `visit` for every dirty rollup, oldest first, and clears their flags. */
  takeDirty(visit: (start: number, entry: RollupEntry) => void): void {
    if (this.dirtyEntries === 0) return;
    for (let position = Math.max(this.head, this.firstDirty); position < this.end; position++) {
      const offset = this.slots[position * 2 + 1]!;
      if (!this.isDirty(offset)) continue;
      this.clearDirty(offset);
      this.dirtyEntries--;
      visit(this.slots[position * 2]! * this.resolutionMs, this.decode(offset));
    }
    this.firstDirty = this.end;
  }

  private flagsPosition(offset: number): number {
    const page = this.log.page(offset);
    let position = this.log.positionOf(offset);
    while (page[position++]! >= 0x80); // skip the length prefix
    return position;
  }

  private isDirty(offset: number): boolean {
    return (this.log.page(offset)[this.flagsPosition(offset)]! & DIRTY) !== 0;
  }

  private clearDirty(offset: number): void {
    this.log.page(offset)[this.flagsPosition(offset)]! &= ~DIRTY;
  }

  private decode(offset: number): RollupEntry {
    const page = this.log.page(offset);
    const view = this.log.view(offset);
    let position = this.log.positionOf(offset);
    let length = 0;
    let shift = 0;
    for (;;) {
      const byte = page[position++]!;
      length |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    const end = position + length;
    const flags = page[position++]!;
    let count: number;
    if ((flags & FLOAT_COUNT) !== 0) {
      count = view.getFloat64(position, true);
      position += 8;
    } else {
      count = 0;
      let scale = 1;
      for (;;) {
        const byte = page[position++]!;
        count += (byte & 0x7f) * scale;
        if (byte < 0x80) break;
        scale *= 0x80;
      }
    }
    const min = view.getFloat64(position, true);
    position += 8;
    const entry = cursor;
    entry.count = count;
    entry.min = min;
    if ((flags & SINGLE_VALUE) !== 0) {
      entry.max = min;
      entry.last = min;
      entry.sum = min;
    } else {
      const withMax = (flags & MAX_IS_MIN) === 0;
      const withLast = (flags & (LAST_IS_MIN | LAST_IS_MAX)) === 0;
      const withSum = (flags & (SUM_IS_MIN_PLUS_MAX | SUM_IS_MIN_TIMES_COUNT)) === 0;
      const shape = withMax || withLast || withSum ? page[position++]! : 0;
      let max = min;
      if (withMax) {
        const zeros = shape & 3;
        max = readXorFloat(page, position, min, zeros);
        position += 8 - zeros;
      }
      entry.max = max;
      if ((flags & LAST_IS_MIN) !== 0) entry.last = min;
      else if ((flags & LAST_IS_MAX) !== 0) entry.last = max;
      else {
        const zeros = (shape >>> 2) & 3;
        entry.last = readXorFloat(page, position, (shape & LAST_FROM_MAX) !== 0 ? max : min, zeros);
        position += 8 - zeros;
      }
      if ((flags & SUM_IS_MIN_PLUS_MAX) !== 0) entry.sum = min + max;
      else if ((flags & SUM_IS_MIN_TIMES_COUNT) !== 0) entry.sum = min * count;
      else {
        const zeros = (shape >>> 4) & 3;
        entry.sum = readXorFloat(page, position, sumPredictor(count, min, max), zeros);
        position += 8 - zeros;
      }
    }
    entry.bytes = page;
    entry.sketchBegin = position;
    entry.sketchEnd = end;
    return entry;
  }

  /** Makes room for one more entry: reuses expired room when enough expired, else grows 1.25×. */
  private reserve(): void {
    const capacity = this.slots.length >>> 1;
    if (this.end < capacity) return;
    if (this.head > 0 && this.head * 8 >= capacity) {
      this.slots.copyWithin(0, this.head * 2, this.end * 2);
    } else {
      const next = new Uint32Array(Math.max(8, Math.ceil(capacity * 1.25)) * 2);
      next.set(this.slots.subarray(this.head * 2, this.end * 2));
      this.slots = next;
    }
    this.end -= this.head;
    this.firstDirty = Math.max(0, this.firstDirty - this.head);
    this.head = 0;
  }
}
