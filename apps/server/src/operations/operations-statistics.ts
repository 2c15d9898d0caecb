import type { MetricsRegistry, SeriesStats } from '@taurine/monitor';
import type { HeapSample, OperationsStatistics } from '@taurine/monitor/operations';
import type { CacheKeyWatch } from './cache-key-watch.ts';

/** Where the statistics come from. */
export interface StatisticsSources {
  registry: MetricsRegistry;
  keys: CacheKeyWatch;
  heap: () => readonly HeapSample[];
}

const WINDOW = '1h';
const WINDOW_MS = 3_600_000;

/** Merges series sharing the value of `tag` (e.g. one operation over several methods). */
function byTag(series: readonly SeriesStats[], tag: string): Map<string, SeriesStats[]> {
  const groups = new Map<string, SeriesStats[]>();
  for (const entry of series) {
    const value = entry.tags[tag];
    if (value === undefined || entry.stats.count === 0) continue;
    groups.set(value, [...(groups.get(value) ?? []), entry]);
  }
  return groups;
}

/** The biggest series of a group stands for its quantiles; counts add up. */
function summary(group: readonly SeriesStats[]) {
  const biggest = [...group].sort((a, b) => b.stats.count - a.stats.count)[0]!;
  return { count: group.reduce((sum, s) => sum + s.stats.count, 0), stats: biggest.stats };
}

/**
 * The last hour's statistics for the suggestion rules: GraphQL operations (`api.responseTime`,
 * `api.responseSize`), sampled fields (`graphql.fieldTime`, `graphql.fieldCalls`), cache keys
 * from the key watch, routes' LCP with their most frequent LCP element, and heap after GC.
 */
export function gatherStatistics(sources: StatisticsSources): OperationsStatistics {
  const { registry } = sources;
  const sizes = byTag(registry.seriesStats('api.responseSize', undefined, WINDOW), 'operation');
  const operations = [
    ...byTag(
      registry.seriesStats('api.responseTime', { endpoint: '/graphql' }, WINDOW),
      'operation',
    ),
  ]
    .filter(([name]) => name !== 'none')
    .map(([name, group]) => {
      const { count, stats } = summary(group);
      const size = sizes.get(name);
      return {
        name,
        count,
        p95Ms: stats.p95 ?? 0,
        p95Bytes: size ? (summary(size).stats.p95 ?? 0) * 1_048_576 : null,
      };
    });
  const calls = byTag(registry.seriesStats('graphql.fieldCalls', undefined, WINDOW), 'field');
  const fields = [
    ...byTag(registry.seriesStats('graphql.fieldTime', undefined, WINDOW), 'field'),
  ].map(([path, group]) => {
    const { count, stats } = summary(group);
    const perOperation = calls.get(path);
    return {
      path,
      count,
      p95Ms: stats.p95 ?? 0,
      callsPerOperationP95: perOperation ? (summary(perOperation).stats.p95 ?? 1) : 1,
    };
  });
  const targets = byTag(registry.seriesStats('webvitals.targets.LCP', undefined, WINDOW), 'route');
  const routes = [...byTag(registry.seriesStats('webvitals.LCP', undefined, WINDOW), 'route')].map(
    ([route, group]) => {
      const { count, stats } = summary(group);
      const element = targets.get(route)?.sort((a, b) => b.stats.count - a.stats.count)[0];
      return {
        route,
        samples: count,
        lcpP75Ms: stats.p75 ?? 0,
        element: element?.tags['target'] ?? null,
      };
    },
  );
  return {
    windowMs: WINDOW_MS,
    operations,
    fields,
    cacheKeys: sources.keys.keys(),
    routes,
    heap: sources.heap(),
  };
}
