import { copyBytes } from './byte-codec.ts';

const PAGE_BITS = 20;
/** Largest page (and the addressable span of one page): 1 MiB. */
const MAX_PAGE_SIZE = 1 << PAGE_BITS;
/** First page size; pages double up to 1 MiB so a small registry stays small. */
const MIN_PAGE_SIZE = 1 << 16;
/** Offsets are `page << 20 | position` in a Uint32: at most 4096 pages (4 GiB) per log. */
const MAX_PAGES = 4096;
/** Spare full-size pages kept for reuse instead of being handed to the garbage collector. */
const MAX_SPARE_PAGES = 2;

/**
 * Append-only byte log shared by every series of a registry at one resolution: closed rollups are
 * appended in time order into pages, and a page is released once every rollup in it is past
 * retention. One log instead of one buffer per series means no per-series slack, few allocations
 * and little garbage-collector work. Entries are addressed by a 32-bit offset. Internal.
 */
export class RollupLog {
  private readonly pages: (Uint8Array | null)[] = [];
  private readonly views: (DataView | null)[] = [];
  /** Latest bucket end (epoch ms) of any entry written to each page. */
  private readonly pageEnds: number[] = [];
  /** Pages in use, oldest first. */
  private readonly inUse: number[] = [];
  private readonly freeSlots: number[] = [];
  private readonly spare: Uint8Array[] = [];
  private current = -1;
  private position = 0;
  private nextSize = MIN_PAGE_SIZE;

  /** Bytes held by pages in use. */
  get allocatedBytes(): number {
    let total = 0;
    for (const slot of this.inUse) total += this.pages[slot]!.length;
    return total;
  }

  /**
   * Copies `bytes[0, length)` as one entry whose bucket ends at `bucketEnd`; returns its offset, or
   * -1 when the log is full (4 GiB).
   */
  append(bytes: Uint8Array, length: number, bucketEnd: number): number {
    let page = this.current < 0 ? null : this.pages[this.current]!;
    if (page === null || this.position + length > page.length) {
      page = this.openPage(length);
      if (page === null) return -1;
    }
    const offset = this.current * MAX_PAGE_SIZE + this.position;
    copyBytes(bytes, 0, length, page, this.position);
    this.position += length;
    if (bucketEnd > this.pageEnds[this.current]!) this.pageEnds[this.current] = bucketEnd;
    return offset;
  }

  /** The page holding the entry at `offset`. */
  page(offset: number): Uint8Array {
    return this.pages[offset >>> PAGE_BITS]!;
  }

  /** A little-endian view of the page holding the entry at `offset`. */
  view(offset: number): DataView {
    return this.views[offset >>> PAGE_BITS]!;
  }

  /** Position of the entry at `offset` within its page. */
  positionOf(offset: number): number {
    return offset & (MAX_PAGE_SIZE - 1);
  }

  /** Releases the oldest pages whose entries all ended at or before `cutMs`. */
  release(cutMs: number): void {
    while (this.inUse.length > 0) {
      const slot = this.inUse[0]!;
      if (this.pageEnds[slot]! > cutMs) return;
      if (slot === this.current) {
        this.position = 0; // everything written so far is expired: reuse the page from the start
        this.pageEnds[slot] = -Infinity;
        return;
      }
      this.inUse.shift();
      const page = this.pages[slot]!;
      if (page.length === MAX_PAGE_SIZE && this.spare.length < MAX_SPARE_PAGES)
        this.spare.push(page);
      this.pages[slot] = null;
      this.views[slot] = null;
      this.freeSlots.push(slot);
    }
  }

  private openPage(minimum: number): Uint8Array | null {
    const slot = this.freeSlots.pop() ?? this.pages.length;
    if (slot >= MAX_PAGES) return null;
    const size = Math.max(this.nextSize, minimum);
    const page =
      size === MAX_PAGE_SIZE ? (this.spare.pop() ?? new Uint8Array(size)) : new Uint8Array(size);
    this.nextSize = Math.min(MAX_PAGE_SIZE, this.nextSize * 2);
    this.pages[slot] = page;
    this.views[slot] = new DataView(page.buffer, page.byteOffset, page.byteLength);
    this.pageEnds[slot] = -Infinity;
    this.inUse.push(slot);
    this.current = slot;
    this.position = 0;
    return page;
  }
}
