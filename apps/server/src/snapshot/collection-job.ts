import type { MetricsRegistry, RollupRecord } from '@taurine/monitor';
import type { RollupRow, Store } from '@taurine/store';
import type { ProcessSampler } from '../metrics/process-sampler.ts';
import { buildSnapshot, errorRate } from './snapshot.ts';
import type { DependencyStatus, Snapshot, SnapshotAlert } from './snapshot.ts';

/** Where the tick reads what other parts of the server know. Every source is optional. */
export interface CollectionSources {
  /** Overall server cache hit rate, null when there were no lookups. */
  cacheHitRate?: () => Promise<number | null>;
  /** Status of each dependency (database, redis, memory tier…). */
  dependencies: () => Promise<Record<string, DependencyStatus>>;
  /**
   * Status of each server cache tier: restated as `cache.tierUp{tier}` every tick, so the gauge
   * stays fresh on `/metrics` (stale gauges leave the exposition) while a tier keeps its state.
   */
  cacheTiers?: () => Record<string, DependencyStatus>;
  /** Distinct visitors in the last 5 minutes. */
  activeUsers: (now: number) => number;
  webSocketConnections: () => number;
  /** Evaluates alert rules against the fresh windows (the alerting service). */
  evaluateAlerts?: (now: number) => Promise<void>;
  activeAlerts?: () => SnapshotAlert[];
}

export interface CollectionJobOptions {
  registry: MetricsRegistry;
  store: Store;
  sampler: ProcessSampler;
  sources: CollectionSources;
  instanceId: string;
  intervalMs: number;
  /** Receives each new snapshot (the subscription fan-out). */
  publish: (snapshot: Snapshot) => void;
  now?: () => number;
  /** Reports a failed step; the tick goes on with the next one. @default console.error */
  onError?: (step: string, error: unknown) => void;
}

/** Retention of persisted rollups per resolution (minutes 6 h, 5-minute 7 d, hourly 90 d). */
export const ROLLUP_RETENTION_MS = {
  '1m': 6 * 3_600_000,
  '5m': 7 * 86_400_000,
  '1h': 90 * 86_400_000,
} as const;

/** Most drained rollups kept for a retry while the database is unreachable. */
const MAX_PENDING_ROLLUPS = 200_000;

const toRow = (instanceId: string, record: RollupRecord): RollupRow => ({
  instanceId,
  seriesKey: record.seriesKey,
  name: record.name,
  tags: record.tags,
  kind: record.kind,
  resolution: record.resolution,
  bucketStart: record.bucketStart,
  count: record.count,
  sum: record.sum,
  min: record.min,
  max: record.max,
  last: record.kind === 'gauge' ? record.last : null,
  sketch: record.sketch,
});

/**
 * The collection tick (every `COLLECT_INTERVAL_MS`): samples the process, derives the ratio gauges,
 * evaluates alert rules, persists closed rollups, and publishes a snapshot. A failing step is
 * reported and skipped; the tick itself never throws and never overlaps the previous one.
 */
export function createCollectionJob(options: CollectionJobOptions) {
  const { registry, store, sampler, sources } = options;
  const now = options.now ?? Date.now;
  const onError =
    options.onError ??
    ((step, error) => {
      console.error(`collection tick: ${step} failed`, error);
    });
  let latest: Snapshot | null = null;
  let pending: RollupRow[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const step = async <T>(name: string, fn: () => Promise<T> | T, fallback: T): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      onError(name, error);
      return fallback;
    }
  };

  /** Writes drained rollups; keeps them for the next tick if the database refuses. */
  async function flushRollups(): Promise<void> {
    pending.push(
      ...registry.drainClosedRollups().map((record) => toRow(options.instanceId, record)),
    );
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    try {
      await store.rollups.upsert(rows);
    } catch (error) {
      pending = rows.slice(-MAX_PENDING_ROLLUPS);
      throw error;
    }
  }

  async function tick(): Promise<Snapshot> {
    const at = now();
    const processSample = sampler.sample();
    registry.gauge('process.heapUsedMB', processSample.heapUsedMB);
    registry.gauge('process.rssMB', processSample.rssMB);
    registry.gauge('process.heapUsedRatio', processSample.heapUsedRatio);
    registry.gauge('process.cpuUsage', processSample.cpuUsage);
    registry.gauge('process.uptimeSeconds', processSample.uptimeSeconds);
    const eventLoopDelay = registry.handle('process.eventLoopDelay', 'distribution');
    for (const { valueMs, count } of processSample.eventLoopDelay?.observations ?? []) {
      for (let i = 0; i < count; i++) eventLoopDelay.record(valueMs);
    }
    const webSocketConnections = sources.webSocketConnections();
    registry.gauge('websocket.connections', webSocketConnections);
    const activeUsers = sources.activeUsers(at);
    registry.gauge('users.active', activeUsers);

    const dependencies = await step('dependencies', sources.dependencies, {
      database: 'down' as const,
    });
    registry.gauge('health.uptimeRatio', dependencies['database'] === 'up' ? 1 : 0);
    const rate = errorRate(registry);
    if (rate !== null) registry.gauge('api.errorRate', rate);
    const calculations = registry.stats('business.calculations', undefined, '1h').sum;
    if (calculations !== null && calculations > 0) {
      const clicks = registry.stats('business.affiliateClicks', undefined, '1h').sum ?? 0;
      registry.gauge('business.conversionRate', clicks / calculations);
    }
    const cacheHitRate = sources.cacheHitRate
      ? await step('cache stats', sources.cacheHitRate, null)
      : null;
    if (cacheHitRate !== null) registry.gauge('cache.hitRate', cacheHitRate);
    const tiers = sources.cacheTiers ? await step('cache tiers', sources.cacheTiers, {}) : {};
    for (const [tier, status] of Object.entries(tiers)) {
      if (status !== 'disabled') registry.gauge('cache.tierUp', status === 'up' ? 1 : 0, { tier });
    }

    registry.rollover(at);
    const snapshotWithoutAlerts = buildSnapshot({
      registry,
      now: at,
      instanceId: options.instanceId,
      process: processSample,
      activeUsers,
      webSocketConnections,
      cacheHitRate,
      dependencies,
      activeAlerts: [],
    });
    registry.gauge('health.score', snapshotWithoutAlerts.healthScore);

    if (sources.evaluateAlerts)
      await step('alert evaluation', () => sources.evaluateAlerts!(at), undefined);
    await step('rollup flush', flushRollups, undefined);

    const snapshot: Snapshot = {
      ...snapshotWithoutAlerts,
      activeAlerts: sources.activeAlerts?.() ?? [],
    };
    latest = snapshot;
    options.publish(snapshot);
    return snapshot;
  }

  /** Runs one tick unless one is already running (then waits for that one). */
  async function runTick(): Promise<void> {
    if (running) return running;
    running = tick().then(
      () => undefined,
      (error: unknown) => {
        onError('tick', error);
      },
    );
    try {
      await running;
    } finally {
      running = null;
    }
  }

  return {
    /** The most recent snapshot, or null before the first tick. */
    latest: () => latest,
    tick: runTick,
    start() {
      timer = setInterval(() => void runTick(), options.intervalMs);
      timer.unref();
    },
    /** Stops the timer and flushes everything, the open minute included: a graceful stop loses no sample. */
    async stop() {
      clearInterval(timer);
      await running;
      registry.rollover(now());
      // The minute still open is persisted too: loaded again within it, it merges with new
      // samples, so a graceful restart loses nothing and counts nothing twice.
      registry.sealOpenMinute();
      await step('final rollup flush', flushRollups, undefined);
    },
    /** Deletes persisted rollups past retention; run at start and hourly. */
    async enforceRetention() {
      const at = now();
      for (const [resolution, keepMs] of Object.entries(ROLLUP_RETENTION_MS)) {
        await store.rollups.deleteOlderThan(
          resolution as keyof typeof ROLLUP_RETENTION_MS,
          at - keepMs,
        );
      }
    },
    /** Loads this instance's persisted rollups so history survives a restart. */
    async restore() {
      const rows = await store.rollups.load({
        since: now() - ROLLUP_RETENTION_MS['1h'],
        instanceId: options.instanceId,
      });
      return registry.loadRollups(
        rows.map((row) => ({
          seriesKey: row.seriesKey,
          name: row.name,
          tags: row.tags,
          kind: row.kind,
          resolution: row.resolution,
          bucketStart: row.bucketStart,
          count: row.count,
          sum: row.sum,
          min: row.min,
          max: row.max,
          last: row.last ?? 0,
          sketch: row.sketch,
        })),
      );
    },
  };
}

export type CollectionJob = ReturnType<typeof createCollectionJob>;
