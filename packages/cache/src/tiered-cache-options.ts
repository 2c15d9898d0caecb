import type { CacheMetrics } from './cache-metrics.ts';
import type { CacheTier } from './cache-tier.ts';
import type { CircuitBreakerOptions } from './circuit-breaker-tier.ts';
import type { InvalidationBus } from './invalidation-bus.ts';
import type { LoadLock } from './load-lock.ts';
import type { MemoryTierOptions } from './memory-tier-options.ts';
import type { CacheKeyFamily } from './ttl-presets.ts';

/** Produces a value on a miss. Its result must be JSON-serialisable; `undefined` is returned but not cached. */
export type Loader<T> = () => T | Promise<T>;

/** TTL of one write: an explicit `ttlMs`, else the `family` preset, else the preset named by the key's first segment, else `defaultTtlMs`. */
export interface CacheWriteOptions {
  ttlMs?: number;
  family?: CacheKeyFamily;
}

/** Options of {@link TieredCache}. */
export interface TieredCacheOptions {
  /** Memory tier settings (bytes bound, compression, freezing). @default MEMORY_TIER_DEFAULTS */
  memory?: Omit<MemoryTierOptions, 'clock' | 'onEvict' | 'popularKeysCapacity'>;
  /**
   * The shared tier, usually a `RedisTier` built on a client from the composition root. It is
   * wrapped in a {@link CircuitBreakerTier}. Without it the Redis tier reports `disabled` and memory
   * plus loader serve alone.
   * @default undefined
   */
  redis?: CacheTier;
  /**
   * A lock across instances, so a cold key is loaded once per deployment (the others wait for its
   * value in `redis`); unreachable, each instance loads for itself. @default undefined (per instance)
   */
  loadLock?: LoadLock;
  /** Circuit breaker around `redis`. @default CIRCUIT_BREAKER_DEFAULTS (50 ms timeout, 1 s probe) */
  breaker?: CircuitBreakerOptions;
  /** Carries deletes and clears to other instances. @default undefined (single instance) */
  bus?: InvalidationBus;
  /** Receives per-tier lookups, loads, evictions, status changes and errors. @default undefined */
  metrics?: CacheMetrics;
  /** Monotonic clock in milliseconds, for TTLs and timings. @default performance.now */
  clock?: () => number;
  /** TTL when neither the call nor the key names a family. @default 300000 (5 min) */
  defaultTtlMs?: number;
  /** Overrides of the family TTLs. @default CACHE_TTL_PRESETS */
  ttlPresets?: Partial<Record<CacheKeyFamily, number>>;
  /** Identifies this instance on the bus, so it skips its own messages. @default crypto.randomUUID() */
  instanceId?: string;
  /** Keys whose access counts outlive their memory entries, for `warm('popular')`. @default 1000 */
  popularKeysCapacity?: number;
  /** One memory lookup in this many is timed (a power of two). @default 16 */
  memoryTimingSampleRate?: number;
  /** Invalidations kept while Redis is down, replayed when it is back; beyond it, `*` is replayed. @default 10000 */
  maxPendingInvalidations?: number;
  /** Heap bytes in use, reported by `optimizeMemory()`. @default () => process.memoryUsage().heapUsed */
  heapUsed?: () => number;
  /**
   * A full garbage collection, run by `optimizeMemory()` after trimming (see the server's
   * `exposeGarbageCollector`). @default `globalThis.gc` when Node runs with `--expose-gc`
   */
  collectGarbage?: () => void;
}

/** Defaults of {@link TieredCacheOptions}, as data. */
export const TIERED_CACHE_DEFAULTS = {
  defaultTtlMs: 5 * 60_000,
  popularKeysCapacity: 1000,
  memoryTimingSampleRate: 16,
  maxPendingInvalidations: 10_000,
  warmLimit: 50,
  warmConcurrency: 4,
} as const;

/** Per-tier outcome of `clear`; `redis` is `null` when disabled or unreachable (the clear is replayed later). */
export interface ClearResult {
  memory: number;
  redis: number | null;
}

/** Loaders for `warm`: a function from key to loader, or a record keyed by exact key. */
export type WarmLoaders =
  ((key: string) => Loader<unknown> | undefined) | Readonly<Record<string, Loader<unknown>>>;

export interface WarmOptions extends CacheWriteOptions {
  /** How many popular keys to warm. @default 50 */
  limit?: number;
  /** Loaders running at once. @default 4 */
  concurrency?: number;
  /** Reload keys that are already in memory. @default false */
  refresh?: boolean;
}

export interface WarmResult {
  /** Keys now in memory, from Redis or a loader. */
  warmed: string[];
  /** Keys already in memory, or without a loader. */
  skipped: string[];
  failed: { key: string; error: unknown }[];
}

/** What `optimizeMemory()` should trim. */
export interface OptimizeMemoryOptions {
  /**
   * Share of the memory tier's bound (0..1) to keep: least recently used entries go until the
   * tier fits. Expired entries always go. @default MEMORY_TIER_DEFAULTS.trimTargetRatio (0.75)
   */
  targetShare?: number;
}

/** What `optimizeMemory()` did. */
export interface OptimizeMemoryResult {
  /** Whether a full garbage collection ran (between the two heap readings). */
  gcRan: boolean;
  heapBytesBefore: number;
  heapBytesAfter: number;
  tierBytesBefore: number;
  tierBytesAfter: number;
  /** `expiredEntriesRemoved` + `trimmedEntriesRemoved`. */
  entriesRemoved: number;
  /** Entries past their TTL, dropped whatever the target. */
  expiredEntriesRemoved: number;
  /** Live entries dropped, least recently used first, to reach the target share. */
  trimmedEntriesRemoved: number;
}
