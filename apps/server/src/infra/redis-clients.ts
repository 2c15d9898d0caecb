import { Redis } from 'ioredis';

/** The Redis connections of one instance: commands, and dedicated pub/sub subscribers. */
export interface RedisClients {
  commands: Redis;
  /** Subscriber of the cache invalidation bus. */
  subscriber: Redis;
  /** Subscriber of GraphQL subscription events (snapshots, alert events) from every instance. */
  eventSubscriber: Redis;
  /**
   * Publisher of those events to other instances. It does not queue while Redis is away: events
   * reach this instance's subscribers without Redis, and others' would only arrive stale.
   */
  eventPublisher: Redis;
  /** Resolves when the command connection is ready, or after `timeoutMs` (then the breaker decides). */
  ready(timeoutMs: number): Promise<boolean>;
  /** Closes both connections; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Connects to `url` for the cache tier, the invalidation bus and subscription fan-out. Commands
 * fail fast while disconnected (no offline queue), so a Redis outage costs a request the circuit
 * breaker's timeout at most; reconnection runs in the background with capped back-off.
 */
export function createRedisClients(url: string, onError: (error: Error) => void): RedisClients {
  const options = {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt: number) => Math.min(2000, 50 * 2 ** attempt),
  };
  const commands = new Redis(url, options);
  // A subscriber must queue its SUBSCRIBE until connected; it sends no other commands.
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
  const eventSubscriber = new Redis(url, { ...options, enableOfflineQueue: true });
  const eventPublisher = new Redis(url, options);
  const all = [commands, subscriber, eventSubscriber, eventPublisher];
  let lastReport = 0;
  for (const client of all) {
    // Without a listener ioredis would crash the process on a connection error; report, throttled.
    client.on('error', (error: Error) => {
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        onError(error);
      }
    });
  }
  let closed = false;
  return {
    commands,
    subscriber,
    eventSubscriber,
    eventPublisher,
    ready: (timeoutMs) =>
      commands.status === 'ready'
        ? Promise.resolve(true)
        : new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => {
              resolve(false);
            }, timeoutMs);
            commands.once('ready', () => {
              clearTimeout(timer);
              resolve(true);
            });
          }),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled(all.map((client) => client.quit()));
      for (const client of all) client.disconnect();
    },
  };
}
