import { INSIGHT_STATISTICS } from '@taurine/monitor';
import type { Regression } from '@taurine/monitor';
import { builder } from './builder.ts';
import { TagRef, toTagPairs } from './metric.ts';

export const InsightStatisticEnum = builder.enumType('InsightStatistic', {
  description: 'A statistic insight compares: quantiles of a distribution, or the mean.',
  values: Object.fromEntries(INSIGHT_STATISTICS.map((s) => [s.toUpperCase(), { value: s }])) as {
    [K in (typeof INSIGHT_STATISTICS)[number] as Uppercase<K>]: { value: K };
  },
});

export const RegressionSeverityEnum = builder.enumType('RegressionSeverity', {
  description: 'WARNING past the threshold, CRITICAL past twice the threshold.',
  values: { WARNING: { value: 'warning' }, CRITICAL: { value: 'critical' } } as const,
});

const RegressionRef = builder.objectRef<Regression>('Regression').implement({
  description:
    'A statistic of a series worse than its baseline past the threshold, out of the noise, on enough samples.',
  fields: (t) => ({
    id: t.exposeID('id'),
    metric: t.exposeString('metric'),
    tags: t.field({ type: [TagRef], resolve: (r) => toTagPairs(r.tags) }),
    statistic: t.field({ type: InsightStatisticEnum, resolve: (r) => r.statistic }),
    baselineValue: t.exposeFloat('baselineValue'),
    currentValue: t.exposeFloat('currentValue'),
    changePercent: t.float({
      description: 'Change from the baseline in percent at the last check (25 = 25 % higher).',
      resolve: (r) => Math.round(r.change * 1000) / 10,
    }),
    worstChangePercent: t.float({ resolve: (r) => Math.round(r.worstChange * 1000) / 10 }),
    confidence: t.exposeFloat('confidence', {
      description: '0..1: samples held and distance from the noise.',
    }),
    severity: t.field({ type: RegressionSeverityEnum, resolve: (r) => r.severity }),
    firstSeen: t.field({ type: 'DateTime', resolve: (r) => new Date(r.firstSeen) }),
    lastSeen: t.field({ type: 'DateTime', resolve: (r) => new Date(r.lastSeen) }),
    recoveredAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (r) => (r.recoveredAt === null ? null : new Date(r.recoveredAt)),
    }),
    open: t.boolean({ resolve: (r) => r.recoveredAt === null }),
  }),
});

/** Role: viewer. */
builder.queryField('regressions', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [RegressionRef],
    description:
      'Open regressions, and those recovered since `since` (default: the last hour), newest first.',
    args: {
      since: t.arg({ type: 'DateTime', required: false }),
      severity: t.arg({ type: RegressionSeverityEnum, required: false }),
    },
    resolve: (_root, args, { services }) =>
      services.insight.regressions(
        args.since?.getTime() ?? Date.now() - 3_600_000,
        args.severity ?? undefined,
      ),
  }),
);
