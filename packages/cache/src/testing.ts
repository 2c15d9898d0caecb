/**
 * Test and benchmark support for anything outside this package (`@taurine/cache/testing`): clients
 * for the shared local Redis with a unique key prefix per run, a private redis-server that a test
 * may kill, and the raw `lru-cache` baseline the cache benchmark compares with. Not part of the
 * runtime API.
 */
export { createRawLru } from './bench-baselines.ts';
export {
  connectRedis,
  deleteByPrefix,
  freePort,
  startPrivateRedisServer,
  uniquePrefix,
} from './test-redis.ts';
export type { PrivateRedisServer } from './test-redis.ts';
