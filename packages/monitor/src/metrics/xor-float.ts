import type { ByteWriter } from './byte-codec.ts';

// Floats of a closed rollup stored as their XOR with a predictor from the same rollup (max with
// min, last with min or max, sum with count × (min + max) / 2), most significant byte first, with
// the leading zero bytes left out (Gorilla's idea at byte granularity). Values of one rollup share
// their sign and usually their exponent, so one or two bytes go; the XOR is exact bit for bit.

/** Most leading zero bytes recorded (two bits per float in the entry's shape byte). */
export const MAX_LEADING_ZERO_BYTES = 3;

const scratch = new DataView(new ArrayBuffer(16));

/** Leading zero bytes (at most 3) of `value` XOR `predictor`, as 8 big-endian bytes. */
export function leadingZeroBytes(value: number, predictor: number): number {
  scratch.setFloat64(0, value);
  scratch.setFloat64(8, predictor);
  let zeros = 0;
  while (zeros < MAX_LEADING_ZERO_BYTES && scratch.getUint8(zeros) === scratch.getUint8(8 + zeros))
    zeros++;
  return zeros;
}

/** Writes `value` XOR `predictor` without its first `zeros` bytes (all zero). */
export function writeXorFloat(
  writer: ByteWriter,
  value: number,
  predictor: number,
  zeros: number,
): void {
  scratch.setFloat64(0, value);
  scratch.setFloat64(8, predictor);
  for (let i = zeros; i < 8; i++) writer.writeByte(scratch.getUint8(i) ^ scratch.getUint8(8 + i));
}

/** Reads what {@link writeXorFloat} wrote at `bytes[position]` (8 − `zeros` bytes). */
export function readXorFloat(
  bytes: Uint8Array,
  position: number,
  predictor: number,
  zeros: number,
): number {
  scratch.setFloat64(8, predictor);
  for (let i = 0; i < zeros; i++) scratch.setUint8(i, scratch.getUint8(8 + i));
  for (let i = zeros; i < 8; i++) {
    scratch.setUint8(i, bytes[position + i - zeros]! ^ scratch.getUint8(8 + i));
  }
  return scratch.getFloat64(0);
}
