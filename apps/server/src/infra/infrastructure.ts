import { randomUUID } from 'node:crypto';
import { openStore } from '@taurine/store';
import { createCache } from '../cache/cache-service.ts';
import type { AppConfig } from '../config.ts';
import { createMetricsService } from '../metrics/metrics-service.ts';
import { createLeaderLock } from './leader-lock.ts';
import { createInstanceEventTarget, createTaurinePubSub } from './pubsub.ts';
import { createRedisClients } from './redis-clients.ts';
import type { LogFailure } from '../logging/logger.ts';

/**
 * The shared infrastructure: the migrated store, the metrics, Redis when configured with the
 * pub/sub over it, the tiered cache, and the alerting leader lock.
 */
export async function openInfrastructure(config: AppConfig, log: LogFailure) {
  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    schema: config.databaseSchema,
  });
  await store.migrate();
  const metrics = createMetricsService(config);
  const redis = config.redisUrl
    ? createRedisClients(config.redisUrl, (error) => {
        log(`Redis: ${error.message} (serving from memory until it is back)`);
      })
    : undefined;
  const pubsub = createTaurinePubSub(
    redis
      ? createInstanceEventTarget({
          publisher: redis.eventPublisher,
          subscriber: redis.eventSubscriber,
          // Unique per process: two instances on one host may share INSTANCE_ID (the host name).
          instanceId: `${config.instanceId}/${randomUUID()}`,
          prefix: `${config.redisPrefix}events:`,
        })
      : undefined,
  );
  // Give Redis a moment to connect so the first requests do not open the circuit breaker.
  await redis?.ready(2000);
  const cache = createCache({
    registry: metrics.registry,
    redis,
    instanceId: config.instanceId,
    redisPrefix: `${config.redisPrefix}cache:`,
    lockPrefix: `${config.redisPrefix}cache-lock:`,
    redisTimeoutMs: config.redisTimeoutMs,
  });
  // With several instances, one evaluates rules (each evaluator keeps its own state) and computes
  // the cluster snapshot; every instance may deliver from the shared outbox, whose leases keep
  // deliveries single. Renewed every tick; a dead leader's lock expires after two ticks.
  const leaderKey = `${config.redisPrefix}alerting:leader`;
  const leader = createLeaderLock({
    redis: redis?.commands,
    key: leaderKey,
    instanceId: config.instanceId,
    ttlMs: Math.max(2 * config.collectIntervalMs, 1000),
  });
  return { store, metrics, redis, pubsub, cache, leader, leaderKey };
}

export type Infrastructure = Awaited<ReturnType<typeof openInfrastructure>>;
