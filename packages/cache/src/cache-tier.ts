import type { MemoryTierUsage, TrimResult } from './memory-tier-options.ts';

/** Health of a tier: `disabled` means it is not configured (e.g. no Redis client was handed in). */
export type TierStatus = 'up' | 'down' | 'disabled';

/** A value found in a tier, with the time it has left. */
export interface CacheEntry {
  /** The stored value, as JSON would give it back (a `Date` comes back as a string). */
  readonly value: unknown;
  /** Milliseconds until the entry expires. */
  readonly ttlMs: number;
}

/** How much a tier holds. */
export interface TierSize {
  /** Number of live keys. */
  keys: number;
  /** Bytes the keys take in the tier (payload bytes in memory, `MEMORY USAGE` in Redis). */
  bytes: number;
  /** Whether `bytes` (and, past the scan budget, `keys`) is an estimate from a sample. */
  estimated: boolean;
}

/**
 * One cache tier. Values must be JSON-serialisable; `undefined` means "not found" and cannot be
 * stored. Keys are opaque strings; `clear` takes a glob where only `*` and `?` are special.
 * Every method may reject with a `CacheError`; `status()` never throws.
 */
export interface CacheTier {
  /** Name used in stats and metrics, e.g. `memory` or `redis`. */
  readonly name: string;
  /** The entry under `key`, or `undefined`. */
  get(key: string): Promise<CacheEntry | undefined>;
  /** Entries for `keys`, in the same order, `undefined` for misses. */
  getMany(keys: readonly string[]): Promise<(CacheEntry | undefined)[]>;
  /** Stores `value` under `key` for `ttlMs` milliseconds (a positive number). */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Removes `key`; resolves whether it was there. */
  delete(key: string): Promise<boolean>;
  /** Removes every key matching the glob `pattern`; resolves how many were removed. */
  clear(pattern: string): Promise<number>;
  /** Key count and bytes held. */
  size(): Promise<TierSize>;
  /** Current health, without I/O. */
  status(): TierStatus;
  /** Resolves when the tier answers a round trip; used by circuit-breaker probes. */
  ping(): Promise<void>;
}

/**
 * The in-process tier (L1) of a cache stack: a {@link CacheTier} that also answers synchronously, so
 * a memory hit costs no await, and that knows its bound, popularity and usage. `TieredCache` and its
 * parts use the memory tier only through this interface.
 */
export interface LocalCacheTier extends CacheTier {
  /** Upper bound of the bytes held. */
  readonly maxBytes: number;
  /** The value under `key`, or `undefined`; counts one read of the entry. */
  getSync(key: string): unknown;
  /** Stores `value`; returns it as readers will see it. */
  setSync(key: string, value: unknown, ttlMs: number): unknown;
  /** Removes `key`; returns whether a live entry was there. */
  deleteSync(key: string): boolean;
  /** Removes every live key matching the glob; returns how many. */
  clearSync(pattern: string): number;
  /** Live key count and bytes. */
  sizeSync(): TierSize;
  /** Whether a live entry is held under `key`, without counting a read. */
  has(key: string): boolean;
  /** Up to `limit` keys, most read first. */
  popularKeys(limit: number): string[];
  /** Eviction and compression counters. */
  usage(): MemoryTierUsage;
  /** Drops expired entries, then least recently used ones down to `targetBytes`. */
  trim(targetBytes?: number): TrimResult;
}
