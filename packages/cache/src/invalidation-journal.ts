import type { CacheStack } from './cache-stack.ts';
import type { CircuitBreakerTier } from './circuit-breaker-tier.ts';
import { withTimeout } from './circuit-breaker-tier.ts';
import type { GlobPattern } from './glob-pattern.ts';
import { compileGlob } from './glob-pattern.ts';
import type { InvalidationMessage } from './invalidation-bus.ts';
import { deleteMessages } from './invalidation-bus.ts';
import { PendingInvalidations } from './pending-invalidations.ts';

/** Keys deleted at once when replaying an outage's invalidations. */
const REPLAY_BATCH = 100;

/** Loads in flight that an invalidation must detach (the read-through handler). */
export interface FlightRegistry {
  forget(key: string): void;
  forgetMatching(glob: GlobPattern): void;
}

/**
 * Invalidations between the stack and the world: publishes them on the bus, applies those of other
 * instances to memory, and journals what Redis or the bus missed during an outage (bounded, see
 * {@link PendingInvalidations}) to replay it when the breaker closes.
 */
export class InvalidationJournal {
  readonly #stack: CacheStack;
  readonly #flights: FlightRegistry;
  readonly #pending: PendingInvalidations;

  constructor(stack: CacheStack, flights: FlightRegistry, capacity: number) {
    this.#stack = stack;
    this.#flights = flights;
    this.#pending = new PendingInvalidations(capacity);
  }

  /** Invalidations waiting for Redis to come back. */
  get size(): number {
    return this.#pending.size;
  }

  /** Journals an invalidation Redis or the bus missed; without Redis there is nothing to replay to. */
  remember(invalidation: { keys?: readonly string[]; pattern?: string }): void {
    if (this.#stack.redis) this.#pending.remember(invalidation);
  }

  /** Sends `messages` on the bus in the background; a failed one is journalled. */
  publish(messages: InvalidationMessage[]): void {
    const stack = this.#stack;
    const bus = stack.bus;
    if (!bus) return;
    for (const message of messages) {
      const sent = withTimeout(bus.publish(message), stack.publishTimeoutMs, 'bus publish').catch(
        (error: unknown) => {
          stack.report((m) => m.recordError?.('bus', 'publish', error));
          // Replayed with the Redis journal; harmless to repeat if it did get through late.
          this.remember(
            message.type === 'delete' ? { keys: message.keys } : { pattern: message.pattern },
          );
        },
      );
      stack.track(sent);
    }
  }

  /** Listens to other instances' invalidations; resolves the unsubscribe function, never rejects. */
  async subscribe(): Promise<(() => Promise<void>) | undefined> {
    const bus = this.#stack.bus;
    if (!bus) return undefined;
    try {
      return await bus.subscribe((message) => {
        this.#applyRemote(message);
      });
    } catch (error) {
      this.#stack.report((m) => m.recordError?.('bus', 'subscribe', error));
      return undefined;
    }
  }

  /**
   * Sends Redis and the bus what they missed while Redis was down. Counts as an invalidation, so a
   * load that reads a not-yet-deleted stale value meanwhile does not cache it.
   */
  async replayPending(): Promise<void> {
    const stack = this.#stack;
    const redis = stack.usableRedis();
    if (!redis || this.#pending.size === 0) return;
    const { keys, patterns } = this.#pending.drain();
    stack.beginInvalidation();
    try {
      await this.#replay(redis, keys, patterns);
    } finally {
      stack.endInvalidation();
    }
  }

  #applyRemote(message: InvalidationMessage): void {
    const stack = this.#stack;
    if (message.source === stack.instanceId) return;
    // Loads in flight here may have read what the other instance just invalidated.
    stack.invalidatedElsewhere();
    if (message.type === 'delete') {
      for (const key of message.keys) {
        stack.memory.deleteSync(key);
        this.#flights.forget(key);
      }
      return;
    }
    try {
      const glob = compileGlob(message.pattern);
      stack.memory.clearSync(glob.source);
      this.#flights.forgetMatching(glob);
    } catch (error) {
      stack.report((m) => m.recordError?.('bus', 'apply', error));
    }
  }

  async #replay(redis: CircuitBreakerTier, keys: string[], patterns: string[]): Promise<void> {
    for (const pattern of patterns) {
      try {
        await redis.clear(pattern);
      } catch (error) {
        this.#stack.remoteFailed('clear', error);
        this.#pending.remember({ pattern });
      }
    }
    for (let start = 0; start < keys.length; start += REPLAY_BATCH) {
      const batch = keys.slice(start, start + REPLAY_BATCH);
      const results = await Promise.allSettled(batch.map((key) => redis.delete(key)));
      const failed = batch.filter((_, index) => results[index]?.status === 'rejected');
      this.#pending.remember({ keys: failed });
    }
    const source = this.#stack.instanceId;
    this.publish([
      ...patterns.map((pattern): InvalidationMessage => ({ source, type: 'clear', pattern })),
      ...deleteMessages(source, keys),
    ]);
  }
}
