import type {
  OperationsStatistics,
  Suggestion,
  SuggestionRule,
  SuggestionSeverity,
} from './suggestion.ts';
import { SUGGESTION_SEVERITIES } from './suggestion.ts';
import type { SUGGESTION_RULES } from './suggestion.ts';
import { SUGGESTION_THRESHOLDS } from './suggestion-thresholds.ts';
import type { SuggestionThresholds } from './suggestion-thresholds.ts';
import { bucketMinima, linearSlope } from './trend.ts';

type Rule = (stats: OperationsStatistics, limits: SuggestionThresholds) => Suggestion[];

const HOUR_MS = 3_600_000;
const round = (value: number, digits = 0) => Number(value.toFixed(digits));
const suggestion = (
  rule: SuggestionRule,
  subject: string,
  fields: Omit<Suggestion, 'id' | 'rule' | 'subject'>,
): Suggestion => ({ id: `${rule}:${subject}`, rule, subject, ...fields });

const slowOperation: Rule = (stats, limits) =>
  stats.operations
    .filter((op) => op.count >= limits.minSamples && op.p95Ms > limits.slowOperationP95Ms)
    .map((op) =>
      suggestion('slowOperation', op.name, {
        severity: op.p95Ms >= limits.criticalP95Ms ? 'critical' : 'warning',
        title: `Operation ${op.name} is slow (p95 ${round(op.p95Ms)} ms)`,
        action: 'Look at its slowest fields below; cache or batch what they load.',
        evidence: [
          { label: 'p95', value: round(op.p95Ms), unit: 'ms' },
          { label: 'requests', value: op.count, unit: '' },
        ],
        expectedGain: `about ${round(op.p95Ms - limits.slowOperationP95Ms)} ms off p95 at the ${limits.slowOperationP95Ms} ms target`,
        chart: { metric: 'api.responseTime', tags: { operation: op.name } },
      }),
    );

const slowField: Rule = (stats, limits) =>
  stats.fields
    .filter((f) => f.count >= limits.minSamples && f.p95Ms > limits.slowFieldP95Ms)
    .map((f) =>
      suggestion('slowField', f.path, {
        severity: f.p95Ms >= limits.criticalP95Ms ? 'critical' : 'warning',
        title: `Resolver ${f.path} is slow (p95 ${round(f.p95Ms)} ms)`,
        action: 'Read its data through the cache or precompute it.',
        evidence: [
          { label: 'p95', value: round(f.p95Ms, 1), unit: 'ms' },
          { label: 'calls timed', value: f.count, unit: '' },
        ],
        expectedGain: `up to ${round(f.p95Ms * Math.max(1, f.callsPerOperationP95))} ms per operation that uses it`,
        chart: { metric: 'graphql.fieldTime', tags: { field: f.path } },
      }),
    );

const nPlusOne: Rule = (stats, limits) =>
  stats.fields
    .filter((f) => f.count >= limits.minSamples && f.callsPerOperationP95 >= limits.nPlusOneCalls)
    .map((f) =>
      suggestion('nPlusOne', f.path, {
        severity: 'warning',
        title: `${f.path} runs ${round(f.callsPerOperationP95)} times per operation (N+1?)`,
        action: 'Batch the loads with a DataLoader or resolve the list in one query.',
        evidence: [
          { label: 'calls per operation (p95)', value: round(f.callsPerOperationP95), unit: '' },
          { label: 'p95 per call', value: round(f.p95Ms, 1), unit: 'ms' },
        ],
        expectedGain: `${round(f.callsPerOperationP95) - 1} fewer loads per operation`,
        chart: { metric: 'graphql.fieldCalls', tags: { field: f.path } },
      }),
    );

const largeResponse: Rule = (stats, limits) =>
  stats.operations
    .filter(
      (op) =>
        op.count >= limits.minSamples &&
        op.p95Bytes !== null &&
        op.p95Bytes > limits.largeResponseBytes,
    )
    .map((op) =>
      suggestion('largeResponse', op.name, {
        severity: 'info',
        title: `Operation ${op.name} returns large responses (p95 ${round((op.p95Bytes ?? 0) / 1024)} KiB)`,
        action: 'Paginate the list or ask for fewer fields.',
        evidence: [{ label: 'p95 size', value: op.p95Bytes ?? 0, unit: 'bytes' }],
        expectedGain: `about ${round(((op.p95Bytes ?? 0) - limits.largeResponseBytes) / 1024)} KiB less per response`,
        chart: { metric: 'api.responseSize', tags: { operation: op.name } },
      }),
    );

const lowHitRate: Rule = (stats, limits) =>
  stats.cacheKeys
    .filter(
      (k) => k.lookups >= limits.minSamples && k.hitRate !== null && k.hitRate < limits.lowHitRate,
    )
    .map((k) =>
      suggestion('lowHitRate', k.key, {
        severity: 'warning',
        title: `Cache key ${k.key} hits ${round((k.hitRate ?? 0) * 100)} % of lookups`,
        action: 'Warm it, or turn on the "clear and re-warm" automatic response.',
        evidence: [
          { label: 'hit rate', value: round(k.hitRate ?? 0, 3), unit: 'ratio' },
          { label: 'lookups', value: k.lookups, unit: '' },
        ],
        expectedGain: `${round((1 - (k.hitRate ?? 0)) * k.lookups)} fewer loads per window`,
        chart: { metric: 'cache.hitRate', tags: {} },
      }),
    );

const shortTtl: Rule = (stats, limits) =>
  stats.cacheKeys
    .filter(
      (k) =>
        k.lookups >= limits.minSamples &&
        k.meanAccessIntervalMs !== null &&
        k.ttlMs < k.meanAccessIntervalMs,
    )
    .map((k) =>
      suggestion('shortTtl', k.key, {
        severity: 'warning',
        title: `Cache key ${k.key} expires before it is read again`,
        action: `Raise its TTL above ${round((k.meanAccessIntervalMs ?? 0) / 1000)} s.`,
        evidence: [
          { label: 'TTL', value: k.ttlMs, unit: 'ms' },
          {
            label: 'mean time between reads',
            value: round(k.meanAccessIntervalMs ?? 0),
            unit: 'ms',
          },
        ],
        expectedGain: 'most reads of the key become hits',
        chart: { metric: 'cache.loads', tags: {} },
      }),
    );

const evictedWhileHot: Rule = (stats, limits) =>
  stats.cacheKeys
    .filter((k) => k.lookups >= limits.minSamples && k.earlyReloads >= limits.evictedWhileHot)
    .map((k) =>
      suggestion('evictedWhileHot', k.key, {
        severity: 'warning',
        title: `Cache key ${k.key} was evicted ${k.earlyReloads} times while in use`,
        action: 'Give the memory tier more room, or stop clearing this key.',
        evidence: [
          { label: 'early reloads', value: k.earlyReloads, unit: '' },
          { label: 'lookups', value: k.lookups, unit: '' },
        ],
        expectedGain: `${k.earlyReloads} fewer loads per window`,
        chart: { metric: 'cache.evictions', tags: {} },
      }),
    );

const poorLcp: Rule = (stats, limits) =>
  stats.routes
    .filter((r) => r.samples >= limits.minSamples && r.lcpP75Ms > limits.lcpNeedsImprovementMs)
    .map((r) =>
      suggestion('poorLcp', r.route, {
        severity: r.lcpP75Ms > limits.poorLcpMs ? 'critical' : 'warning',
        title: `Route ${r.route} paints its largest element late (LCP p75 ${round(r.lcpP75Ms)} ms)`,
        action: r.element
          ? `Preload or shrink ${r.element}, the LCP element.`
          : 'Preload the LCP element and cut render-blocking resources.',
        evidence: [
          { label: 'LCP p75', value: round(r.lcpP75Ms), unit: 'ms' },
          { label: 'page views', value: r.samples, unit: '' },
        ],
        expectedGain: `about ${round(r.lcpP75Ms - limits.lcpNeedsImprovementMs)} ms to reach "good"`,
        chart: { metric: 'webvitals.LCP', tags: { route: r.route } },
      }),
    );

const heapGrowth: Rule = (stats, limits) => {
  if (stats.heap.length < limits.heapMinSamples) return [];
  const points = stats.heap.map((s) => ({ at: s.at, value: s.heapUsedBytes }));
  const slope = linearSlope(bucketMinima(points, Math.min(6, points.length)));
  if (slope === null) return [];
  const perHour = slope * HOUR_MS;
  if (perHour < limits.heapGrowthBytesPerHour) return [];
  const mbPerHour = round(perHour / 1024 / 1024, 1);
  return [
    suggestion('heapGrowth', 'heap', {
      severity: perHour >= 4 * limits.heapGrowthBytesPerHour ? 'critical' : 'warning',
      title: `Heap after GC grows ${mbPerHour} MB/h`,
      action: 'Take two heap snapshots (Diagnostics) and compare what grows.',
      evidence: [{ label: 'growth', value: mbPerHour, unit: 'MB/h' }],
      expectedGain: `${mbPerHour} MB/h less heap, no out-of-memory restart`,
      chart: { metric: 'process.heapUsedMB', tags: {} },
    }),
  ];
};

/** Every rule by name, in the order their suggestions are listed within a severity. */
export const SUGGESTION_RULE_FUNCTIONS: Readonly<Record<(typeof SUGGESTION_RULES)[number], Rule>> =
  {
    slowOperation,
    slowField,
    nPlusOne,
    largeResponse,
    lowHitRate,
    shortTtl,
    evictedWhileHot,
    poorLcp,
    heapGrowth,
  };

/**
 * Runs every rule over `stats` and returns their suggestions, most severe first. Pure: the same
 * statistics always give the same suggestions.
 */
export function suggestOptimisations(
  stats: OperationsStatistics,
  thresholds: Partial<SuggestionThresholds> = {},
): Suggestion[] {
  const limits: SuggestionThresholds = { ...SUGGESTION_THRESHOLDS, ...thresholds };
  const rank = (severity: SuggestionSeverity) => SUGGESTION_SEVERITIES.indexOf(severity);
  return Object.values(SUGGESTION_RULE_FUNCTIONS)
    .flatMap((rule) => rule(stats, limits))
    .sort((a, b) => rank(a.severity) - rank(b.severity));
}
