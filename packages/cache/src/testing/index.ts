/**
 * Test helpers for anything that uses Redis in its tests (`@taurine/cache/testing`): the shared
 * local Redis with a key prefix per run, and a private redis-server to kill and restart.
 */
export {
  SHARED_REDIS_URL,
  connectRedis,
  deleteRedisKeys,
  freePort,
  startPrivateRedisServer,
  uniqueRedisPrefix,
} from './redis.ts';
export type { PrivateRedisServer } from './redis.ts';
