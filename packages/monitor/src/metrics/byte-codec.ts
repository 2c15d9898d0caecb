import { MonitorError } from './monitor-error.ts';

/**
 * Little binary codec for sketches and rollups: unsigned/zig-zag LEB128 varints (exact up to 2^53)
 * and little-endian float64. Internal to the package.
 */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  private view: DataView;

  constructor(initialCapacity = 256) {
    this.bytes = new Uint8Array(initialCapacity);
    this.view = new DataView(this.bytes.buffer);
  }

  reset(): void {
    this.length = 0;
  }

  /** A copy of the written bytes. */
  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  writeByte(value: number): void {
    this.ensure(1);
    this.bytes[this.length++] = value;
  }

  writeVarUint(value: number): void {
    this.ensure(8);
    let rest = value;
    if (rest < 0x80000000) {
      while (rest > 0x7f) {
        this.bytes[this.length++] = (rest & 0x7f) | 0x80;
        rest >>>= 7;
      }
      this.bytes[this.length++] = rest;
      return;
    }
    while (rest > 0x7f) {
      this.bytes[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.length++] = rest;
  }

  writeVarInt(value: number): void {
    this.writeVarUint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  writeFloat64(value: number): void {
    this.ensure(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }

  writeBytes(source: Uint8Array, begin: number, end: number): void {
    this.ensure(end - begin);
    copyBytes(source, begin, end, this.bytes, this.length);
    this.length += end - begin;
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.length + extra, this.bytes.length * 2));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }
}

/** Copies `source[begin, end)` to `target` at `at`; a plain loop for short runs (no subarray). */
export function copyBytes(
  source: Uint8Array,
  begin: number,
  end: number,
  target: Uint8Array,
  at: number,
): void {
  if (end - begin > 64) {
    target.set(source.subarray(begin, end), at);
    return;
  }
  for (let i = begin; i < end; i++) target[at + i - begin] = source[i]!;
}

const malformed = (): MonitorError =>
  new MonitorError('INVALID_SKETCH', 'serialised sketch is truncated or malformed');

/** Reads what {@link ByteWriter} wrote; throws `INVALID_SKETCH` on truncated input. Reusable. */
export class ByteReader {
  bytes: Uint8Array = new Uint8Array(0);
  position = 0;
  end = 0;
  private view = new DataView(this.bytes.buffer);

  reset(bytes: Uint8Array, begin: number, end: number): this {
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    this.position = begin;
    this.end = end;
    return this;
  }

  get done(): boolean {
    return this.position >= this.end;
  }

  readByte(): number {
    if (this.position >= this.end) throw malformed();
    return this.bytes[this.position++]!;
  }

  readVarUint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      if (this.position >= this.end || scale > 2 ** 49) throw malformed();
      const byte = this.bytes[this.position++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 0x80;
    }
  }

  readVarInt(): number {
    const zigzag = this.readVarUint();
    return zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2;
  }

  readFloat64(): number {
    if (this.position + 8 > this.end) throw malformed();
    const value = this.view.getFloat64(this.position, true);
    this.position += 8;
    return value;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Base64url without padding (no Buffer/btoa: the package runs in browsers and Node alike). */
export function encodeBase64Url(bytes: Uint8Array, begin = 0, end = bytes.length): string {
  let out = '';
  let i = begin;
  for (; i + 2 < end; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      ALPHABET[n >>> 18]! +
      ALPHABET[(n >>> 12) & 63]! +
      ALPHABET[(n >>> 6) & 63]! +
      ALPHABET[n & 63]!;
  }
  const rest = end - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >>> 18]! + ALPHABET[(n >>> 12) & 63]! + ALPHABET[(n >>> 6) & 63]!;
  }
  return out;
}

/** Inverse of {@link encodeBase64Url}; throws `INVALID_SKETCH` on characters outside the alphabet. */
export function decodeBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw malformed();
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? DECODE[code]! : -1;
    if (value < 0) throw malformed();
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >>> bits) & 0xff;
    }
  }
  return out;
}
