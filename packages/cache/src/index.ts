export { CacheError, isUsageError } from './cache-error.ts';
export type { CacheErrorCode } from './cache-error.ts';
export { assertValidKey, CACHE_KEY_LIMITS, cacheKey, untrustedKeyPart } from './cache-key.ts';
export type { CacheMetrics, LookupOutcome } from './cache-metrics.ts';
export type { CacheEntry, CacheTier, LocalCacheTier, TierSize, TierStatus } from './cache-tier.ts';
export { ChaosTier } from './chaos-tier.ts';
export { CIRCUIT_BREAKER_DEFAULTS, CircuitBreakerTier } from './circuit-breaker-tier.ts';
export type { CircuitBreakerOptions, CircuitState } from './circuit-breaker-tier.ts';
export { compileGlob, GLOB_PATTERN_LIMITS } from './glob-pattern.ts';
export type { GlobPattern } from './glob-pattern.ts';
export {
  createInProcessInvalidationBus,
  INVALIDATION_MESSAGE_LIMITS,
  parseInvalidationMessage,
} from './invalidation-bus.ts';
export type {
  InvalidationBus,
  InvalidationHandler,
  InvalidationMessage,
} from './invalidation-bus.ts';
export { MemoryTier } from './memory-tier.ts';
export { MEMORY_TIER_DEFAULTS } from './memory-tier-options.ts';
export type {
  MemoryCompressionOptions,
  MemoryTierOptions,
  MemoryTierUsage,
  TrimResult,
} from './memory-tier-options.ts';
export { createRedisLoadLock, LOAD_LOCK_DEFAULTS } from './load-lock.ts';
export type { LoadLock, RedisLoadLockOptions } from './load-lock.ts';
export { createRedisInvalidationBus } from './redis-invalidation-bus.ts';
export type { RedisInvalidationBusOptions } from './redis-invalidation-bus.ts';
export { REDIS_TIER_DEFAULTS, RedisTier } from './redis-tier.ts';
export type { RedisTierOptions } from './redis-tier.ts';
export type { CacheStats, TierStats } from './cache-stats.ts';
export { TieredCache } from './tiered-cache.ts';
export { TIERED_CACHE_DEFAULTS } from './tiered-cache-options.ts';
export type {
  CacheWriteOptions,
  ClearResult,
  Loader,
  OptimizeMemoryOptions,
  OptimizeMemoryResult,
  TieredCacheOptions,
  WarmLoaders,
  WarmOptions,
  WarmResult,
} from './tiered-cache-options.ts';
export { CACHE_TTL_PRESETS, familyOfKey } from './ttl-presets.ts';
export type { CacheKeyFamily } from './ttl-presets.ts';
