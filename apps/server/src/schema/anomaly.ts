import type { InsightAnomaly } from '../insight/anomaly-scanner.ts';
import { builder } from './builder.ts';
import { InsightStatisticEnum } from './regression.ts';

const AnomalyKindEnum = builder.enumType('AnomalyKind', {
  values: {
    SPIKE: { value: 'spike', description: 'One point far from the expected value.' },
    LEVEL_SHIFT: { value: 'level_shift', description: 'The level moved and stayed (5 points).' },
  } as const,
});

const AnomalyReferenceEnum = builder.enumType('AnomalyReference', {
  values: {
    SEASONAL: { value: 'seasonal', description: 'The same time of earlier days.' },
    TRAILING: { value: 'trailing', description: 'The hours before (less than 3 days held).' },
  } as const,
});

const AnomalyRef = builder.objectRef<InsightAnomaly>('Anomaly').implement({
  description: 'A key metric (all series merged, 5-minute points) off its robust expectation.',
  fields: (t) => ({
    id: t.exposeID('id'),
    metric: t.exposeString('metric'),
    statistic: t.field({ type: InsightStatisticEnum, resolve: (a) => a.statistic }),
    kind: t.field({ type: AnomalyKindEnum, resolve: (a) => a.kind }),
    reference: t.field({ type: AnomalyReferenceEnum, resolve: (a) => a.reference }),
    value: t.exposeFloat('value'),
    expected: t.exposeFloat('expected'),
    zScore: t.exposeFloat('zScore', {
      description: 'Robust z-score (median and MAD) of the value.',
    }),
    firstSeen: t.field({ type: 'DateTime', resolve: (a) => new Date(a.firstSeen) }),
    lastSeen: t.field({ type: 'DateTime', resolve: (a) => new Date(a.lastSeen) }),
    endedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (a) => (a.endedAt === null ? null : new Date(a.endedAt)),
    }),
  }),
});

/** Role: viewer. */
builder.queryField('anomalies', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [AnomalyRef],
    description:
      'Open anomalies, and those ended since `since` (default: the last hour), newest first.',
    args: { since: t.arg({ type: 'DateTime', required: false }) },
    resolve: (_root, args, { services }) =>
      services.insight.anomalies(args.since?.getTime() ?? Date.now() - 3_600_000),
  }),
);
