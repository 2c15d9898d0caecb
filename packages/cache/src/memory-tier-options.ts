/** Compression of large values held in memory. */
export interface MemoryCompressionOptions {
  /**
   * zlib codec. Brotli runs at quality 4, a fast setting that still beats deflate on JSON.
   * @default 'deflate'
   */
  algorithm?: 'deflate' | 'brotli';
  /**
   * Values whose JSON takes at least this many bytes are compressed; smaller ones are not worth it.
   * @default 1024
   */
  thresholdBytes?: number;
}

/** Options of {@link MemoryTier}. */
export interface MemoryTierOptions {
  /**
   * Name in stats and metrics.
   * @default 'memory'
   */
  name?: string;
  /**
   * Upper bound of the bytes held (JSON payload, or compressed payload, plus key); the least recently
   * used entries are evicted beyond it.
   * @default 33554432 (32 MiB)
   */
  maxBytes?: number;
  /**
   * Entries larger than this are not kept in memory (they still reach the other tiers).
   * @default 1048576 (1 MiB), or `maxBytes` when smaller
   */
  maxEntryBytes?: number;
  /**
   * Compress values above a threshold, or `false` to keep every value as a parsed object.
   * @default false
   */
  compression?: MemoryCompressionOptions | false;
  /**
   * Deep-freeze stored values. Every reader gets the same object back, so a caller mutating it would
   * silently change what everyone else reads; frozen, the mutation throws instead.
   * @default true
   */
  freezeValues?: boolean;
  /**
   * Monotonic clock in milliseconds for TTLs. Inject one in tests to move time by hand.
   * @default performance.now
   */
  clock?: () => number;
  /** Called for every entry pushed out because the tier was full (not for trims or expiry). */
  onEvict?: (key: string) => void;
  /**
   * Keys whose access counts outlive their entries (deleted, expired, evicted), for `popularKeys`.
   * @default 1000
   */
  popularKeysCapacity?: number;
}

/** Defaults of {@link MemoryTierOptions}, as data. */
export const MEMORY_TIER_DEFAULTS = {
  name: 'memory',
  maxBytes: 32 * 1024 * 1024,
  maxEntryBytes: 1024 * 1024,
  compressionAlgorithm: 'deflate',
  compressionThresholdBytes: 1024,
  freezeValues: true,
  /** `trim()` without a target shrinks the tier to this share of `maxBytes`. */
  trimTargetRatio: 0.75,
  popularKeysCapacity: 1000,
} as const;

/** Counters of a {@link MemoryTier} beyond key count and bytes. */
export interface MemoryTierUsage {
  /** Entries pushed out because the tier was full. */
  evictions: number;
  /** Entries removed by `trim()`. */
  trimmed: number;
  /** Entries currently stored compressed. */
  compressedEntries: number;
  /** Bytes the resident entries would take uncompressed, minus what they take. */
  bytesSaved: number;
  /** Bytes saved by every compression since start, resident or not. */
  bytesSavedTotal: number;
  /** Uncompressed over stored bytes of the resident entries (1 without compression); `null` when empty. */
  compressionRatio: number | null;
}

/** What `trim()` did. */
export interface TrimResult {
  bytesBefore: number;
  bytesAfter: number;
  removed: number;
}
