import { randomUUID } from 'node:crypto';
import { CacheError } from './cache-error.ts';
import type { CacheMetrics, LookupOutcome } from './cache-metrics.ts';
import { CacheCounters } from './cache-stats.ts';
import type { CacheEntry, LocalCacheTier, TierStatus } from './cache-tier.ts';
import { CircuitBreakerTier, CIRCUIT_BREAKER_DEFAULTS } from './circuit-breaker-tier.ts';
import type { InvalidationBus } from './invalidation-bus.ts';
import { normalizeTtl } from './json-value.ts';
import type { CacheWriteOptions, TieredCacheOptions } from './tiered-cache-options.ts';
import { TIERED_CACHE_DEFAULTS } from './tiered-cache-options.ts';
import { CACHE_TTL_PRESETS, familyOfKey } from './ttl-presets.ts';
import type { CacheKeyFamily } from './ttl-presets.ts';

/** Checked TTL and timing settings of a stack. */
export interface StackSettings {
  defaultTtlMs: number;
  ttlPresets: Record<string, number>;
  /** `memoryTimingSampleRate - 1`: a lookup is timed when its number masked by this is 0. */
  timingMask: number;
}

/**
 * Checks the TTL and sampling options before any tier is built.
 * @throws {CacheError} `INVALID_OPTIONS`.
 */
export function resolveStackSettings(options: TieredCacheOptions): StackSettings {
  const defaultTtlMs = options.defaultTtlMs ?? TIERED_CACHE_DEFAULTS.defaultTtlMs;
  const sampleRate = options.memoryTimingSampleRate ?? TIERED_CACHE_DEFAULTS.memoryTimingSampleRate;
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
  return { defaultTtlMs, ttlPresets, timingMask: sampleRate - 1 };
}

/**
 * The layers of a `TieredCache` (L1 memory, L2 Redis behind its circuit breaker, the invalidation
 * bus) and what every part shares: lookups per tier with their counters and telemetry, TTLs, the
 * invalidation epoch and the background work `flush()` waits for. Holds no policy of its own: the
 * read-through handler, the writes, the journal and warming decide when to call what.
 */
export class CacheStack {
  readonly memory: LocalCacheTier;
  readonly redis: CircuitBreakerTier | undefined;
  readonly bus: InvalidationBus | undefined;
  readonly instanceId: string;
  readonly counters = new CacheCounters();
  /** Deadline of one bus publication: the breaker's timeout. */
  readonly publishTimeoutMs: number;
  readonly #metrics: CacheMetrics;
  readonly #clock: () => number;
  readonly #settings: StackSettings;
  readonly #pending = new Set<Promise<unknown>>();
  #epoch = 0;
  #activeInvalidations = 0;

  constructor(memory: LocalCacheTier, options: TieredCacheOptions, settings: StackSettings) {
    this.memory = memory;
    this.instanceId = options.instanceId ?? randomUUID();
    this.#metrics = options.metrics ?? {};
    this.#clock = options.clock ?? (() => performance.now());
    this.#settings = settings;
    this.publishTimeoutMs = options.breaker?.timeoutMs ?? CIRCUIT_BREAKER_DEFAULTS.timeoutMs;
    if (options.redis) {
      const redis = new CircuitBreakerTier(options.redis, options.breaker);
      redis.onStateChange((state, cause) => {
        this.report((m) => m.recordStatus?.(redis.name, state === 'open' ? 'down' : 'up'));
        if (state === 'open') this.report((m) => m.recordError?.(redis.name, 'breaker', cause));
      });
      this.redis = redis;
    }
    this.bus = options.bus;
  }

  /** Health per tier, without I/O. */
  status(): { memory: TierStatus; redis: TierStatus } {
    return { memory: 'up', redis: this.redis?.status() ?? 'disabled' };
  }

  /** The breaker-wrapped Redis tier while it is up; `undefined` while it is down or disabled. */
  usableRedis(): CircuitBreakerTier | undefined {
    const redis = this.redis;
    return redis !== undefined && redis.status() === 'up' ? redis : undefined;
  }

  /** The TTL preset of a key family now (after any {@link CacheStack.setFamilyTtl}). */
  familyTtl(family: CacheKeyFamily): number {
    return this.#settings.ttlPresets[family] ?? this.#settings.defaultTtlMs;
  }

  /** Replaces a family's TTL preset for writes from now on. @throws {CacheError} `INVALID_TTL`. */
  setFamilyTtl(family: CacheKeyFamily, ttlMs: number): void {
    this.#settings.ttlPresets[family] = normalizeTtl(ttlMs);
  }

  /** The TTL of a write: explicit, else the key family's preset, else the default. */
  ttlFor(key: string, options: CacheWriteOptions | undefined): number {
    if (options?.ttlMs !== undefined) return normalizeTtl(options.ttlMs);
    const family = options?.family ?? familyOfKey(key);
    const preset = family === undefined ? undefined : this.#settings.ttlPresets[family];
    if (options?.family !== undefined && preset === undefined) {
      throw new CacheError('INVALID_TTL', `unknown key family ${JSON.stringify(options.family)}`);
    }
    return preset ?? this.#settings.defaultTtlMs;
  }

  /** Hot path: one memory read, timed one time in `memoryTimingSampleRate`. */
  lookupMemory(key: string): unknown {
    const counters = this.counters;
    const timed = (++counters.memoryLookups & this.#settings.timingMask) === 0;
    const start = timed ? this.#clock() : 0;
    const value = this.memory.getSync(key);
    const durationMs = timed ? this.#clock() - start : undefined;
    const tier = counters.memory;
    if (durationMs !== undefined) tier.latency.record(durationMs);
    if (value === undefined) {
      tier.misses++;
      this.#recordLookup(this.memory.name, 'miss', durationMs);
    } else {
      tier.hits++;
      this.#recordLookup(this.memory.name, 'hit', durationMs);
    }
    return value;
  }

  /** A Redis entry, or `undefined` on a miss, on an error, or while Redis is down or disabled. */
  async lookupRedis(key: string): Promise<CacheEntry | undefined> {
    const redis = this.usableRedis();
    if (!redis) return undefined;
    const counters = this.counters.redis;
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
      this.remoteFailed('get', error);
      return undefined;
    }
  }

  /** Copies a Redis entry into memory for no longer than it has left in Redis; returns the value. */
  promote(key: string, entry: CacheEntry, ttlMs: number, epoch: number): unknown {
    const ttl = Math.min(ttlMs, entry.ttlMs);
    if (!(ttl > 0) || entry.value === undefined) return undefined;
    return this.canWrite(epoch) ? this.memory.setSync(key, entry.value, ttl) : entry.value;
  }

  /** Bumped by every invalidation; a load may cache its result only if it is unchanged. */
  get epoch(): number {
    return this.#epoch;
  }

  canWrite(epoch: number): boolean {
    return this.#epoch === epoch && this.#activeInvalidations === 0;
  }

  beginInvalidation(): void {
    this.#epoch++;
    this.#activeInvalidations++;
  }

  endInvalidation(): void {
    this.#activeInvalidations--;
    this.#epoch++;
  }

  /** Another instance invalidated: loads in flight here may have read what it dropped. */
  invalidatedElsewhere(): void {
    this.#epoch++;
  }

  /** Keeps `work` for `flush()`; its failure is reported, never thrown. */
  track(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      (error: unknown) => {
        this.report((m) => m.recordError?.('cache', 'background', error));
      },
    );
    this.#pending.add(settled);
    void settled.finally(() => this.#pending.delete(settled));
  }

  /** Resolves when background work started so far has settled. */
  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  recordEviction(): void {
    this.report((m) => m.recordEviction?.(this.memory.name));
  }

  recordLoad(outcome: 'success' | 'error', durationMs: number): void {
    this.report((m) => m.recordLoad?.(outcome, durationMs));
  }

  remoteFailed(operation: string, error: unknown): void {
    this.report((m) => m.recordError?.(this.redis?.name ?? 'redis', operation, error));
  }

  /** Milliseconds on the injected clock. */
  now(): number {
    return this.#clock();
  }

  /** Calls the metrics adapter; telemetry never fails a request. */
  report(emit: (metrics: CacheMetrics) => void): void {
    try {
      emit(this.#metrics);
    } catch {
      // Telemetry never fails a request.
    }
  }

  #recordLookup(tier: string, outcome: LookupOutcome, durationMs: number | undefined): void {
    try {
      this.#metrics.recordLookup?.(tier, outcome, durationMs);
    } catch {
      // Telemetry never fails a request.
    }
  }
}
