import {
  createRedisInvalidationBus,
  createRedisLoadLock,
  RedisTier,
  TieredCache,
} from '@taurine/cache';
import type { MetricsRegistry } from '@taurine/monitor';
import { exposeGarbageCollector } from '../memory/garbage-collector.ts';
import { createCacheMetricsRecorder } from './cache-metrics-recorder.ts';
import type { RedisClients } from '../infra/redis-clients.ts';

export interface CacheServiceOptions {
  registry: MetricsRegistry;
  /** Without Redis, the memory tier serves alone and the Redis tier reports `disabled`. */
  redis: RedisClients | undefined;
  instanceId: string;
  /** Memory tier bound. @default 64 MiB */
  maxMemoryBytes?: number;
  /** Prefix of every Redis key, so `clear('*')` never reaches other data. @default 'taurine:cache:' */
  redisPrefix?: string;
  /**
   * Prefix of the load-lock keys (a cold key loads once per deployment), outside `redisPrefix` so
   * clears never touch them. @default 'taurine:cache-lock:'
   */
  lockPrefix?: string;
  /** Circuit-breaker timeout of a Redis command. @default CIRCUIT_BREAKER_DEFAULTS.timeoutMs */
  redisTimeoutMs?: number | undefined;
}

/** Builds the server's tiered cache: memory (lru-cache) in front of Redis, with metrics and the bus. */
export function createCache(options: CacheServiceOptions): TieredCache {
  const prefix = options.redisPrefix ?? 'taurine:cache:';
  return new TieredCache({
    instanceId: options.instanceId,
    metrics: createCacheMetricsRecorder(options.registry),
    // optimizeMemory runs a full GC with or without --expose-gc.
    collectGarbage: exposeGarbageCollector() ?? undefined,
    memory: {
      maxBytes: options.maxMemoryBytes ?? 64 * 1024 * 1024,
      compression: { thresholdBytes: 4096 },
    },
    ...(options.redisTimeoutMs === undefined
      ? {}
      : { breaker: { timeoutMs: options.redisTimeoutMs } }),
    redis: options.redis ? new RedisTier({ client: options.redis.commands, prefix }) : undefined,
    loadLock: options.redis
      ? createRedisLoadLock({
          client: options.redis.commands,
          prefix: options.lockPrefix ?? 'taurine:cache-lock:',
          ...(options.redisTimeoutMs === undefined ? {} : { timeoutMs: options.redisTimeoutMs }),
        })
      : undefined,
    bus: options.redis
      ? createRedisInvalidationBus({
          publisher: options.redis.commands,
          subscriber: options.redis.subscriber,
          channel: `${prefix}invalidate`,
        })
      : undefined,
  });
}
