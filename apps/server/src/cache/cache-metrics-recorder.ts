import type { CacheMetrics } from '@taurine/cache';
import type { MetricHandle, MetricsRegistry } from '@taurine/monitor';

/**
 * Records the tiered cache's events into the metrics registry: `cache.lookups{tier,outcome}`,
 * `cache.responseTime{tier}` (ms, sampled for memory), `cache.loads{outcome}`, `cache.loadTime`,
 * `cache.evictions{tier}`, `cache.tierUp{tier}` and `cache.errors{tier,operation}`. Handles are
 * resolved once per tag set: lookups run on the cache's hot path.
 */
export function createCacheMetricsRecorder(registry: MetricsRegistry): CacheMetrics {
  const handles = new Map<string, MetricHandle>();
  const handle = (
    name: string,
    kind: 'counter' | 'gauge' | 'distribution',
    tags: Record<string, string>,
  ) => {
    const id = `${name}|${Object.values(tags).join('|')}`;
    let found = handles.get(id);
    if (!found) {
      found = registry.handle(name, kind, tags);
      handles.set(id, found);
    }
    return found;
  };
  return {
    recordLookup(tier, outcome, durationMs) {
      handle('cache.lookups', 'counter', { tier, outcome }).record(1);
      if (durationMs !== undefined)
        handle('cache.responseTime', 'distribution', { tier }).record(durationMs);
    },
    recordLoad(outcome, durationMs) {
      handle('cache.loads', 'counter', { outcome }).record(1);
      handle('cache.loadTime', 'distribution', {}).record(durationMs);
    },
    recordEviction(tier) {
      handle('cache.evictions', 'counter', { tier }).record(1);
    },
    recordStatus(tier, status) {
      handle('cache.tierUp', 'gauge', { tier }).record(status === 'up' ? 1 : 0);
    },
    recordError(tier, operation) {
      handle('cache.errors', 'counter', { tier, operation: operation.slice(0, 32) }).record(1);
    },
  };
}

/**
 * Overall hit rate over a window: a request is a hit when any tier answered it. Every request looks
 * in memory first and goes to Redis on a memory miss, so hits = memory hits + Redis hits and
 * requests = memory lookups. Null without lookups.
 */
export function cacheHitRate(
  registry: MetricsRegistry,
  window: '5m' | '15m' | '1h' = '5m',
): number | null {
  const sum = (tags: Record<string, string>) =>
    registry.stats('cache.lookups', tags, window).sum ?? 0;
  const memoryHits = sum({ tier: 'memory', outcome: 'hit' });
  const requests = memoryHits + sum({ tier: 'memory', outcome: 'miss' });
  if (requests === 0) return null;
  return Math.min(1, (memoryHits + sum({ tier: 'redis', outcome: 'hit' })) / requests);
}
