import type { MetricKind } from '@taurine/monitor';

/**
 * Every metric the server records, with its kind, unit and help text: one list, so `/metrics`,
 * GraphiQL's `metrics` query and alert-rule validation all describe the same things.
 */
export const METRIC_DEFINITIONS: readonly {
  name: string;
  kind: MetricKind;
  unit: string;
  help: string;
}[] = [
  {
    name: 'api.responseTime',
    kind: 'distribution',
    unit: 'ms',
    help: 'HTTP response time per endpoint and GraphQL operation',
  },
  {
    name: 'api.requests',
    kind: 'counter',
    unit: '',
    help: 'HTTP requests per endpoint, operation and status',
  },
  {
    name: 'api.errors',
    kind: 'counter',
    unit: '',
    help: 'Failed requests (4xx/5xx or GraphQL errors): type=server (5xx, unexpected errors) or client',
  },
  {
    name: 'api.errorRate',
    kind: 'gauge',
    unit: 'ratio',
    help: 'Server errors per request over the last 5 minutes (0..1)',
  },
  { name: 'process.heapUsedMB', kind: 'gauge', unit: 'MB', help: 'V8 heap in use' },
  { name: 'process.rssMB', kind: 'gauge', unit: 'MB', help: 'Resident set size' },
  {
    name: 'process.heapUsedRatio',
    kind: 'gauge',
    unit: 'ratio',
    help: 'Heap in use as a share of the V8 heap limit',
  },
  {
    name: 'process.eventLoopDelay',
    kind: 'distribution',
    unit: 'ms',
    help: 'Event-loop delay observations (libuv timer every 20 ms, its resolution included)',
  },
  {
    name: 'process.cpuUsage',
    kind: 'gauge',
    unit: 'ratio',
    help: 'CPU time per wall time (1 = one core)',
  },
  {
    name: 'process.uptimeSeconds',
    kind: 'gauge',
    unit: 's',
    help: 'Seconds since the process started',
  },
  { name: 'websocket.connections', kind: 'gauge', unit: '', help: 'Open graphql-ws connections' },
  {
    name: 'users.active',
    kind: 'gauge',
    unit: '',
    help: 'Distinct visitor sessions seen in the last 5 minutes',
  },
  {
    name: 'health.score',
    kind: 'gauge',
    unit: '',
    help: 'Health score 0..100 (see computeHealthScore)',
  },
  {
    name: 'health.uptimeRatio',
    kind: 'gauge',
    unit: 'ratio',
    help: '1 when the instance could serve at a tick, 0 when not; its average is the uptime ratio',
  },
  {
    name: 'business.calculations',
    kind: 'counter',
    unit: '',
    help: 'Drinks settled on in the calculator',
  },
  {
    name: 'business.affiliateClicks',
    kind: 'counter',
    unit: '',
    help: 'Affiliate buy links followed, per flavor and supplier',
  },
  {
    name: 'business.affiliateEarnings',
    kind: 'counter',
    unit: 'USD',
    help: 'Commission of affiliate clicks per supplier (rate x the flavor pack price; an estimate)',
  },
  {
    name: 'business.costPerAcquisition',
    kind: 'gauge',
    unit: 'USD',
    help: 'MARKETING_SPEND_PER_DAY over the affiliate clicks a day brings at the last 24 h rate',
  },
  {
    name: 'business.conversionRate',
    kind: 'gauge',
    unit: 'ratio',
    help: 'Affiliate clicks per calculation over the last hour',
  },
  {
    name: 'visitor.pageViews',
    kind: 'counter',
    unit: '',
    help: 'SPA page views per route pattern (unknown routes as /other)',
  },
  {
    name: 'visitor.sessionDuration',
    kind: 'distribution',
    unit: 's',
    help: 'Length of ended visitor sessions (one browser tab; ends on leaving or 30 min idle)',
  },
  {
    name: 'visitor.pagesPerSession',
    kind: 'distribution',
    unit: '',
    help: 'Page views of ended visitor sessions',
  },
  {
    name: 'visitor.beacons',
    kind: 'counter',
    unit: '',
    help: 'Analytics beacons per outcome: counted, or repeated (a repeat or older beacon, adds nothing)',
  },
  {
    name: 'feature.usage',
    kind: 'counter',
    unit: '',
    help: 'Uses per feature (calculator actions, filters, presets; unknown names as other)',
  },
  {
    name: 'graphql.fieldTime',
    kind: 'distribution',
    unit: 'ms',
    help: 'Resolver time per field (Type.field), sampled operations only (FIELD_TIMING_SAMPLE_PERCENT)',
  },
  {
    name: 'graphql.fieldCalls',
    kind: 'distribution',
    unit: '',
    help: 'Calls of one resolver (Type.field) within one sampled operation (many look like N+1)',
  },
  {
    name: 'api.responseSize',
    kind: 'distribution',
    unit: 'MB',
    help: 'GraphQL response size per operation, sampled operations only',
  },
  {
    name: 'cache.hitRate',
    kind: 'gauge',
    unit: 'ratio',
    help: 'Overall server cache hit rate (0..1)',
  },
  {
    name: 'cache.lookups',
    kind: 'counter',
    unit: '',
    help: 'Server cache lookups per tier (memory, redis) and outcome (hit, miss, error)',
  },
  {
    name: 'cache.responseTime',
    kind: 'distribution',
    unit: 'ms',
    help: 'Cache tier lookup time (memory sampled 1 in 16)',
  },
  {
    name: 'cache.loads',
    kind: 'counter',
    unit: '',
    help: 'Loader calls on a miss of every tier, per outcome',
  },
  { name: 'cache.loadTime', kind: 'distribution', unit: 'ms', help: 'Loader time on a cache miss' },
  {
    name: 'cache.evictions',
    kind: 'counter',
    unit: '',
    help: 'Entries evicted because a tier was full',
  },
  {
    name: 'cache.tierUp',
    kind: 'gauge',
    unit: '',
    help: '1 while a cache tier is up, 0 while it is down',
  },
  {
    name: 'cache.errors',
    kind: 'counter',
    unit: '',
    help: 'Cache tier operations that failed (the request did not)',
  },
  {
    name: 'webvitals.LCP',
    kind: 'distribution',
    unit: 'ms',
    help: 'Largest Contentful Paint from real browsers',
  },
  {
    name: 'webvitals.INP',
    kind: 'distribution',
    unit: 'ms',
    help: 'Interaction to Next Paint from real browsers',
  },
  {
    name: 'webvitals.CLS',
    kind: 'distribution',
    unit: '',
    help: 'Cumulative Layout Shift from real browsers',
  },
  {
    name: 'webvitals.FCP',
    kind: 'distribution',
    unit: 'ms',
    help: 'First Contentful Paint from real browsers',
  },
  {
    name: 'webvitals.TTFB',
    kind: 'distribution',
    unit: 'ms',
    help: 'Time to First Byte from real browsers',
  },
  {
    name: 'webvitals.ratings',
    kind: 'counter',
    unit: '',
    help: 'Web Vitals reports per rating (good, needs-improvement, poor)',
  },
  {
    name: 'webvitals.ratingMismatches',
    kind: 'counter',
    unit: '',
    help: 'Web Vitals reports whose browser rating disagreed with the server rating (which is recorded)',
  },
  ...(['LCP', 'INP', 'CLS'] as const).map((vital) => ({
    name: `webvitals.targets.${vital}`,
    kind: 'distribution' as const,
    unit: vital === 'CLS' ? '' : 'ms',
    help: `${vital} per element that caused it (CSS selector, bounded by the series cap)`,
  })),
  {
    name: 'webvitals.phases',
    kind: 'distribution',
    unit: 'ms',
    help: 'Web Vitals time per phase (web-vitals attribution, e.g. LCP resourceLoadDelay)',
  },
  {
    name: 'browser.cache.lookups',
    kind: 'counter',
    unit: '',
    help: 'Browser cache tier lookups per tier and outcome',
  },
];
