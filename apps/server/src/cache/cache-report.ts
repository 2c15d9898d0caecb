import type { TieredCache, TierStats } from '@taurine/cache';
import type { MetricsRegistry } from '@taurine/monitor';

export interface CacheTierReport {
  name: string;
  location: 'server' | 'browser';
  status: 'up' | 'down' | 'disabled';
  hits: number;
  misses: number;
  hitRate: number | null;
  avgResponseTimeMs: number | null;
  p95ResponseTimeMs: number | null;
  memoryUsageMB: number | null;
  keys: number | null;
  evictions: number | null;
  compressionRatio: number | null;
}

export interface CacheReport {
  hitRate: number | null;
  requests: number;
  loaderCalls: number;
  tiers: CacheTierReport[];
}

const serverTier = (tier: TierStats): CacheTierReport => ({
  name: tier.name,
  location: 'server',
  status: tier.status,
  hits: tier.hits,
  misses: tier.misses,
  hitRate: tier.hitRate,
  avgResponseTimeMs: tier.avgResponseMs,
  p95ResponseTimeMs: tier.p95ResponseMs,
  memoryUsageMB: tier.bytes === null ? null : tier.bytes / 1024 / 1024,
  keys: tier.keys,
  evictions: tier.evictions,
  compressionRatio: tier.compressionRatio,
});

/** Browser tiers as reported with Web Vitals batches (`browser.cache.lookups`) over 24 h. */
const browserTier = (
  registry: MetricsRegistry,
  name: 'serviceWorker' | 'localStorage',
): CacheTierReport => {
  const hits =
    registry.stats('browser.cache.lookups', { tier: name, outcome: 'hit' }, '24h').sum ?? 0;
  const misses =
    registry.stats('browser.cache.lookups', { tier: name, outcome: 'miss' }, '24h').sum ?? 0;
  return {
    name,
    location: 'browser',
    status: hits + misses > 0 ? 'up' : 'disabled',
    hits,
    misses,
    hitRate: hits + misses > 0 ? hits / (hits + misses) : null,
    avgResponseTimeMs: null,
    p95ResponseTimeMs: null,
    memoryUsageMB: null,
    keys: null,
    evictions: null,
    compressionRatio: null,
  };
};

/** The `caches` report: the tiered cache's own stats plus the browser tiers. */
export async function cacheReport(
  cache: TieredCache,
  registry: MetricsRegistry,
): Promise<CacheReport> {
  const stats = await cache.stats();
  return {
    hitRate: stats.overall.hitRate,
    requests: stats.overall.requests,
    loaderCalls: stats.loader.calls,
    tiers: [
      ...stats.tiers.map(serverTier),
      browserTier(registry, 'serviceWorker'),
      browserTier(registry, 'localStorage'),
    ],
  };
}
