import type { AlertRule } from './alert-rule.ts';
import { AlertingConfigError } from './alerting-config-error.ts';
import { derivedRuleName } from './rule-name.ts';

const MINUTE_MS = 60_000;

/** A built-in rule, named from its definition so that its name and threshold always agree. */
function builtIn(rule: Omit<AlertRule, 'enabled' | 'builtIn' | 'tags' | 'name'>): AlertRule {
  const name = derivedRuleName(rule);
  if (name === null) {
    throw new AlertingConfigError('invalid-option', `no name format for the metric ${rule.metric}`);
  }
  return Object.freeze({ tags: Object.freeze({}), enabled: true, builtIn: true, name, ...rule });
}

/**
 * The default rules (ARCHITECTURE.md, "Alerts"). Ratios are 0..1. Windows smooth single bad
 * minutes away and `for` durations keep short spikes from notifying:
 *
 * | id | condition | window | for | no data |
 * |----|-----------|--------|-----|---------|
 * | `builtin.cache-hit-rate` | avg `cache.hitRate` < 0.5, warning | 15m | 10 min | ok (idle cache) |
 * | `builtin.heap-memory` | avg `process.heapUsedRatio` > 0.8 (of V8's heap limit), warning | 5m | 10 min | no-data |
 * | `builtin.api-latency-p95` | p95 `api.responseTime` > 2000 ms, error | 5m | 5 min | ok (no traffic) |
 * | `builtin.health-score` | avg `health.score` < 40, error | 5m | 5 min | no-data |
 * | `builtin.conversion-rate` | avg `business.conversionRate` < 0.01, warning | 1h | 30 min | ok (no visitors) |
 * | `builtin.error-rate` | avg `api.errorRate` > 0.05, critical, keeps firing 5 min | 5m | 2 min | ok (no traffic) |
 * | `builtin.uptime` | avg `health.uptimeRatio` < 0.99, critical | 24h | 5 min | no-data |
 *
 * Missing process and health metrics mean the collector itself is broken, hence `no-data`;
 * missing traffic metrics only mean nobody is using the app, hence `ok`.
 *
 * The heap rule compares the heap with V8's limit, not with a size: the original 40 MB fired on a
 * healthy server (43–58 MB under `npm start` with 10 simulated visitors, 31 MB live after a full
 * GC, 1.1–1.4 % of a 4 GB limit), and the heap a server needs grows with its caches and traffic,
 * while running out of heap is what takes it down. 80 % leaves room before V8 gives up.
 */
export const BUILT_IN_RULES: readonly AlertRule[] = Object.freeze([
  builtIn({
    id: 'builtin.cache-hit-rate',
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
    description:
      'The server heap is close to its limit: look for leaks or oversized caches before it runs out.',
    metric: 'process.heapUsedRatio',
    stat: 'avg',
    window: '5m',
    comparison: '>',
    threshold: 0.8,
    severity: 'warning',
    forMs: 10 * MINUTE_MS,
    noDataState: 'no-data',
  }),
  builtIn({
    id: 'builtin.api-latency-p95',
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

/** The definition fields that identify a built-in rule's former default. */
export type SupersededRule = Pick<
  AlertRule,
  'id' | 'metric' | 'stat' | 'window' | 'comparison' | 'threshold'
>;

/**
 * Former defaults of built-in rules. A stored rule still equal to one of them was never edited
 * and takes the current default's definition at start; edited rules are left as they are.
 */
export const SUPERSEDED_BUILT_IN_RULES: readonly SupersededRule[] = Object.freeze([
  // The original "heap memory > 40 MB", below a healthy server's heap.
  {
    id: 'builtin.heap-memory',
    metric: 'process.heapUsedMB',
    stat: 'avg',
    window: '5m',
    comparison: '>',
    threshold: 40,
  },
]);
