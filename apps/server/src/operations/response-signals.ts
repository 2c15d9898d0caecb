import type { MetricsRegistry } from '@taurine/monitor';
import type { ResponseSignals } from '@taurine/monitor/operations';
import { cacheHitRate } from '../cache/cache-metrics-recorder.ts';
import type { CacheKeyWatch } from './cache-key-watch.ts';

/**
 * The figures the automatic responses watch, from this instance's registry over the last five
 * minutes: cache hit rate and lookups, heap used share, server error rate, event-loop p99, and
 * the key watch's loads per family.
 */
export function readResponseSignals(
  registry: MetricsRegistry,
  keys: CacheKeyWatch,
): ResponseSignals {
  const lookups = ['hit', 'miss'].reduce(
    (sum, outcome) =>
      sum + (registry.stats('cache.lookups', { tier: 'memory', outcome }, '5m').sum ?? 0),
    0,
  );
  return {
    cacheHitRate: cacheHitRate(registry, '5m'),
    cacheLookups: lookups,
    heapUsedRatio: registry.stats('process.heapUsedRatio', undefined, '5m').last,
    errorRate: registry.stats('api.errorRate', undefined, '5m').last,
    eventLoopP99Ms: registry.stats('process.eventLoopDelay', undefined, '5m').p99,
    cacheFamilies: keys.families(),
  };
}
