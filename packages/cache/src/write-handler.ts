import { assertValidKey, CACHE_KEY_LIMITS } from './cache-key.ts';
import type { CacheStack } from './cache-stack.ts';
import type { CircuitBreakerTier } from './circuit-breaker-tier.ts';
import { compileGlob } from './glob-pattern.ts';
import { deleteMessages } from './invalidation-bus.ts';
import type { InvalidationJournal } from './invalidation-journal.ts';
import { serializeValue } from './json-value.ts';
import type { ReadThroughHandler } from './read-through-handler.ts';
import type { CacheWriteOptions, ClearResult } from './tiered-cache-options.ts';

/**
 * `set`, `delete` and `clear`: Redis first, then memory, then the bus, each inside an invalidation
 * (epoch) so no overlapping load caches what they replace. What Redis misses goes to the journal.
 */
export class WriteHandler {
  readonly #stack: CacheStack;
  readonly #reads: ReadThroughHandler;
  readonly #journal: InvalidationJournal;

  constructor(stack: CacheStack, reads: ReadThroughHandler, journal: InvalidationJournal) {
    this.#stack = stack;
    this.#reads = reads;
    this.#journal = journal;
  }

  async set(key: string, value: unknown, options?: CacheWriteOptions): Promise<void> {
    const stack = this.#stack;
    assertValidKey(key, CACHE_KEY_LIMITS.maxKeyLength);
    const ttlMs = stack.ttlFor(key, options);
    serializeValue(value);
    stack.beginInvalidation();
    try {
      this.#reads.forget(key);
      stack.memory.setSync(key, value, ttlMs);
      await this.#inRedis('set', { keys: [key] }, (redis) => redis.set(key, value, ttlMs));
      this.#journal.publish(deleteMessages(stack.instanceId, [key]));
    } finally {
      stack.endInvalidation();
    }
  }

  async delete(key: string): Promise<boolean> {
    const stack = this.#stack;
    assertValidKey(key, CACHE_KEY_LIMITS.maxKeyLength);
    stack.beginInvalidation();
    try {
      const remote =
        (await this.#inRedis('delete', { keys: [key] }, (redis) => redis.delete(key))) ?? false;
      // Memory after Redis, so a concurrent read cannot copy the old Redis value back into memory.
      const local = stack.memory.deleteSync(key);
      this.#reads.forget(key);
      this.#journal.publish(deleteMessages(stack.instanceId, [key]));
      return local || remote;
    } finally {
      stack.endInvalidation();
    }
  }

  async clear(pattern: string): Promise<ClearResult> {
    const stack = this.#stack;
    const glob = compileGlob(pattern);
    stack.beginInvalidation();
    try {
      const remote =
        (await this.#inRedis('clear', { pattern: glob.source }, (redis) =>
          redis.clear(glob.source),
        )) ?? null;
      const local = stack.memory.clearSync(glob.source);
      this.#reads.forgetMatching(glob);
      this.#journal.publish([{ source: stack.instanceId, type: 'clear', pattern: glob.source }]);
      return { memory: local, redis: remote };
    } finally {
      stack.endInvalidation();
    }
  }

  /** Runs `write` on Redis when it is up; journals `invalidation` when it is down or the write fails. */
  async #inRedis<T>(
    operation: string,
    invalidation: { keys?: readonly string[]; pattern?: string },
    write: (redis: CircuitBreakerTier) => Promise<T>,
  ): Promise<T | undefined> {
    const redis = this.#stack.usableRedis();
    if (!redis) {
      this.#journal.remember(invalidation);
      return undefined;
    }
    try {
      return await write(redis);
    } catch (error) {
      this.#stack.remoteFailed(operation, error);
      this.#journal.remember(invalidation);
      return undefined;
    }
  }
}
