import type { Infrastructure } from '../infra/infrastructure.ts';
import type { AppConfig } from '../config.ts';
import type { LiveSubscriptions } from '../subscriptions/live-subscriptions.ts';
import { createApiKeyService } from './api-keys.ts';
import { createAuditRecorder } from './audit.ts';
import { createMemoryRateLimiter, createRedisRateLimiter } from './rate-limiter.ts';
import type { LogFailure } from '../logging/logger.ts';

/**
 * Access: the API keys with the bootstrap admin key, the audit recorder and the rate limiter
 * (in Redis when configured, in memory while Redis is unavailable).
 */
export async function buildAccess(
  config: AppConfig,
  { store, redis }: Infrastructure,
  live: LiveSubscriptions,
  log: LogFailure,
) {
  const keyService = createApiKeyService({ keys: store.apiKeys });
  // A revoked key's open subscriptions end at once here; other instances see the revocation
  // through their key cache (`recheckKeys` in `startBackgroundWork`).
  const apiKeys: typeof keyService = {
    ...keyService,
    async revoke(id) {
      const revoked = await keyService.revoke(id);
      if (revoked !== undefined) live.endForKey(id);
      return revoked;
    },
  };
  const bootstrap = await apiKeys.ensureBootstrapAdmin(config.adminApiKey);
  const audit = createAuditRecorder({
    repo: store.auditLog,
    onError: (error) => {
      log('audit write failed', error);
    },
  });
  const limiter = redis
    ? createRedisRateLimiter({
        redis: redis.commands,
        keyPrefix: `${config.redisPrefix}ratelimit:`,
        ...(config.redisTimeoutMs === undefined ? {} : { timeoutMs: config.redisTimeoutMs }),
        fallback: createMemoryRateLimiter(),
        onError: (error) => {
          log('rate limiter: Redis unavailable, limiting in memory', error);
        },
      })
    : createMemoryRateLimiter();
  return { apiKeys, bootstrap, audit, limiter };
}

/** What {@link buildAccess} gives the composition root. */
export type Access = Awaited<ReturnType<typeof buildAccess>>;
