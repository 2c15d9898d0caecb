import { randomUUID } from 'node:crypto';
import { CacheError } from './cache-error.ts';
import { assertValidKey, CACHE_KEY_LIMITS } from './cache-key.ts';
import type { CacheMetrics, LookupOutcome } from './cache-metrics.ts';
import type { CacheEntry, TierStatus } from './cache-tier.ts';
import {
  CircuitBreakerTier,
  CIRCUIT_BREAKER_DEFAULTS,
  withTimeout,
} from './circuit-breaker-tier.ts';
import type { GlobPattern } from './glob-pattern.ts';
import { compileGlob } from './glob-pattern.ts';
import type { InvalidationBus, InvalidationMessage } from './invalidation-bus.ts';
import { deleteMessages } from './invalidation-bus.ts';
import { deepFreeze, normalizeTtl, serializeValue } from './json-value.ts';
import { LatencyRecorder } from './latency-recorder.ts';
import { MemoryTier } from './memory-tier.ts';
import { optimizeMemoryTier } from './optimize-memory.ts';
import { CACHE_TTL_PRESETS, familyOfKey } from './ttl-presets.ts';

import type { CacheStats, TierStats } from './cache-stats.ts';
import { hitRate, TierCounters } from './cache-stats.ts';
import { PendingInvalidations } from './pending-invalidations.ts';
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

/** Keys deleted at once when replaying an outage's invalidations. */
const REPLAY_BATCH = 100;

interface Flight {
  value: unknown;
  source: 'redis' | 'loader';
}

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
 */
export class TieredCache {
  readonly memory: MemoryTier;
  readonly instanceId: string;
  readonly #redis: CircuitBreakerTier | undefined;
  readonly #bus: InvalidationBus | undefined;
  readonly #metrics: CacheMetrics;
  readonly #clock: () => number;
  readonly #defaultTtlMs: number;
  readonly #ttlPresets: Record<string, number>;
  readonly #timingMask: number;
  readonly #pendingInvalidations: PendingInvalidations;
  readonly #heapUsed: () => number;
  readonly #collectGarbage: (() => void) | undefined;
  readonly #publishTimeoutMs: number;
  readonly #inflight = new Map<string, Promise<Flight>>();
  readonly #pending = new Set<Promise<unknown>>();
  readonly #memoryCounters = new TierCounters();
  readonly #redisCounters = new TierCounters();
  readonly #loaderLatency = new LatencyRecorder();
  readonly #subscription: Promise<(() => Promise<void>) | undefined>;
  #memoryLookups = 0;
  #requests = 0;
  #hits = 0;
  #loaderCalls = 0;
  #loaderErrors = 0;
  #epoch = 0;
  #activeInvalidations = 0;
  #closed = false;

  constructor(options: TieredCacheOptions = {}) {
    const defaultTtlMs = options.defaultTtlMs ?? TIERED_CACHE_DEFAULTS.defaultTtlMs;
    const sampleRate =
      options.memoryTimingSampleRate ?? TIERED_CACHE_DEFAULTS.memoryTimingSampleRate;
    if (
      !Number.isSafeInteger(sampleRate) ||
      sampleRate < 1 ||
      (sampleRate & (sampleRate - 1)) !== 0
    ) {
      throw new CacheError(
        'INVALID_OPTIONS',
        'TieredCache: memoryTimingSampleRate must be a power of two',
      );
    }
    const ttlPresets: Record<string, number> = { ...CACHE_TTL_PRESETS, ...options.ttlPresets };
    try {
      normalizeTtl(defaultTtlMs);
      for (const ttl of Object.values(ttlPresets)) normalizeTtl(ttl);
    } catch (error) {
      throw new CacheError('INVALID_OPTIONS', 'TieredCache: TTLs must be positive numbers', {
        cause: error,
      });
    }
    this.instanceId = options.instanceId ?? randomUUID();
    this.#metrics = options.metrics ?? {};
    this.#clock = options.clock ?? (() => performance.now());
    this.#defaultTtlMs = defaultTtlMs;
    this.#ttlPresets = ttlPresets;
    this.#timingMask = sampleRate - 1;
    this.#pendingInvalidations = new PendingInvalidations(
      options.maxPendingInvalidations ?? TIERED_CACHE_DEFAULTS.maxPendingInvalidations,
    );
    this.#heapUsed = options.heapUsed ?? (() => process.memoryUsage().heapUsed);
    this.#collectGarbage = options.collectGarbage;
    this.memory = new MemoryTier({
      ...options.memory,
      ...(options.clock ? { clock: options.clock } : {}),
      popularKeysCapacity: options.popularKeysCapacity ?? TIERED_CACHE_DEFAULTS.popularKeysCapacity,
      onEvict: () => {
        this.#report(() => this.#metrics.recordEviction?.(this.memory.name));
      },
    });
    this.#publishTimeoutMs = options.breaker?.timeoutMs ?? CIRCUIT_BREAKER_DEFAULTS.timeoutMs;
    if (options.redis) {
      const redis = new CircuitBreakerTier(options.redis, options.breaker);
      redis.onStateChange((state, cause) => {
        this.#report(() =>
          this.#metrics.recordStatus?.(redis.name, state === 'open' ? 'down' : 'up'),
        );
        if (state === 'open')
          this.#report(() => this.#metrics.recordError?.(redis.name, 'breaker', cause));
        else this.#track(this.#replayPending());
      });
      this.#redis = redis;
    }
    this.#bus = options.bus;
    this.#subscription = this.#subscribe();
  }

  /** Resolves once the bus subscription is live (at once without a bus). Never rejects. */
  async ready(): Promise<void> {
    await this.#subscription;
  }

  /** Health per tier, without I/O. */
  status(): { memory: TierStatus; redis: TierStatus } {
    return { memory: 'up', redis: this.#redis?.status() ?? 'disabled' };
  }

  /**
   * The cached value of `key`, loading, caching and returning it on a miss.
   *
   * @throws {CacheError} `INVALID_KEY`, `INVALID_TTL`, or `INVALID_VALUE` when the loader's result
   * is not JSON; any error of the loader itself, unchanged.
   */
  getOrLoad<T>(key: string, loader: Loader<T>, options?: CacheWriteOptions): Promise<T> {
    // Hot path: a memory hit needs no validation (only valid keys are ever stored) and no await.
    const value = this.#lookupMemory(key);
    if (value !== undefined) {
      this.#requests++;
      this.#hits++;
      return Promise.resolve(value as T);
    }
    return this.#loadThrough(key, loader, options) as Promise<T>;
  }

  /** The cached value of `key` from memory or Redis, or `undefined`. @throws {CacheError} `INVALID_KEY`. */
  get<T>(key: string): Promise<T | undefined> {
    const value = this.#lookupMemory(key);
    if (value !== undefined) {
      this.#requests++;
      this.#hits++;
      return Promise.resolve(value as T);
    }
    return this.#getThrough(key) as Promise<T | undefined>;
  }

  /**
   * Writes `value` to memory and Redis and drops the key from other instances' memory.
   *
   * @throws {CacheError} `INVALID_KEY`, `INVALID_VALUE` or `INVALID_TTL`.
   */
  async set(key: string, value: unknown, options?: CacheWriteOptions): Promise<void> {
    assertValidKey(key, CACHE_KEY_LIMITS.maxKeyLength);
    const ttlMs = this.#ttlFor(key, options);
    serializeValue(value);
    this.#beginInvalidation();
    try {
      this.#inflight.delete(key);
      this.memory.setSync(key, value, ttlMs);
      const redis = this.#usableRedis();
      if (redis) {
        try {
          await redis.set(key, value, ttlMs);
        } catch (error) {
          this.#remoteFailed('set', error);
          this.#pendingInvalidations.remember({ keys: [key] });
        }
      } else if (this.#redis) {
        this.#pendingInvalidations.remember({ keys: [key] });
      }
      this.#publish(deleteMessages(this.instanceId, [key]));
    } finally {
      this.#endInvalidation();
    }
  }

  /** Removes `key` from every tier and every instance's memory; resolves whether a tier held it. */
  async delete(key: string): Promise<boolean> {
    assertValidKey(key, CACHE_KEY_LIMITS.maxKeyLength);
    this.#beginInvalidation();
    try {
      let remote = false;
      const redis = this.#usableRedis();
      if (redis) {
        try {
          remote = await redis.delete(key);
        } catch (error) {
          this.#remoteFailed('delete', error);
          this.#pendingInvalidations.remember({ keys: [key] });
        }
      } else if (this.#redis) {
        this.#pendingInvalidations.remember({ keys: [key] });
      }
      // Memory after Redis, so a concurrent read cannot copy the old Redis value back into memory.
      const local = this.memory.deleteSync(key);
      this.#inflight.delete(key);
      this.#publish(deleteMessages(this.instanceId, [key]));
      return local || remote;
    } finally {
      this.#endInvalidation();
    }
  }

  /**
   * Removes every key matching the glob (`*` any run, `?` one character, nothing else special) from
   * every tier and every instance's memory.
   *
   * @throws {CacheError} `INVALID_PATTERN` for an empty, too long or too wild pattern.
   */
  async clear(pattern: string): Promise<ClearResult> {
    const glob = compileGlob(pattern);
    this.#beginInvalidation();
    try {
      let remote: number | null = null;
      const redis = this.#usableRedis();
      if (redis) {
        try {
          remote = await redis.clear(glob.source);
        } catch (error) {
          this.#remoteFailed('clear', error);
          this.#pendingInvalidations.remember({ pattern: glob.source });
        }
      } else if (this.#redis) {
        this.#pendingInvalidations.remember({ pattern: glob.source });
      }
      const local = this.memory.clearSync(glob.source);
      this.#forgetFlights(glob);
      this.#publish([{ source: this.instanceId, type: 'clear', pattern: glob.source }]);
      return { memory: local, redis: remote };
    } finally {
      this.#endInvalidation();
    }
  }

  /**
   * Loads keys into memory ahead of traffic: the given keys, or the most requested ones
   * (`'popular'`, from bounded access counts). Keys already in memory are skipped unless `refresh`;
   * the rest are read from Redis in one round trip, and the remainder from their loaders.
   */
  async warm(
    keys: readonly string[] | 'popular',
    loaders: WarmLoaders,
    options: WarmOptions = {},
  ): Promise<WarmResult> {
    const limit = options.limit ?? TIERED_CACHE_DEFAULTS.warmLimit;
    const concurrency = Math.max(1, options.concurrency ?? TIERED_CACHE_DEFAULTS.warmConcurrency);
    const candidates = keys === 'popular' ? this.memory.popularKeys(limit) : [...new Set(keys)];
    const result: WarmResult = { warmed: [], skipped: [], failed: [] };
    const loaderFor = (key: string): Loader<unknown> | undefined =>
      typeof loaders === 'function'
        ? loaders(key)
        : Object.hasOwn(loaders, key)
          ? loaders[key]
          : undefined;

    const toFetch: string[] = [];
    for (const key of candidates) {
      try {
        assertValidKey(key, CACHE_KEY_LIMITS.maxKeyLength);
        this.#ttlFor(key, options);
      } catch (error) {
        result.failed.push({ key, error });
        continue;
      }
      if (!options.refresh && this.memory.has(key)) result.skipped.push(key);
      else toFetch.push(key);
    }

    let toLoad = toFetch;
    const redis = this.#usableRedis();
    if (redis && !options.refresh && toFetch.length > 0) {
      const epoch = this.#epoch;
      try {
        const entries = await redis.getMany(toFetch);
        toLoad = [];
        toFetch.forEach((key, index) => {
          const entry = entries[index];
          if (entry && this.#promote(key, entry, this.#ttlFor(key, options), epoch) !== undefined) {
            result.warmed.push(key);
          } else {
            toLoad.push(key);
          }
        });
      } catch (error) {
        this.#remoteFailed('getMany', error);
      }
    }

    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < toLoad.length) {
        const key = toLoad[next++]!;
        const loader = loaderFor(key);
        if (!loader) {
          result.skipped.push(key);
          continue;
        }
        try {
          const ttlMs = this.#ttlFor(key, options);
          const flight =
            this.#inflight.get(key) ?? this.#startFlight(key, () => this.#load(key, loader, ttlMs));
          const { value } = await flight;
          if (value === undefined) result.skipped.push(key);
          else result.warmed.push(key);
        } catch (error) {
          result.failed.push({ key, error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, toLoad.length) }, worker));
    return result;
  }

  /**
   * Per-tier hits, misses, hit rate, response times, bytes, keys, evictions, compression and
   * status, plus the overall hit rate. Asks Redis for its size (bounded by the breaker's bulk
   * timeout); Redis figures are `null` when it cannot answer.
   */
  async stats(): Promise<CacheStats> {
    const memorySize = this.memory.sizeSync();
    const usage = this.memory.usage();
    const memoryLatency = this.#memoryCounters.latency.summary();
    const tiers: TierStats[] = [
      {
        name: this.memory.name,
        status: 'up',
        hits: this.#memoryCounters.hits,
        misses: this.#memoryCounters.misses,
        errors: this.#memoryCounters.errors,
        hitRate: hitRate(this.#memoryCounters.hits, this.#memoryCounters.misses),
        avgResponseMs: memoryLatency.avgMs,
        p95ResponseMs: memoryLatency.p95Ms,
        bytes: memorySize.bytes,
        keys: memorySize.keys,
        evictions: usage.evictions,
        compressionRatio: usage.compressionRatio,
        bytesSaved: usage.bytesSaved,
      },
    ];
    const redis = this.#redis;
    const redisLatency = this.#redisCounters.latency.summary();
    let redisSize: { keys: number; bytes: number } | undefined;
    if (redis?.status() === 'up') {
      try {
        redisSize = await redis.size();
      } catch (error) {
        this.#remoteFailed('size', error);
      }
    }
    tiers.push({
      name: redis?.name ?? 'redis',
      status: redis?.status() ?? 'disabled',
      hits: this.#redisCounters.hits,
      misses: this.#redisCounters.misses,
      errors: this.#redisCounters.errors,
      hitRate: hitRate(this.#redisCounters.hits, this.#redisCounters.misses),
      avgResponseMs: redisLatency.avgMs,
      p95ResponseMs: redisLatency.p95Ms,
      bytes: redisSize?.bytes ?? null,
      keys: redisSize?.keys ?? null,
      evictions: null,
      compressionRatio: null,
      bytesSaved: null,
    });
    const loader = this.#loaderLatency.summary();
    const misses = this.#requests - this.#hits;
    return {
      tiers,
      overall: {
        requests: this.#requests,
        hits: this.#hits,
        misses,
        hitRate: hitRate(this.#hits, misses),
      },
      loader: {
        calls: this.#loaderCalls,
        errors: this.#loaderErrors,
        avgMs: loader.avgMs,
        p95Ms: loader.p95Ms,
      },
      inflight: this.#inflight.size,
      pendingInvalidations: this.#pendingInvalidations.size,
    };
  }

  /**
   * Frees memory: drops expired entries, trims the memory tier to `targetShare` of its bound
   * (least recently used first) and runs a full GC when one is available (`collectGarbage`).
   * @throws {CacheError} `INVALID_OPTIONS` for a share outside 0..1.
   */
  optimizeMemory(options: OptimizeMemoryOptions = {}): OptimizeMemoryResult {
    return optimizeMemoryTier(this.memory, options, {
      heapUsed: this.#heapUsed,
      collectGarbage: this.#collectGarbage,
    });
  }

  /** Resolves when background Redis writes and bus publications started so far have settled. */
  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  /** Stops the breaker probe, leaves the bus and waits for background work. The clients stay open. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#redis?.close();
    const unsubscribe = await this.#subscription;
    await this.flush();
    try {
      await unsubscribe?.();
    } catch (error) {
      this.#report(() => this.#metrics.recordError?.('bus', 'unsubscribe', error));
    }
  }

  #lookupMemory(key: string): unknown {
    const counters = this.#memoryCounters;
    const timed = (++this.#memoryLookups & this.#timingMask) === 0;
    const start = timed ? this.#clock() : 0;
    const value = this.memory.getSync(key);
    const durationMs = timed ? this.#clock() - start : undefined;
    if (durationMs !== undefined) counters.latency.record(durationMs);
    if (value === undefined) {
      counters.misses++;
      this.#recordLookup(this.memory.name, 'miss', durationMs);
    } else {
      counters.hits++;
      this.#recordLookup(this.memory.name, 'hit', durationMs);
    }
    return value;
  }

  async #loadThrough(
    key: string,
    loader: Loader<unknown>,
    options?: CacheWriteOptions,
  ): Promise<unknown> {
    assertValidKey(key, CACHE_KEY_LIMITS.maxKeyLength);
    const ttlMs = this.#ttlFor(key, options);
    this.#requests++;
    const flight =
      this.#inflight.get(key) ??
      this.#startFlight(key, () => this.#readThrough(key, loader, ttlMs));
    const { value, source } = await flight;
    if (source === 'redis') this.#hits++;
    return value;
  }

  async #getThrough(key: string): Promise<unknown> {
    assertValidKey(key, CACHE_KEY_LIMITS.maxKeyLength);
    this.#requests++;
    const inflight = this.#inflight.get(key);
    if (inflight) {
      try {
        const { value, source } = await inflight;
        if (source === 'redis') this.#hits++;
        return value;
      } catch {
        return undefined;
      }
    }
    const epoch = this.#epoch;
    const entry = await this.#lookupRedis(key);
    if (entry === undefined) return undefined;
    const value = this.#promote(key, entry, this.#ttlFor(key, undefined), epoch);
    if (value !== undefined) this.#hits++;
    return value;
  }

  #startFlight(key: string, run: () => Promise<Flight>): Promise<Flight> {
    const flight: Promise<Flight> = run().finally(() => {
      if (this.#inflight.get(key) === flight) this.#inflight.delete(key);
    });
    this.#inflight.set(key, flight);
    return flight;
  }

  async #readThrough(key: string, loader: Loader<unknown>, ttlMs: number): Promise<Flight> {
    const epoch = this.#epoch;
    const entry = await this.#lookupRedis(key);
    if (entry !== undefined) {
      const value = this.#promote(key, entry, ttlMs, epoch);
      if (value !== undefined) return { value, source: 'redis' };
    }
    return this.#load(key, loader, ttlMs, epoch);
  }

  async #load(
    key: string,
    loader: Loader<unknown>,
    ttlMs: number,
    epoch = this.#epoch,
  ): Promise<Flight> {
    this.#loaderCalls++;
    const start = this.#clock();
    let loaded: unknown;
    try {
      loaded = await loader();
    } catch (error) {
      this.#loaderErrors++;
      this.#recordLoad('error', this.#clock() - start);
      throw error;
    }
    const durationMs = this.#clock() - start;
    this.#loaderLatency.record(durationMs);
    this.#recordLoad('success', durationMs);
    if (loaded === undefined) return { value: undefined, source: 'loader' };
    if (!this.#canWrite(epoch)) {
      return { value: deepFreeze(JSON.parse(serializeValue(loaded))), source: 'loader' };
    }
    const value = this.memory.setSync(key, loaded, ttlMs);
    const redis = this.#usableRedis();
    if (redis) {
      // In the background: the caller has its value and must not wait for Redis a second time.
      this.#track(
        redis.set(key, value, ttlMs).catch((error: unknown) => {
          this.#remoteFailed('set', error);
        }),
      );
    }
    return { value, source: 'loader' };
  }

  /** A Redis entry, or `undefined` on a miss, on an error, or while Redis is down or disabled. */
  async #lookupRedis(key: string): Promise<CacheEntry | undefined> {
    const redis = this.#usableRedis();
    if (!redis) return undefined;
    const counters = this.#redisCounters;
    const start = this.#clock();
    try {
      const entry = await redis.get(key);
      const durationMs = this.#clock() - start;
      counters.latency.record(durationMs);
      if (entry === undefined || !(entry.ttlMs > 0)) {
        counters.misses++;
        this.#recordLookup(redis.name, 'miss', durationMs);
        return undefined;
      }
      counters.hits++;
      this.#recordLookup(redis.name, 'hit', durationMs);
      return entry;
    } catch (error) {
      const durationMs = this.#clock() - start;
      counters.errors++;
      counters.latency.record(durationMs);
      this.#recordLookup(redis.name, 'error', durationMs);
      this.#remoteFailed('get', error);
      return undefined;
    }
  }

  /** Copies a Redis entry into memory for no longer than it has left in Redis; returns the value. */
  #promote(key: string, entry: CacheEntry, ttlMs: number, epoch: number): unknown {
    const ttl = Math.min(ttlMs, entry.ttlMs);
    if (!(ttl > 0) || entry.value === undefined) return undefined;
    return this.#canWrite(epoch) ? this.memory.setSync(key, entry.value, ttl) : entry.value;
  }

  /** Later callers start a fresh load instead of joining one that may have read invalidated data. */
  #forgetFlights(glob: GlobPattern): void {
    for (const key of [...this.#inflight.keys()]) {
      if (glob.matches(key)) this.#inflight.delete(key);
    }
  }

  #usableRedis(): CircuitBreakerTier | undefined {
    const redis = this.#redis;
    return redis !== undefined && redis.status() === 'up' ? redis : undefined;
  }

  #ttlFor(key: string, options: CacheWriteOptions | undefined): number {
    if (options?.ttlMs !== undefined) return normalizeTtl(options.ttlMs);
    const family = options?.family ?? familyOfKey(key);
    const preset = family === undefined ? undefined : this.#ttlPresets[family];
    if (options?.family !== undefined && preset === undefined) {
      throw new CacheError('INVALID_TTL', `unknown key family ${JSON.stringify(options.family)}`);
    }
    return preset ?? this.#defaultTtlMs;
  }

  #canWrite(epoch: number): boolean {
    return this.#epoch === epoch && this.#activeInvalidations === 0;
  }

  #beginInvalidation(): void {
    this.#epoch++;
    this.#activeInvalidations++;
  }

  #endInvalidation(): void {
    this.#activeInvalidations--;
    this.#epoch++;
  }

  async #subscribe(): Promise<(() => Promise<void>) | undefined> {
    if (!this.#bus) return undefined;
    try {
      return await this.#bus.subscribe((message) => {
        this.#applyRemote(message);
      });
    } catch (error) {
      this.#report(() => this.#metrics.recordError?.('bus', 'subscribe', error));
      return undefined;
    }
  }

  #applyRemote(message: InvalidationMessage): void {
    if (message.source === this.instanceId) return;
    // Loads in flight here may have read what the other instance just invalidated.
    this.#epoch++;
    if (message.type === 'delete') {
      for (const key of message.keys) {
        this.memory.deleteSync(key);
        this.#inflight.delete(key);
      }
      return;
    }
    try {
      const glob = compileGlob(message.pattern);
      this.memory.clearSync(glob.source);
      this.#forgetFlights(glob);
    } catch (error) {
      this.#report(() => this.#metrics.recordError?.('bus', 'apply', error));
    }
  }

  #publish(messages: InvalidationMessage[]): void {
    const bus = this.#bus;
    if (!bus) return;
    for (const message of messages) {
      const sent = withTimeout(bus.publish(message), this.#publishTimeoutMs, 'bus publish').catch(
        (error: unknown) => {
          this.#report(() => this.#metrics.recordError?.('bus', 'publish', error));
          // Replayed with the Redis journal; harmless to repeat if it did get through late.
          if (this.#redis) {
            this.#pendingInvalidations.remember(
              message.type === 'delete' ? { keys: message.keys } : { pattern: message.pattern },
            );
          }
        },
      );
      this.#track(sent);
    }
  }

  /**
   * Sends Redis and the bus what they missed while Redis was down. Counts as an invalidation, so a
   * load that reads a not-yet-deleted stale value meanwhile does not cache it.
   */
  async #replayPending(): Promise<void> {
    const redis = this.#usableRedis();
    if (!redis || this.#pendingInvalidations.size === 0) return;
    const { keys, patterns } = this.#pendingInvalidations.drain();
    this.#beginInvalidation();
    try {
      await this.#replay(redis, keys, patterns);
    } finally {
      this.#endInvalidation();
    }
  }

  async #replay(redis: CircuitBreakerTier, keys: string[], patterns: string[]): Promise<void> {
    for (const pattern of patterns) {
      try {
        await redis.clear(pattern);
      } catch (error) {
        this.#remoteFailed('clear', error);
        this.#pendingInvalidations.remember({ pattern });
      }
    }
    for (let start = 0; start < keys.length; start += REPLAY_BATCH) {
      const batch = keys.slice(start, start + REPLAY_BATCH);
      const results = await Promise.allSettled(batch.map((key) => redis.delete(key)));
      const failed = batch.filter((_, index) => results[index]?.status === 'rejected');
      this.#pendingInvalidations.remember({ keys: failed });
    }
    this.#publish([
      ...patterns.map((pattern): InvalidationMessage => ({
        source: this.instanceId,
        type: 'clear',
        pattern,
      })),
      ...deleteMessages(this.instanceId, keys),
    ]);
  }

  #remoteFailed(operation: string, error: unknown): void {
    this.#report(() => this.#metrics.recordError?.(this.#redis?.name ?? 'redis', operation, error));
  }

  #track(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      (error: unknown) => {
        this.#report(() => this.#metrics.recordError?.('cache', 'background', error));
      },
    );
    this.#pending.add(settled);
    void settled.finally(() => this.#pending.delete(settled));
  }

  #recordLookup(tier: string, outcome: LookupOutcome, durationMs: number | undefined): void {
    try {
      this.#metrics.recordLookup?.(tier, outcome, durationMs);
    } catch {
      // Telemetry never fails a request.
    }
  }

  #recordLoad(outcome: 'success' | 'error', durationMs: number): void {
    this.#report(() => this.#metrics.recordLoad?.(outcome, durationMs));
  }

  #report(emit: () => void): void {
    try {
      emit();
    } catch {
      // Telemetry never fails a request.
    }
  }
}
