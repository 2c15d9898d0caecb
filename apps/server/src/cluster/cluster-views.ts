import {
  HOUR_MS,
  WINDOW_DURATIONS,
  createMetricsRegistry,
  mergeInstanceRollups,
} from '@taurine/monitor';
import type { MetricsRegistry, Resolution, Tags, TimeRange, Window } from '@taurine/monitor';
import type { Store } from '@taurine/store';
import { METRIC_DEFINITIONS } from '../metrics/metric-definitions.ts';
import { ROLLUP_RETENTION_MS, toRecord } from '../snapshot/rollup-persistence.ts';

/** What a query reads: one metric or all, from when, the whole cluster or one instance. */
export interface ViewScope {
  /** Exact metric names to load; every metric when absent. */
  names?: readonly string[] | undefined;
  /** Oldest bucket the query can read (epoch ms). */
  since: number;
  /** One instance's own data; the merged cluster when absent. */
  instance?: string | undefined;
}

/** Options of {@link createClusterViews}. */
export interface ClusterViewsOptions {
  store: Pick<Store, 'rollups'>;
  standardTags: Tags;
  /** Views are rebuilt at most once per tick: the store changes once per tick. */
  intervalMs: number;
  now: () => number;
  /** Most views held at once (each a registry over the rows it loaded). @default 32 */
  maxViews?: number;
}

/** The oldest bucket a query over `window` at `now` reads: its start widened to whole hours. */
export function sinceForWindow(window: Window, now: number): number {
  const from = typeof window === 'string' ? now - WINDOW_DURATIONS[window] : window.from;
  return Math.floor(from / HOUR_MS) * HOUR_MS - HOUR_MS;
}

/**
 * The rows a registry reads for data since `since` at `now`: minutes within their retention (and an
 * hour more, so a query near the edge still finds them), 5-minute buckets within theirs, hours only
 * beyond that (see the registry's cover plan). Loading only these keeps a 24 h view to a third of
 * the rows.
 */
function resolutionsFor(since: number, now: number) {
  const minutesFrom = now - ROLLUP_RETENTION_MS['1m'] - HOUR_MS;
  const fiveMinutesFrom = now - ROLLUP_RETENTION_MS['5m'] - HOUR_MS;
  const parts: { resolution: Resolution; since: number }[] = [
    { resolution: '1m', since: Math.max(since, minutesFrom) },
  ];
  if (since < minutesFrom)
    parts.push({ resolution: '5m', since: Math.max(since, fiveMinutesFrom) });
  if (since < fiveMinutesFrom) parts.push({ resolution: '1h', since });
  return parts;
}

/**
 * What an export reads: the named metric (or every one for a prefix) since the range's start, or
 * the last hour for current values (`/metrics`, exports without a range).
 */
export function exportScope(
  metric: string | null | undefined,
  range: TimeRange | undefined,
  now: number,
): ViewScope {
  const names = metric && !metric.endsWith('*') ? [metric] : undefined;
  return { names, since: range ? sinceForWindow(range, now) : sinceForWindow('1h', now) };
}

/**
 * Cluster views over the shared store: every instance writes its closed rollups and, each tick,
 * its open minute; a view loads the rows a query needs (all instances, or one), merges them per
 * series and bucket (`mergeInstanceRollups`) and answers from a registry holding the result. A view
 * is cached until the next tick, so a burst of queries costs one load.
 */
export function createClusterViews(options: ClusterViewsOptions) {
  const { store, standardTags, intervalMs, now } = options;
  const maxViews = options.maxViews ?? 32;
  let generation = -1;
  const views = new Map<string, Promise<MetricsRegistry>>();

  async function build(scope: ViewScope, at: number): Promise<MetricsRegistry> {
    const names = scope.names ?? [undefined];
    const rows = (
      await Promise.all(
        names.flatMap((name) =>
          resolutionsFor(scope.since, at).map((part) =>
            store.rollups.load({ ...part, name, instanceId: scope.instance }),
          ),
        ),
      )
    ).flat();
    const registry = createMetricsRegistry({
      clock: { now: () => Math.max(now(), at) },
      standardTags,
    });
    for (const definition of METRIC_DEFINITIONS) {
      registry.define(definition.name, definition.kind, {
        help: definition.help,
        unit: definition.unit,
      });
    }
    const records = rows.map(toRecord);
    registry.loadRollups(scope.instance === undefined ? mergeInstanceRollups(records) : records);
    return registry;
  }

  return {
    /** The registry answering `scope`: built from the store, or the one built earlier this tick. */
    view(scope: ViewScope, options: { fresh?: boolean } = {}): Promise<MetricsRegistry> {
      const at = now();
      const current = Math.floor(at / intervalMs);
      if (current !== generation) {
        generation = current;
        views.clear();
      }
      // Since is rounded to the hour, so queries in one tick share a view.
      const key = `${scope.instance ?? '*'}|${scope.names?.join(',') ?? '*'}|${scope.since}`;
      let view = views.get(key);
      if (view === undefined || options.fresh === true) {
        if (views.size >= maxViews) views.delete(views.keys().next().value!);
        view = build(scope, at);
        views.set(key, view);
        // A failed load is not cached: the next query tries again.
        view.catch(() => views.delete(key));
      }
      return view;
    },
  };
}

export type ClusterViews = ReturnType<typeof createClusterViews>;
