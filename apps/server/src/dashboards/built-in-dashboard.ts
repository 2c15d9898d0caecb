import type { DashboardDocument, DashboardPanel, PanelQuery } from '@taurine/monitor';

/** The id of the provisioned monitoring dashboard. */
export const BUILT_IN_DASHBOARD_ID = 'monitoring';

const query = (metric: string, stat: PanelQuery['stat'], groupBy: string | null = null) => ({
  metric,
  stat,
  tags: [],
  groupBy,
  label: null,
});

const options = (
  overrides: Partial<DashboardPanel['options']> = {},
): DashboardPanel['options'] => ({
  thresholds: [],
  sparkline: false,
  stacked: false,
  max: null,
  markdown: '',
  ...overrides,
});

/**
 * The fixed monitoring page as a provisioned dashboard: the same five charts (response-time
 * percentiles, throughput, error rate, memory, cache hit rate) plus key figures. It is read-only;
 * users duplicate it to change it.
 */
export const BUILT_IN_DASHBOARD: DashboardDocument = {
  title: 'Monitoring',
  description: 'The built-in monitoring dashboard. Duplicate it to make your own.',
  tags: ['built-in'],
  timeRange: '1h',
  refreshSeconds: 30,
  variables: [],
  panels: [
    {
      id: 'p95',
      kind: 'stat',
      title: 'API p95',
      grid: { x: 0, y: 0, w: 6, h: 4 },
      queries: [query('api.responseTime', 'p95')],
      options: options({
        sparkline: true,
        thresholds: [
          { value: 0, color: 'green' },
          { value: 500, color: 'yellow' },
          { value: 2000, color: 'red' },
        ],
      }),
    },
    {
      id: 'throughput',
      kind: 'stat',
      title: 'Requests per second',
      grid: { x: 6, y: 0, w: 6, h: 4 },
      queries: [query('api.requests', 'rate')],
      options: options({ sparkline: true }),
    },
    {
      id: 'errors',
      kind: 'stat',
      title: 'Server errors per second',
      grid: { x: 12, y: 0, w: 6, h: 4 },
      queries: [{ ...query('api.errors', 'rate'), tags: [{ key: 'type', value: 'server' }] }],
      options: options({
        sparkline: true,
        thresholds: [
          { value: 0, color: 'green' },
          { value: 0.1, color: 'red' },
        ],
      }),
    },
    {
      id: 'heap',
      kind: 'bargauge',
      title: 'Heap used of the limit',
      grid: { x: 18, y: 0, w: 6, h: 4 },
      queries: [query('process.heapUsedRatio', 'last')],
      options: options({
        max: 1,
        thresholds: [
          { value: 0, color: 'green' },
          { value: 0.6, color: 'yellow' },
          { value: 0.8, color: 'red' },
        ],
      }),
    },
    {
      id: 'latency',
      kind: 'timeseries',
      title: 'Response time',
      grid: { x: 0, y: 4, w: 12, h: 8 },
      queries: [
        query('api.responseTime', 'p50'),
        query('api.responseTime', 'p95'),
        query('api.responseTime', 'p99'),
      ],
      options: options(),
    },
    {
      id: 'latency-heatmap',
      kind: 'heatmap',
      title: 'Response-time distribution',
      grid: { x: 12, y: 4, w: 12, h: 8 },
      queries: [query('api.responseTime', 'count')],
      options: options(),
    },
    {
      id: 'by-operation',
      kind: 'table',
      title: 'p95 by operation',
      grid: { x: 0, y: 12, w: 12, h: 8 },
      queries: [query('api.responseTime', 'p95', 'operation')],
      options: options(),
    },
    {
      id: 'cache',
      kind: 'timeseries',
      title: 'Cache hit rate',
      grid: { x: 12, y: 12, w: 12, h: 8 },
      queries: [query('cache.hitRate', 'avg', 'tier')],
      options: options(),
    },
    {
      id: 'alerts',
      kind: 'alertlist',
      title: 'Open alerts',
      grid: { x: 0, y: 20, w: 24, h: 6 },
      queries: [],
      options: options(),
    },
  ],
};
