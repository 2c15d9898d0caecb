import { GraphQLError } from 'graphql';
import type { Baseline, StatisticSpread } from '@taurine/monitor';
import { builder } from './builder.ts';
import { TagInput, fromTagPairs } from './metric.ts';
import { InsightStatisticEnum } from './regression.ts';

const BaselinePeriodEnum = builder.enumType('BaselinePeriod', {
  values: {
    LAST_1H: { value: '1h' },
    LAST_24H: { value: '24h' },
    LAST_7D: { value: '7d' },
    SAME_HOUR_LAST_WEEK: { value: 'sameHourLastWeek', description: 'For seasonal metrics.' },
  } as const,
});

const StatisticSpreadRef = builder.objectRef<StatisticSpread>('StatisticSpread').implement({
  description: "How much a statistic varies between the baseline's slices: its noise.",
  fields: (t) => ({
    statistic: t.field({ type: InsightStatisticEnum, resolve: (s) => s.statistic }),
    median: t.exposeFloat('median', { nullable: true }),
    mad: t.exposeFloat('mad', {
      nullable: true,
      description: 'Median absolute deviation × 1.4826.',
    }),
    stdDev: t.exposeFloat('stdDev', { nullable: true }),
  }),
});

const BaselineRef = builder.objectRef<Baseline>('Baseline').implement({
  description:
    'A series over a period, from merged rollup sketches: median, p95, p99, mean; stdDev and mad of the per-slice means; per-statistic noise.',
  fields: (t) => ({
    period: t.field({ type: BaselinePeriodEnum, resolve: (b) => b.period }),
    from: t.field({ type: 'DateTime', resolve: (b) => new Date(b.from) }),
    to: t.field({ type: 'DateTime', resolve: (b) => new Date(b.to) }),
    count: t.exposeInt('count'),
    median: t.exposeFloat('median', { nullable: true }),
    p95: t.exposeFloat('p95', { nullable: true }),
    p99: t.exposeFloat('p99', { nullable: true }),
    mean: t.exposeFloat('mean', { nullable: true }),
    stdDev: t.exposeFloat('stdDev', { nullable: true }),
    mad: t.exposeFloat('mad', { nullable: true }),
    slices: t.exposeInt('slices', {
      description: 'Slices (minutes, 5 minutes or hours) with data.',
    }),
    spread: t.field({ type: [StatisticSpreadRef], resolve: (b) => Object.values(b.spread) }),
  }),
});

/** Role: viewer. */
builder.queryField('baseline', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: BaselineRef,
    nullable: true,
    description:
      'The baseline of a metric (series matching `tags`) over a period; null for an unknown metric.',
    args: {
      name: t.arg.string({ required: true }),
      tags: t.arg({ type: [TagInput], required: false }),
      period: t.arg({ type: BaselinePeriodEnum, required: false, defaultValue: '1h' }),
    },
    resolve: (_root, args, { services }) => {
      if (args.name.length > 200)
        throw new GraphQLError('name is too long', { extensions: { code: 'BAD_USER_INPUT' } });
      return services.insight.baseline(
        args.name,
        fromTagPairs(args.tags) ?? {},
        args.period ?? '1h',
      );
    },
  }),
);
