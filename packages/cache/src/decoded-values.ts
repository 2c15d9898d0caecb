/**
 * The most recently read compressed values, decoded: a hot entry (the whole flavor list, read on
 * every request) is inflated and parsed once, not on every read. Keyed by the entry's compressed
 * buffer, so a replaced or removed entry is never answered from here. Bounded by the JSON size of
 * the values it holds, least recently read dropped first, so compression still saves memory on
 * everything that is not hot.
 */
export class DecodedValues {
  readonly maxBytes: number;
  readonly #values = new Map<Buffer, { value: unknown; bytes: number }>();
  #bytes = 0;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  /** The decoded value of `compressed`, decoding it (and keeping it if it fits) when absent. */
  get(compressed: Buffer, bytes: number, decode: () => unknown): unknown {
    const known = this.#values.get(compressed);
    if (known !== undefined) {
      // Re-inserting keeps the Map ordered from least to most recently read.
      this.#values.delete(compressed);
      this.#values.set(compressed, known);
      return known.value;
    }
    const value = decode();
    if (bytes > this.maxBytes) return value;
    this.#values.set(compressed, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#values) {
      if (this.#bytes <= this.maxBytes) break;
      this.#values.delete(oldest);
      this.#bytes -= entry.bytes;
    }
    return value;
  }

  /** Forgets the value of an entry that left the cache. */
  delete(compressed: Buffer): void {
    const entry = this.#values.get(compressed);
    if (entry === undefined) return;
    this.#values.delete(compressed);
    this.#bytes -= entry.bytes;
  }

  /** JSON bytes of the values held. */
  get bytes(): number {
    return this.#bytes;
  }
}
