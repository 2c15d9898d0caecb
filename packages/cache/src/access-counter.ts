/**
 * Access counts per key in a bounded map. When it outgrows `capacity` it keeps the most accessed
 * half, so a flood of one-off keys cannot grow it. Fed off the hot path (see `MemoryTier`).
 */
export class AccessCounter {
  readonly #capacity: number;
  readonly #counts = new Map<string, number>();

  constructor(capacity: number) {
    this.#capacity = Math.max(2, capacity);
  }

  add(key: string, count: number): void {
    if (count <= 0) return;
    const counts = this.#counts;
    counts.set(key, (counts.get(key) ?? 0) + count);
    if (counts.size > this.#capacity) {
      const kept = [...counts].sort((a, b) => b[1] - a[1]).slice(0, Math.floor(this.#capacity / 2));
      counts.clear();
      for (const [keptKey, keptCount] of kept) counts.set(keptKey, keptCount);
    }
  }

  /** Current counts, for merging with live ones. */
  entries(): IterableIterator<[string, number]> {
    return this.#counts.entries();
  }

  /** Keys tracked at the moment. */
  get size(): number {
    return this.#counts.size;
  }
}
