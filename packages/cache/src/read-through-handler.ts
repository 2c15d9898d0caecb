import { assertValidKey, CACHE_KEY_LIMITS } from './cache-key.ts';
import type { CacheStack } from './cache-stack.ts';
import type { GlobPattern } from './glob-pattern.ts';
import { deepFreeze, serializeValue } from './json-value.ts';
import { LOAD_LOCK_DEFAULTS } from './load-lock.ts';
import type { LoadLock } from './load-lock.ts';
import type { CacheWriteOptions, Loader } from './tiered-cache-options.ts';

const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/** One load of a key, shared by every caller that asks for it meanwhile. */
export interface Flight {
  value: unknown;
  source: 'redis' | 'loader';
}

/**
 * Read-through with stampede protection: memory, then Redis, then the loader, with one load per key
 * at a time. Concurrent callers share the load's promise; a failing loader rejects them all and
 * caches nothing. A load that overlaps an invalidation (epoch check) returns its value uncached.
 * With a {@link LoadLock}, one instance of the deployment loads a cold key while the others wait
 * for its value in Redis; when the lock cannot be reached, each instance loads for itself.
 */
export class ReadThroughHandler {
  readonly #stack: CacheStack;
  readonly #lock: LoadLock | undefined;
  readonly #inflight = new Map<string, Promise<Flight>>();

  constructor(stack: CacheStack, lock?: LoadLock) {
    this.#stack = stack;
    this.#lock = lock;
  }

  /** Loads in flight right now. */
  get inflight(): number {
    return this.#inflight.size;
  }

  getOrLoad<T>(key: string, loader: Loader<T>, options?: CacheWriteOptions): Promise<T> {
    // Hot path: a memory hit needs no validation (only valid keys are ever stored) and no await.
    const value = this.#stack.lookupMemory(key);
    if (value !== undefined) {
      const counters = this.#stack.counters;
      counters.requests++;
      counters.hits++;
      return Promise.resolve(value as T);
    }
    return this.#loadThrough(key, loader, options) as Promise<T>;
  }

  get<T>(key: string): Promise<T | undefined> {
    const value = this.#stack.lookupMemory(key);
    if (value !== undefined) {
      const counters = this.#stack.counters;
      counters.requests++;
      counters.hits++;
      return Promise.resolve(value as T);
    }
    return this.#getThrough(key) as Promise<T | undefined>;
  }

  /** The load of `key` in flight, or a new one from `loader` that skips Redis. */
  loadShared(key: string, loader: Loader<unknown>, ttlMs: number): Promise<Flight> {
    return this.#inflight.get(key) ?? this.#startFlight(key, () => this.#load(key, loader, ttlMs));
  }

  /** Later callers of `key` start a fresh load instead of joining one that read invalidated data. */
  forget(key: string): void {
    this.#inflight.delete(key);
  }

  /** {@link forget} for every key matching `glob`. */
  forgetMatching(glob: GlobPattern): void {
    for (const key of [...this.#inflight.keys()]) {
      if (glob.matches(key)) this.#inflight.delete(key);
    }
  }

  async #loadThrough(
    key: string,
    loader: Loader<unknown>,
    options?: CacheWriteOptions,
  ): Promise<unknown> {
    assertValidKey(key, CACHE_KEY_LIMITS.maxKeyLength);
    const ttlMs = this.#stack.ttlFor(key, options);
    const counters = this.#stack.counters;
    counters.requests++;
    const flight =
      this.#inflight.get(key) ??
      this.#startFlight(key, () => this.#readThrough(key, loader, ttlMs));
    const { value, source } = await flight;
    if (source === 'redis') counters.hits++;
    return value;
  }

  async #getThrough(key: string): Promise<unknown> {
    assertValidKey(key, CACHE_KEY_LIMITS.maxKeyLength);
    const stack = this.#stack;
    stack.counters.requests++;
    const inflight = this.#inflight.get(key);
    if (inflight) {
      try {
        const { value, source } = await inflight;
        if (source === 'redis') stack.counters.hits++;
        return value;
      } catch {
        return undefined;
      }
    }
    const epoch = stack.epoch;
    const entry = await stack.lookupRedis(key);
    if (entry === undefined) return undefined;
    const value = stack.promote(key, entry, stack.ttlFor(key, undefined), epoch);
    if (value !== undefined) stack.counters.hits++;
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
    const stack = this.#stack;
    const epoch = stack.epoch;
    const entry = await stack.lookupRedis(key);
    if (entry !== undefined) {
      const value = stack.promote(key, entry, ttlMs, epoch);
      if (value !== undefined) return { value, source: 'redis' };
    }
    if (this.#lock && stack.usableRedis()) {
      return this.#loadOnceAcrossInstances(this.#lock, key, loader, ttlMs, epoch);
    }
    return this.#load(key, loader, ttlMs, epoch);
  }

  /** Loads under the deployment-wide lock, or waits for the holder's value in Redis. */
  async #loadOnceAcrossInstances(
    lock: LoadLock,
    key: string,
    loader: Loader<unknown>,
    ttlMs: number,
    epoch: number,
  ): Promise<Flight> {
    let release: (() => Promise<void>) | null;
    try {
      release = await lock.acquire(key, LOAD_LOCK_DEFAULTS.ttlMs);
    } catch {
      return this.#load(key, loader, ttlMs, epoch);
    }
    const stack = this.#stack;
    if (release) {
      try {
        // A holder that finished between our miss and our lock has left its value in Redis.
        const entry = await stack.lookupRedis(key);
        const value = entry === undefined ? undefined : stack.promote(key, entry, ttlMs, epoch);
        if (value !== undefined) return { value, source: 'redis' };
        // Others read the value from Redis as soon as the lock is gone: write it first.
        return await this.#load(key, loader, ttlMs, epoch, true);
      } finally {
        await release().catch(() => undefined);
      }
    }
    const deadline = stack.now() + LOAD_LOCK_DEFAULTS.ttlMs;
    while (stack.now() < deadline) {
      await pause(LOAD_LOCK_DEFAULTS.pollMs);
      let held: boolean;
      try {
        held = await lock.held(key);
      } catch {
        break;
      }
      const entry = await stack.lookupRedis(key);
      if (entry !== undefined) {
        const value = stack.promote(key, entry, ttlMs, epoch);
        if (value !== undefined) return { value, source: 'redis' };
      }
      // Released without a value (its loader failed or returned nothing): load here.
      if (!held) break;
    }
    return this.#load(key, loader, ttlMs, epoch);
  }

  async #load(
    key: string,
    loader: Loader<unknown>,
    ttlMs: number,
    epoch = this.#stack.epoch,
    awaitRedisWrite = false,
  ): Promise<Flight> {
    const stack = this.#stack;
    const counters = stack.counters;
    counters.loaderCalls++;
    const start = stack.now();
    let loaded: unknown;
    try {
      loaded = await loader();
    } catch (error) {
      counters.loaderErrors++;
      stack.recordLoad('error', stack.now() - start);
      throw error;
    }
    const durationMs = stack.now() - start;
    counters.loaderLatency.record(durationMs);
    stack.recordLoad('success', durationMs);
    if (loaded === undefined) return { value: undefined, source: 'loader' };
    if (!stack.canWrite(epoch)) {
      return { value: deepFreeze(JSON.parse(serializeValue(loaded))), source: 'loader' };
    }
    const value = stack.memory.setSync(key, loaded, ttlMs);
    const redis = stack.usableRedis();
    if (redis) {
      // In the background: the caller has its value and must not wait for Redis a second time
      // (unless other instances wait for this value under the load lock).
      const write = redis.set(key, value, ttlMs).catch((error: unknown) => {
        stack.remoteFailed('set', error);
      });
      if (awaitRedisWrite) await write;
      else stack.track(write);
    }
    return { value, source: 'loader' };
  }
}
