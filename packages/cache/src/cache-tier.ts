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
