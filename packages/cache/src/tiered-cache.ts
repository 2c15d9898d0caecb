import type { CacheStats } from './cache-stats.ts';
import { collectStats } from './cache-stats.ts';
import { CacheStack, resolveStackSettings } from './cache-stack.ts';
import type { TierStatus } from './cache-tier.ts';
import { warmCache } from './cache-warmer.ts';
import { InvalidationJournal } from './invalidation-journal.ts';
import { MemoryTier } from './memory-tier.ts';
import { optimizeMemoryTier } from './optimize-memory.ts';
import { ReadThroughHandler } from './read-through-handler.ts';
import type {
  CacheWriteOptions,
  ClearResult,
  Loader,
  OptimizeMemoryOptions,
  OptimizeMemoryResult,
  TieredCacheOptions,
  WarmLoaders,
  WarmOptions,
  WarmResult,
} from './tiered-cache-options.ts';
import { TIERED_CACHE_DEFAULTS } from './tiered-cache-options.ts';
import { WriteHandler } from './write-handler.ts';
import type { CacheKeyFamily } from './ttl-presets.ts';

/**
 * Memory → Redis → loader, read-through and write-through.
 *
 * - `getOrLoad` runs one loader per key at a time; concurrent callers share its promise, and a
 *   failing loader rejects them all and caches nothing.
 * - Redis sits behind a circuit breaker: no request waits longer than its timeout for Redis, and none
 *   fails because of it. Redis writes after a load happen in the background (`flush()` awaits them).
 * - `delete`, `clear` and `set` reach other instances through the bus; invalidations made while
 *   Redis is down are replayed when it is back. A load that overlaps an invalidation returns its value
 *   but does not cache it, so an invalidation is never undone by a load that read the old data.
 * - Values come back as JSON gives them (a `Date` becomes a string), frozen by default.
 *
 * A facade over its parts: the {@link CacheStack} (tiers and bus), the read-through handler,
 * the writes, the invalidation journal, warming and stats (see the package README).
 */
export class TieredCache {
  readonly memory: MemoryTier;
  readonly instanceId: string;
  readonly #stack: CacheStack;
  readonly #reads: ReadThroughHandler;
  readonly #writes: WriteHandler;
  readonly #journal: InvalidationJournal;
  readonly #heapUsed: () => number;
  readonly #collectGarbage: (() => void) | undefined;
  readonly #subscription: Promise<(() => Promise<void>) | undefined>;
  #closed = false;

  constructor(options: TieredCacheOptions = {}) {
    const settings = resolveStackSettings(options);
    this.#heapUsed = options.heapUsed ?? (() => process.memoryUsage().heapUsed);
    this.#collectGarbage = options.collectGarbage;
    this.memory = new MemoryTier({
      ...options.memory,
      ...(options.clock ? { clock: options.clock } : {}),
      popularKeysCapacity: options.popularKeysCapacity ?? TIERED_CACHE_DEFAULTS.popularKeysCapacity,
      onEvict: () => {
        this.#stack.recordEviction();
      },
    });
    const stack = new CacheStack(this.memory, options, settings);
    this.#stack = stack;
    this.instanceId = stack.instanceId;
    this.#reads = new ReadThroughHandler(stack, options.loadLock);
    this.#journal = new InvalidationJournal(
      stack,
      this.#reads,
      options.maxPendingInvalidations ?? TIERED_CACHE_DEFAULTS.maxPendingInvalidations,
    );
    this.#writes = new WriteHandler(stack, this.#reads, this.#journal);
    stack.redis?.onStateChange((state) => {
      if (state !== 'open') stack.track(this.#journal.replayPending());
    });
    this.#subscription = this.#journal.subscribe();
  }

  /** Resolves once the bus subscription is live (at once without a bus). Never rejects. */
  async ready(): Promise<void> {
    await this.#subscription;
  }

  /** Health per tier, without I/O. */
  status(): { memory: TierStatus; redis: TierStatus } {
    return this.#stack.status();
  }

  /**
   * The cached value of `key`, loading, caching and returning it on a miss.
   *
   * @throws {CacheError} `INVALID_KEY`, `INVALID_TTL`, or `INVALID_VALUE` when the loader's result
   * is not JSON; any error of the loader itself, unchanged.
   */
  getOrLoad<T>(key: string, loader: Loader<T>, options?: CacheWriteOptions): Promise<T> {
    return this.#reads.getOrLoad(key, loader, options);
  }

  /** The cached value of `key` from memory or Redis, or `undefined`. @throws {CacheError} `INVALID_KEY`. */
  get<T>(key: string): Promise<T | undefined> {
    return this.#reads.get(key);
  }

  /**
   * Writes `value` to memory and Redis and drops the key from other instances' memory.
   *
   * @throws {CacheError} `INVALID_KEY`, `INVALID_VALUE` or `INVALID_TTL`.
   */
  set(key: string, value: unknown, options?: CacheWriteOptions): Promise<void> {
    return this.#writes.set(key, value, options);
  }

  /** Removes `key` from every tier and every instance's memory; resolves whether a tier held it. */
  delete(key: string): Promise<boolean> {
    return this.#writes.delete(key);
  }

  /**
   * Removes every key matching the glob (`*` any run, `?` one character, nothing else special) from
   * every tier and every instance's memory.
   *
   * @throws {CacheError} `INVALID_PATTERN` for an empty, too long or too wild pattern.
   */
  clear(pattern: string): Promise<ClearResult> {
    return this.#writes.clear(pattern);
  }

  /**
   * Loads keys into memory ahead of traffic: the given keys, or the most requested ones
   * (`'popular'`, from bounded access counts). Keys already in memory are skipped unless `refresh`;
   * the rest are read from Redis in one round trip, and the remainder from their loaders.
   */
  warm(
    keys: readonly string[] | 'popular',
    loaders: WarmLoaders,
    options: WarmOptions = {},
  ): Promise<WarmResult> {
    return warmCache(this.#stack, this.#reads, keys, loaders, options);
  }

  /**
   * Per-tier hits, misses, hit rate, response times, bytes, keys, evictions, compression and
   * status, plus the overall hit rate. Asks Redis for its size (bounded by the breaker's bulk
   * timeout); Redis figures are `null` when it cannot answer.
   */
  stats(): Promise<CacheStats> {
    const stack = this.#stack;
    return collectStats({
      memory: stack.memory,
      redis: stack.redis,
      counters: stack.counters,
      inflight: () => this.#reads.inflight,
      pendingInvalidations: () => this.#journal.size,
      remoteFailed: (operation, error) => {
        stack.remoteFailed(operation, error);
      },
    });
  }

  /**
   * Frees memory: drops expired entries, trims the memory tier to `targetShare` of its bound
   * (least recently used first) and runs a full GC when one is available (`collectGarbage`).
   * @throws {CacheError} `INVALID_OPTIONS` for a share outside 0..1.
   */
  optimizeMemory(options: OptimizeMemoryOptions = {}): OptimizeMemoryResult {
    return optimizeMemoryTier(this.#stack.memory, options, {
      heapUsed: this.#heapUsed,
      collectGarbage: this.#collectGarbage,
    });
  }

  /** The TTL a write of `family` gets now, in ms. */
  familyTtl(family: CacheKeyFamily): number {
    return this.#stack.familyTtl(family);
  }

  /**
   * Sets the TTL of `family` for writes from now on (entries already cached keep theirs); the
   * automatic `raiseTtl` response uses it. @throws {CacheError} `INVALID_TTL`.
   */
  setFamilyTtl(family: CacheKeyFamily, ttlMs: number): void {
    this.#stack.setFamilyTtl(family, ttlMs);
  }

  /** Resolves when background Redis writes and bus publications started so far have settled. */
  flush(): Promise<void> {
    return this.#stack.flush();
  }

  /** Stops the breaker probe, leaves the bus and waits for background work. The clients stay open. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#stack.redis?.close();
    const unsubscribe = await this.#subscription;
    await this.flush();
    try {
      await unsubscribe?.();
    } catch (error) {
      this.#stack.report((m) => m.recordError?.('bus', 'unsubscribe', error));
    }
  }
}
