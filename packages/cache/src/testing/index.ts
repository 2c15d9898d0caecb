/**
 * Test and benchmark support for anything outside this package (`@taurine/cache/testing`): the
 * shared local Redis with a key prefix per run, a private redis-server to kill and restart, and
 * the raw `lru-cache` baseline the cache benchmark compares with. Not part of the runtime API.
 */
export { createRawLru } from '../bench-baselines.ts';
export {
  SHARED_REDIS_URL,
  connectRedis,
  deleteRedisKeys,
  freePort,
  startPrivateRedisServer,
  uniqueRedisPrefix,
} from './redis.ts';
export type { PrivateRedisServer } from './redis.ts';
