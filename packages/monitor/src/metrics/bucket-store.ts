/** Buckets allocated when a store receives its first value. */
const INITIAL_BUCKETS = 64;
const EMPTY = new Float64Array(0);

/**
 * Dense, contiguous bucket counts of one sign of a {@link DDSketch}: `counts[i]` holds the weight
 * of bucket index `offset + i`. The array grows geometrically, never beyond `maxBuckets`; when the
 * occupied range would exceed it, the lowest indices (the smallest magnitudes) are collapsed into
 * the lowest kept bucket, so the highest quantiles keep their accuracy. Internal to the package.
 */
export class BucketStore {
  counts: Float64Array = EMPTY;
  offset = 0;
  /** Whether lowest buckets were ever collapsed (accuracy below them is then lost). */
  collapsed = false;
  /** Lowest and highest non-empty bucket index (±Infinity when empty): scans stay short. */
  minIndex = Infinity;
  maxIndex = -Infinity;

  constructor(readonly maxBuckets: number) {}

  /** Adds `weight` to bucket `index`: the hot path is one bounds check and one typed-array add. */
  add(index: number, weight: number): void {
    const position = index - this.offset;
    if (position >= 0 && position < this.counts.length) this.counts[position]! += weight;
    else this.addOutside(index, weight);
    if (index < this.minIndex) this.minIndex = index;
    if (index > this.maxIndex) this.maxIndex = index;
  }

  /** Position (in `counts`) of the lowest non-empty bucket, or -1. */
  lowestPosition(): number {
    return this.minIndex === Infinity ? -1 : Math.max(this.minIndex, this.offset) - this.offset;
  }

  /** Position (in `counts`) of the highest non-empty bucket, or -1. */
  highestPosition(): number {
    return this.maxIndex === -Infinity ? -1 : this.maxIndex - this.offset;
  }

  /** Empties the store, keeping its array (only the occupied range is zeroed). */
  clear(): void {
    const low = this.lowestPosition();
    if (low >= 0) this.counts.fill(0, low, this.highestPosition() + 1);
    this.minIndex = Infinity;
    this.maxIndex = -Infinity;
    this.collapsed = false;
  }

  /**
   * Empties the store and lets go of an array grown past twice the initial size: a live minute
   * reallocates what its own samples need instead of keeping the widest span ever seen.
   */
  release(): void {
    this.clear();
    if (this.counts.length > 2 * INITIAL_BUCKETS) {
      this.counts = EMPTY;
      this.offset = 0;
    }
  }

  /** Adds every bucket of `other` (same mapping) into this store. */
  merge(other: BucketStore): void {
    const low = other.lowestPosition();
    if (low < 0) return;
    const high = other.highestPosition();
    this.reserve(other.offset + low, other.offset + high);
    const counts = other.counts;
    for (let i = low; i <= high; i++) {
      const weight = counts[i]!;
      if (weight !== 0) this.add(other.offset + i, weight);
    }
    if (other.collapsed) this.collapsed = true;
  }

  /** Makes room for indices `low..high` in one reallocation (collapsing if over budget). */
  reserve(low: number, high: number): void {
    if (low >= this.offset && high < this.offset + this.counts.length) return;
    this.cover(low, high, low < this.offset);
  }

  private addOutside(index: number, weight: number): void {
    if (this.counts.length === this.maxBuckets && index < this.offset) {
      // At the budget and below the window: fold into the lowest kept bucket (no reallocation).
      const highest = this.highestPosition();
      if (highest >= 0 && this.offset + highest - index + 1 > this.maxBuckets) {
        this.counts[0]! += weight;
        this.collapsed = true;
        return;
      }
    }
    this.cover(index, index, index < this.offset);
    if (index < this.offset) this.collapsed = true;
    this.counts[Math.max(index, this.offset) - this.offset]! += weight;
  }

  /** Reallocates so that the occupied buckets and `low..high` fit, spare room on the growing side. */
  private cover(low: number, high: number, growingDown: boolean): void {
    const occupiedLow = this.lowestPosition();
    const spanLow = occupiedLow < 0 ? low : Math.min(low, this.offset + occupiedLow);
    const spanHigh = occupiedLow < 0 ? high : Math.max(high, this.offset + this.highestPosition());
    const needed = spanHigh - spanLow + 1;
    if (needed > this.maxBuckets) {
      // Over budget: keep the highest `maxBuckets` indices, fold everything below into the lowest.
      this.rebase(spanHigh - this.maxBuckets + 1, this.maxBuckets);
      return;
    }
    let size = Math.max(this.counts.length, INITIAL_BUCKETS);
    while (size < needed) size *= 2;
    size = Math.min(size, this.maxBuckets);
    const spare = size - needed;
    const centred = this.counts.length === 0 || occupiedLow < 0;
    const newOffset = centred ? spanLow - (spare >> 1) : growingDown ? spanLow - spare : spanLow;
    if (size === this.counts.length) this.shift(newOffset);
    else this.rebase(newOffset, size);
  }

  /** Moves the window to start at `newOffset` in place (every occupied bucket stays inside). */
  private shift(newOffset: number): void {
    const counts = this.counts;
    const length = counts.length;
    const delta = this.offset - newOffset;
    if (delta > 0) {
      counts.copyWithin(delta, 0, Math.max(0, length - delta));
      counts.fill(0, 0, Math.min(delta, length));
    } else if (delta < 0) {
      counts.copyWithin(0, Math.min(-delta, length), length);
      counts.fill(0, Math.max(0, length + delta), length);
    }
    this.offset = newOffset;
  }

  /** Copies the counts into a new array starting at bucket `newOffset`; lower ones are folded. */
  private rebase(newOffset: number, size: number): void {
    const next = new Float64Array(size);
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) {
      const weight = counts[i]!;
      if (weight === 0) continue;
      const index = this.offset + i;
      if (index < newOffset) this.collapsed = true;
      next[Math.max(index, newOffset) - newOffset]! += weight;
    }
    this.counts = next;
    this.offset = newOffset;
  }
}
