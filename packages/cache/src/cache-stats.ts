import type { CacheTier, LocalCacheTier, TierSize, TierStatus } from './cache-tier.ts';
import { LatencyRecorder } from './latency-recorder.ts';

/** Per-tier statistics. Rates are `null` until there is something to divide by. */
export interface TierStats {
  name: string;
  status: TierStatus;
  hits: number;
  misses: number;
  errors: number;
  /** hits / (hits + misses); `null` without lookups. */
  hitRate: number | null;
  avgResponseMs: number | null;
  p95ResponseMs: number | null;
  /** Bytes held (`null` when the tier could not be asked). */
  bytes: number | null;
  keys: number | null;
  /** Entries pushed out because the tier was full; `null` where not tracked (Redis). */
  evictions: number | null;
  /** Uncompressed over stored bytes; `null` where not tracked or empty. */
  compressionRatio: number | null;
  /** Bytes compression saves on what is held now; `null` where not tracked. */
  bytesSaved: number | null;
}

/** Everything `stats()` reports. */
export interface CacheStats {
  tiers: TierStats[];
  /** Requests (`get`/`getOrLoad`); a request answered by any tier is a hit. */
  overall: { requests: number; hits: number; misses: number; hitRate: number | null };
  loader: { calls: number; errors: number; avgMs: number | null; p95Ms: number | null };
  /** Loads in flight right now. */
  inflight: number;
  /** Invalidations waiting for Redis to come back. */
  pendingInvalidations: number;
}

/** Lookup outcomes and timings of one tier, as counted by `TieredCache`. */
export class TierCounters {
  hits = 0;
  misses = 0;
  errors = 0;
  readonly latency = new LatencyRecorder();
}

export const hitRate = (hits: number, misses: number): number | null =>
  hits + misses === 0 ? null : hits / (hits + misses);

/** The counters behind `stats()`, bumped by the stack and the read-through handler. */
export class CacheCounters {
  readonly memory = new TierCounters();
  readonly redis = new TierCounters();
  readonly loaderLatency = new LatencyRecorder();
  /** Memory lookups so far; picks the sampled ones that are timed. */
  memoryLookups = 0;
  requests = 0;
  hits = 0;
  loaderCalls = 0;
  loaderErrors = 0;
}

/** What `collectStats` reads. Figures that can change while Redis answers are read after it. */
export interface StatsSources {
  memory: LocalCacheTier;
  redis: CacheTier | undefined;
  counters: CacheCounters;
  inflight: () => number;
  pendingInvalidations: () => number;
  /** Reports a failed Redis `size` (the Redis figures are then `null`). */
  remoteFailed: (operation: string, error: unknown) => void;
}

function memoryStats(memory: LocalCacheTier, counters: TierCounters): TierStats {
  const size = memory.sizeSync();
  const usage = memory.usage();
  const latency = counters.latency.summary();
  return {
    name: memory.name,
    status: 'up',
    hits: counters.hits,
    misses: counters.misses,
    errors: counters.errors,
    hitRate: hitRate(counters.hits, counters.misses),
    avgResponseMs: latency.avgMs,
    p95ResponseMs: latency.p95Ms,
    bytes: size.bytes,
    keys: size.keys,
    evictions: usage.evictions,
    compressionRatio: usage.compressionRatio,
    bytesSaved: usage.bytesSaved,
  };
}

async function redisStats(sources: StatsSources): Promise<TierStats> {
  const { redis, counters } = sources;
  const latency = counters.redis.latency.summary();
  let size: TierSize | undefined;
  if (redis?.status() === 'up') {
    try {
      size = await redis.size();
    } catch (error) {
      sources.remoteFailed('size', error);
    }
  }
  return {
    name: redis?.name ?? 'redis',
    status: redis?.status() ?? 'disabled',
    hits: counters.redis.hits,
    misses: counters.redis.misses,
    errors: counters.redis.errors,
    hitRate: hitRate(counters.redis.hits, counters.redis.misses),
    avgResponseMs: latency.avgMs,
    p95ResponseMs: latency.p95Ms,
    bytes: size?.bytes ?? null,
    keys: size?.keys ?? null,
    evictions: null,
    compressionRatio: null,
    bytesSaved: null,
  };
}

/** What `TieredCache.stats()` returns: memory figures first, then Redis' (which may take a round trip). */
export async function collectStats(sources: StatsSources): Promise<CacheStats> {
  const memory = memoryStats(sources.memory, sources.counters.memory);
  const redis = await redisStats(sources);
  const { counters } = sources;
  const loader = counters.loaderLatency.summary();
  const misses = counters.requests - counters.hits;
  return {
    tiers: [memory, redis],
    overall: {
      requests: counters.requests,
      hits: counters.hits,
      misses,
      hitRate: hitRate(counters.hits, misses),
    },
    loader: {
      calls: counters.loaderCalls,
      errors: counters.loaderErrors,
      avgMs: loader.avgMs,
      p95Ms: loader.p95Ms,
    },
    inflight: sources.inflight(),
    pendingInvalidations: sources.pendingInvalidations(),
  };
}
