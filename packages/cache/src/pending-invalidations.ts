/** Invalidations waiting to be replayed: keys to delete and glob patterns to clear. */
export interface InvalidationBatch {
  keys: string[];
  patterns: string[];
}

/**
 * A bounded journal of invalidations that Redis or the bus missed during an outage. Past
 * `capacity` entries it collapses to the pattern `*`: replaying "clear everything" is heavy but
 * never leaves a stale value behind, which dropping entries would.
 */
export class PendingInvalidations {
  readonly #capacity: number;
  #keys = new Set<string>();
  #patterns = new Set<string>();

  constructor(capacity: number) {
    this.#capacity = Math.max(1, capacity);
  }

  remember(invalidation: { keys?: readonly string[]; pattern?: string }): void {
    if (this.#patterns.has('*')) return;
    if (invalidation.pattern !== undefined) this.#patterns.add(invalidation.pattern);
    for (const key of invalidation.keys ?? []) this.#keys.add(key);
    if (this.size > this.#capacity) {
      this.#keys = new Set();
      this.#patterns = new Set(['*']);
    }
  }

  get size(): number {
    return this.#keys.size + this.#patterns.size;
  }

  /** Returns everything remembered and forgets it. */
  drain(): InvalidationBatch {
    const batch = { keys: [...this.#keys], patterns: [...this.#patterns] };
    this.#keys = new Set();
    this.#patterns = new Set();
    return batch;
  }
}
