import type { AlertRule } from './alert-rule.ts';

const MINUTE_MS = 60_000;

function builtIn(rule: Omit<AlertRule, 'enabled' | 'builtIn' | 'tags'>): AlertRule {
  return Object.freeze({ tags: Object.freeze({}), enabled: true, builtIn: true, ...rule });
}

/**
 * The default rules (ARCHITECTURE.md, "Alerts"). Ratios are 0..1. Windows smooth single bad
 * minutes away and `for` durations keep short spikes from notifying:
 *
 * | id | condition | window | for | no data |
 * |----|-----------|--------|-----|---------|
 * | `builtin.cache-hit-rate` | avg `cache.hitRate` < 0.5, warning | 15m | 10 min | ok (idle cache) |
 * | `builtin.heap-memory` | avg `process.heapUsedMB` > 40, warning | 5m | 10 min | no-data |
 * | `builtin.api-latency-p95` | p95 `api.responseTime` > 2000 ms, error | 5m | 5 min | ok (no traffic) |
 * | `builtin.health-score` | avg `health.score` < 40, error | 5m | 5 min | no-data |
 * | `builtin.conversion-rate` | avg `business.conversionRate` < 0.01, warning | 1h | 30 min | ok (no visitors) |
 * | `builtin.error-rate` | avg `api.errorRate` > 0.05, critical, keeps firing 5 min | 5m | 2 min | ok (no traffic) |
 * | `builtin.uptime` | avg `health.uptimeRatio` < 0.99, critical | 24h | 5 min | no-data |
 *
 * Missing process and health metrics mean the collector itself is broken, hence `no-data`;
 * missing traffic metrics only mean nobody is using the app, hence `ok`.
 */
export const BUILT_IN_RULES: readonly AlertRule[] = Object.freeze([
  builtIn({
    id: 'builtin.cache-hit-rate',
    name: 'Cache hit rate below 50 %',
    description: 'Less than half of cache reads are hits: check TTLs, eviction and warm-up.',
    metric: 'cache.hitRate',
    stat: 'avg',
    window: '15m',
    comparison: '<',
    threshold: 0.5,
    severity: 'warning',
    forMs: 10 * MINUTE_MS,
    noDataState: 'ok',
  }),
  builtIn({
    id: 'builtin.heap-memory',
    name: 'Heap memory above 40 MB',
    description: 'The server heap is larger than expected: look for leaks or oversized caches.',
    metric: 'process.heapUsedMB',
    stat: 'avg',
    window: '5m',
    comparison: '>',
    threshold: 40,
    severity: 'warning',
    forMs: 10 * MINUTE_MS,
    noDataState: 'no-data',
  }),
  builtIn({
    id: 'builtin.api-latency-p95',
    name: 'API p95 response time above 2 s',
    description: 'One request in twenty takes longer than two seconds.',
    metric: 'api.responseTime',
    stat: 'p95',
    window: '5m',
    comparison: '>',
    threshold: 2000,
    severity: 'error',
    forMs: 5 * MINUTE_MS,
    noDataState: 'ok',
  }),
  builtIn({
    id: 'builtin.health-score',
    name: 'Health score below 40',
    description: 'The overall health score is poor: see the health breakdown on the dashboard.',
    metric: 'health.score',
    stat: 'avg',
    window: '5m',
    comparison: '<',
    threshold: 40,
    severity: 'error',
    forMs: 5 * MINUTE_MS,
    noDataState: 'no-data',
  }),
  builtIn({
    id: 'builtin.conversion-rate',
    name: 'Conversion rate below 1 %',
    description: 'Fewer than one calculation in a hundred leads to an affiliate click.',
    metric: 'business.conversionRate',
    stat: 'avg',
    window: '1h',
    comparison: '<',
    threshold: 0.01,
    severity: 'warning',
    forMs: 30 * MINUTE_MS,
    noDataState: 'ok',
  }),
  builtIn({
    id: 'builtin.error-rate',
    name: 'Error rate above 5 %',
    description: 'More than one request in twenty fails.',
    metric: 'api.errorRate',
    stat: 'avg',
    window: '5m',
    comparison: '>',
    threshold: 0.05,
    severity: 'critical',
    forMs: 2 * MINUTE_MS,
    keepFiringForMs: 5 * MINUTE_MS,
    noDataState: 'ok',
  }),
  builtIn({
    id: 'builtin.uptime',
    name: 'Uptime below 99 %',
    description: 'The service was unavailable more than 1 % of the last 24 hours.',
    metric: 'health.uptimeRatio',
    stat: 'avg',
    window: '24h',
    comparison: '<',
    threshold: 0.99,
    severity: 'critical',
    forMs: 5 * MINUTE_MS,
    noDataState: 'no-data',
  }),
]);
