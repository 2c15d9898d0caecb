import type { Redis } from 'ioredis';
import { CacheError } from './cache-error.ts';
import type { InvalidationBus, InvalidationHandler } from './invalidation-bus.ts';
import { parseInvalidationMessage } from './invalidation-bus.ts';

/** Options of {@link createRedisInvalidationBus}. */
export interface RedisInvalidationBusOptions {
  /** Client used for `PUBLISH`; may be the cache's own client. */
  publisher: Redis;
  /**
   * Client in subscriber mode, used only for `SUBSCRIBE` (Redis forbids other commands on it). It
   * may be shared with other subscribers; this bus listens only to `channel`.
   */
  subscriber: Redis;
  /** Pub/sub channel, e.g. `taurine:cache:invalidate`. */
  channel: string;
  /** Called with messages on the channel that are not valid invalidations. @default ignore them */
  onInvalidMessage?: (raw: string) => void;
}

/**
 * An invalidation bus over Redis pub/sub, built from clients handed in by the composition root.
 * Messages are JSON, checked on receipt. ioredis re-subscribes by itself after a reconnect; messages
 * published while a subscriber is disconnected are lost (pub/sub has no history), which is why
 * `TieredCache` replays invalidations made during an outage once Redis is back.
 */
export function createRedisInvalidationBus(options: RedisInvalidationBusOptions): InvalidationBus {
  const { publisher, subscriber, channel, onInvalidMessage } = options;
  if (typeof channel !== 'string' || channel.length === 0) {
    throw new CacheError(
      'INVALID_OPTIONS',
      'createRedisInvalidationBus: channel must be a non-empty string',
    );
  }
  const handlers = new Set<InvalidationHandler>();
  let subscribed: Promise<unknown> | undefined;

  const onMessage = (from: string, raw: string): void => {
    if (from !== channel) return;
    const message = parseInvalidationMessage(raw);
    if (message === undefined) {
      onInvalidMessage?.(raw);
      return;
    }
    for (const handler of [...handlers]) {
      try {
        handler(message);
      } catch {
        // One broken subscriber must not keep the message from the rest.
      }
    }
  };

  return {
    async publish(message) {
      await publisher.publish(channel, JSON.stringify(message));
    },
    async subscribe(handler) {
      const subscription: InvalidationHandler = (message) => {
        handler(message);
      };
      handlers.add(subscription);
      if (subscribed === undefined) {
        subscriber.on('message', onMessage);
        subscribed = subscriber.subscribe(channel);
      }
      try {
        await subscribed;
      } catch (error) {
        handlers.delete(subscription);
        if (handlers.size === 0) {
          subscriber.off('message', onMessage);
          subscribed = undefined;
        }
        throw new CacheError('TIER_UNAVAILABLE', `could not subscribe to ${channel}`, {
          cause: error,
        });
      }
      return async () => {
        if (!handlers.delete(subscription) || handlers.size > 0) return;
        subscriber.off('message', onMessage);
        subscribed = undefined;
        await subscriber.unsubscribe(channel);
      };
    },
  };
}
