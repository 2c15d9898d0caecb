import { MonitorError, WINDOW_DURATIONS } from '@taurine/monitor';
import type {
  MetricStats,
  MetricsRegistry,
  SeriesInfo,
  SeriesPoint,
  Tags,
  WindowName,
} from '@taurine/monitor';
import { GraphQLError } from 'graphql';
import { UnknownInstanceError } from '../cluster/cluster-service.ts';
import { sinceForWindow } from '../cluster/cluster-views.ts';
import type { ViewScope } from '../cluster/cluster-views.ts';
import type { Services } from '../services.ts';
import { builder } from './builder.ts';

/** Tags travel as key/value pairs: GraphQL has no map type, and pairs keep the order explicit. */
export interface TagPair {
  key: string;
  value: string;
}

export const TagRef = builder.objectRef<TagPair>('Tag').implement({
  fields: (t) => ({ key: t.exposeString('key'), value: t.exposeString('value') }),
});

export const TagInput = builder.inputType('TagInput', {
  fields: (t) => ({ key: t.string({ required: true }), value: t.string({ required: true }) }),
});

export const toTagPairs = (tags: Tags): TagPair[] =>
  Object.entries(tags).map(([key, value]) => ({ key, value }));

export const fromTagPairs = (pairs: readonly TagPair[] | null | undefined): Tags | undefined => {
  if (!pairs || pairs.length === 0) return undefined;
  const tags: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const { key, value } of pairs) tags[key] = value;
  return tags;
};

const WINDOW_NAMES = Object.keys(WINDOW_DURATIONS) as WindowName[];

export const StatsWindowEnum = builder.enumType('StatsWindow', {
  description: 'A window ending now.',
  values: Object.fromEntries(
    WINDOW_NAMES.map((name) => [
      `LAST_${name.toUpperCase()}`,
      { value: name, description: `The last ${name}` },
    ]),
  ),
});

export const StatEnum = builder.enumType('Stat', {
  values: {
    COUNT: { value: 'count' },
    SUM: { value: 'sum' },
    AVG: { value: 'avg' },
    MIN: { value: 'min' },
    MAX: { value: 'max' },
    P50: { value: 'p50' },
    P75: { value: 'p75' },
    P90: { value: 'p90' },
    P95: { value: 'p95' },
    P99: { value: 'p99' },
    RATE: { value: 'rate', description: 'Per second (counters).' },
    LAST: { value: 'last', description: 'Latest value (gauges).' },
  } as const,
});

export const TimeRangeInput = builder.inputType('TimeRangeInput', {
  description:
    'An explicit range. It is widened to whole rollup buckets: `from` is rounded down and `to` up to the minute (to 5 minutes beyond 6 hours ago, to the hour beyond 7 days ago), so the statistics are exactly those of the widened range.',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', required: true }),
    to: t.field({ type: 'DateTime', required: true }),
  }),
});

const MetricKindEnum = builder.enumType('MetricKind', {
  values: {
    COUNTER: { value: 'counter' },
    GAUGE: { value: 'gauge' },
    DISTRIBUTION: { value: 'distribution' },
  } as const,
});

const MetricSeriesRef = builder.objectRef<SeriesInfo>('MetricSeries').implement({
  description: 'One series: a metric name and one set of tags.',
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: MetricKindEnum, resolve: (series) => series.kind }),
    unit: t.exposeString('unit'),
    help: t.exposeString('help'),
    tags: t.field({ type: [TagRef], resolve: (series) => toTagPairs(series.tags) }),
  }),
});

const MetricStatsRef = builder.objectRef<MetricStats>('MetricStats').implement({
  description:
    'Statistics over a window, merged from rollups. Null means no data (not zero). Quantiles come from a sketch with 1 % relative accuracy; count, sum, min and max are exact.',
  fields: (t) => ({
    count: t.exposeFloat('count'),
    sum: t.exposeFloat('sum', { nullable: true }),
    avg: t.exposeFloat('avg', { nullable: true }),
    min: t.exposeFloat('min', { nullable: true }),
    max: t.exposeFloat('max', { nullable: true }),
    p50: t.exposeFloat('p50', { nullable: true }),
    p75: t.exposeFloat('p75', { nullable: true }),
    p90: t.exposeFloat('p90', { nullable: true }),
    p95: t.exposeFloat('p95', { nullable: true }),
    p99: t.exposeFloat('p99', { nullable: true }),
    rate: t.exposeFloat('rate', { nullable: true, description: 'Per second (counters).' }),
    last: t.exposeFloat('last', { nullable: true, description: 'Latest value (gauges).' }),
  }),
});

const SeriesPointRef = builder.objectRef<SeriesPoint>('SeriesPoint').implement({
  fields: (t) => ({
    t: t.field({ type: 'DateTime', resolve: (point) => new Date(point.t) }),
    value: t.exposeFloat('value', { nullable: true }),
  }),
});

/** Turns the registry's query errors (bad names, tags, ranges) into client errors. */
export const asUserError = (error: unknown): never => {
  if (error instanceof MonitorError) {
    throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  throw error;
};

export const rangeOf = (range: { from: Date; to: Date }) => {
  const from = range.from.getTime();
  const to = range.to.getTime();
  if (!(to > from)) {
    throw new GraphQLError('range.to must be after range.from', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return { from, to };
};

/** The registry a query reads (the cluster, or `instance`), unknown instances as client errors. */
export async function registryFor(services: Services, scope: ViewScope): Promise<MetricsRegistry> {
  try {
    return await services.cluster.view(scope);
  } catch (error) {
    if (error instanceof UnknownInstanceError) {
      throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    throw error;
  }
}

const INSTANCE_ARG_DESCRIPTION =
  "One instance's own data (an id from `instances`); the whole deployment when absent.";

builder.queryField('metrics', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [MetricSeriesRef],
    description: 'Series whose name starts with `prefix` and whose tags include `tags`.',
    args: {
      prefix: t.arg.string({ required: false }),
      tags: t.arg({ type: [TagInput], required: false }),
      instance: t.arg.string({ required: false, description: INSTANCE_ARG_DESCRIPTION }),
    },
    resolve: async (_root, args, { services }) => {
      const now = Date.now();
      const registry = await registryFor(services, {
        since: sinceForWindow('6h', now),
        instance: args.instance ?? undefined,
      });
      return registry.listSeries(args.prefix ?? undefined, fromTagPairs(args.tags));
    },
  }),
);

builder.queryField('stats', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: MetricStatsRef,
    description:
      'Statistics of every series of `name` whose tags include `tags`, over `window` (default the last 5 minutes) or an explicit `range`.',
    args: {
      name: t.arg.string({ required: true }),
      tags: t.arg({ type: [TagInput], required: false }),
      window: t.arg({ type: StatsWindowEnum, required: false }),
      range: t.arg({ type: TimeRangeInput, required: false }),
      instance: t.arg.string({ required: false, description: INSTANCE_ARG_DESCRIPTION }),
    },
    resolve: async (_root, args, { services }) => {
      if (args.window && args.range) {
        throw new GraphQLError('Pass either window or range, not both', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      const window = args.range ? rangeOf(args.range) : (args.window ?? '5m');
      const registry = await registryFor(services, {
        names: [args.name],
        since: sinceForWindow(window, Date.now()),
        instance: args.instance ?? undefined,
      });
      try {
        return registry.stats(args.name, fromTagPairs(args.tags), window);
      } catch (error) {
        return asUserError(error);
      }
    },
  }),
);

builder.queryField('series', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: [SeriesPointRef],
    description:
      'One statistic per step over a range, for charts. `stepSeconds` is a whole number of minutes (60, 120, …). Points start on whole steps (multiples of the step since the epoch, from `range.from` rounded down) and each covers `[t, t + step)`.',
    args: {
      name: t.arg.string({ required: true }),
      tags: t.arg({ type: [TagInput], required: false }),
      range: t.arg({ type: TimeRangeInput, required: true }),
      stepSeconds: t.arg.int({ required: false, defaultValue: 60 }),
      stat: t.arg({ type: StatEnum, required: false, defaultValue: 'avg' }),
      instance: t.arg.string({ required: false, description: INSTANCE_ARG_DESCRIPTION }),
    },
    resolve: async (_root, args, { services }) => {
      const range = rangeOf(args.range);
      const registry = await registryFor(services, {
        names: [args.name],
        since: sinceForWindow(range, Date.now()),
        instance: args.instance ?? undefined,
      });
      try {
        return registry.series(
          args.name,
          fromTagPairs(args.tags),
          range,
          (args.stepSeconds ?? 60) * 1000,
          args.stat ?? 'avg',
        );
      } catch (error) {
        return asUserError(error);
      }
    },
  }),
);
