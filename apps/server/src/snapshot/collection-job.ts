import type { MetricsRegistry } from '@taurine/monitor';
import type { Store } from '@taurine/store';
import type { ProcessSampler } from '../metrics/process-sampler.ts';
import { createRollupPersistence } from './rollup-persistence.ts';
import { buildSnapshot, errorRate } from './snapshot.ts';
import type { DependencyStatus, Snapshot, SnapshotAlert, SnapshotInsight } from './snapshot.ts';

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
  /** Ends idle visitor sessions and updates the business gauges (cost per acquisition). */
  analytics?: (now: number) => void;
  /** Insight's tick work (baselines, scans, budgets, gauges), after the rollover. */
  refreshInsight?: (now: number) => Promise<void>;
  /** Insight's numbers for the snapshot. */
  insightSummary?: () => SnapshotInsight;
}

export interface CollectionJobOptions {
  registry: MetricsRegistry;
  store: Store;
  sampler: ProcessSampler;
  sources: CollectionSources;
  instanceId: string;
  intervalMs: number;
  /**
   * Writes the open minute to the store every tick too (a cluster merges every instance's rows, so
   * it is at most a tick behind; an instance that dies loses its last tick at most). @default false
   */
  shareOpenMinute?: boolean;
  /** Receives each new snapshot (the subscription fan-out). */
  publish: (snapshot: Snapshot) => void;
  now?: () => number;
  /** Reports a failed step (to the server's log); the tick goes on with the next one. */
  onError: (step: string, error: unknown) => void;
}

type ProcessSample = ReturnType<ProcessSampler['sample']>;

/** Runs one step of the tick: a failure is reported and the fallback stands in for its result. */
type Step = <T>(name: string, fn: () => Promise<T> | T, fallback: T) => Promise<T>;

const stepRunner =
  (onError: (step: string, error: unknown) => void): Step =>
  async (name, fn, fallback) => {
    try {
      return await fn();
    } catch (error) {
      onError(name, error);
      return fallback;
    }
  };

/** The process gauges, and the event loop delays observed since the last sample. */
function recordProcessSample(registry: MetricsRegistry, sample: ProcessSample): void {
  registry.gauge('process.heapUsedMB', sample.heapUsedMB);
  registry.gauge('process.rssMB', sample.rssMB);
  registry.gauge('process.heapUsedRatio', sample.heapUsedRatio);
  registry.gauge('process.cpuUsage', sample.cpuUsage);
  registry.gauge('process.uptimeSeconds', sample.uptimeSeconds);
  const eventLoopDelay = registry.handle('process.eventLoopDelay', 'distribution');
  for (const { valueMs, count } of sample.eventLoopDelay?.observations ?? []) {
    for (let i = 0; i < count; i++) eventLoopDelay.record(valueMs);
  }
}

/** The ratio gauges derived from counters: error rate and conversion rate (when measurable). */
function recordDerivedRatios(registry: MetricsRegistry): void {
  const rate = errorRate(registry);
  if (rate !== null) registry.gauge('api.errorRate', rate);
  const calculations = registry.stats('business.calculations', undefined, '1h').sum;
  if (calculations !== null && calculations > 0) {
    const clicks = registry.stats('business.affiliateClicks', undefined, '1h').sum ?? 0;
    registry.gauge('business.conversionRate', clicks / calculations);
  }
}

/** `cache.tierUp{tier}` for every tier that is not disabled. */
function recordCacheTiers(registry: MetricsRegistry, tiers: Record<string, DependencyStatus>) {
  for (const [tier, status] of Object.entries(tiers)) {
    if (status !== 'disabled') registry.gauge('cache.tierUp', status === 'up' ? 1 : 0, { tier });
  }
}

/** What a tick reads and writes besides the clock. */
interface TickContext {
  registry: MetricsRegistry;
  sampler: ProcessSampler;
  sources: CollectionSources;
  instanceId: string;
  step: Step;
  flushRollups: () => Promise<void>;
  shareOpenMinute: boolean;
}

/**
 * One tick's work at `at`: the gauges, the rollover, the snapshot (its health score a gauge too),
 * rule evaluation and the rollup flush, in that order.
 */
async function collectSnapshot(context: TickContext, at: number): Promise<Snapshot> {
  const { registry, sampler, sources, instanceId, step, flushRollups, shareOpenMinute } = context;
  const processSample = sampler.sample();
  recordProcessSample(registry, processSample);
  const webSocketConnections = sources.webSocketConnections();
  registry.gauge('websocket.connections', webSocketConnections);
  const activeUsers = sources.activeUsers(at);
  registry.gauge('users.active', activeUsers);

  const dependencies = await step('dependencies', sources.dependencies, {
    database: 'down' as const,
  });
  registry.gauge('health.uptimeRatio', dependencies['database'] === 'up' ? 1 : 0);
  recordDerivedRatios(registry);
  if (sources.analytics) {
    const analytics = sources.analytics;
    await step(
      'analytics',
      () => {
        analytics(at);
      },
      undefined,
    );
  }
  const cacheHitRate = sources.cacheHitRate
    ? await step('cache stats', sources.cacheHitRate, null)
    : null;
  if (cacheHitRate !== null) registry.gauge('cache.hitRate', cacheHitRate);
  recordCacheTiers(
    registry,
    sources.cacheTiers ? await step('cache tiers', sources.cacheTiers, {}) : {},
  );

  registry.rollover(at);
  if (sources.refreshInsight) await step('insight', () => sources.refreshInsight!(at), undefined);
  const snapshotWithoutAlerts = buildSnapshot({
    registry,
    now: at,
    instanceId,
    process: processSample,
    activeUsers,
    webSocketConnections,
    cacheHitRate,
    dependencies,
    activeAlerts: [],
    insight: sources.insightSummary?.(),
  });
  registry.gauge('health.score', snapshotWithoutAlerts.healthScore);

  if (sources.evaluateAlerts)
    await step('alert evaluation', () => sources.evaluateAlerts!(at), undefined);
  // Later samples of this minute merge into the sealed rollup, which is written again.
  if (shareOpenMinute) registry.sealOpenMinute();
  await step('rollup flush', flushRollups, undefined);

  return { ...snapshotWithoutAlerts, activeAlerts: sources.activeAlerts?.() ?? [] };
}

/**
 * The collection tick (every `COLLECT_INTERVAL_MS`): samples the process, derives the ratio gauges,
 * evaluates alert rules, persists closed rollups, and publishes a snapshot. A failing step is
 * reported and skipped; the tick itself never throws and never overlaps the previous one.
 */
export function createCollectionJob(options: CollectionJobOptions) {
  const { registry, store, sampler, sources } = options;
  const now = options.now ?? Date.now;
  const { onError } = options;
  const step = stepRunner(onError);
  const rollups = createRollupPersistence({
    registry,
    store,
    instanceId: options.instanceId,
    now,
  });
  let latest: Snapshot | null = null;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const context: TickContext = {
    registry,
    sampler,
    sources,
    instanceId: options.instanceId,
    step,
    flushRollups: rollups.flush,
    shareOpenMinute: options.shareOpenMinute ?? false,
  };

  async function tick(): Promise<void> {
    const snapshot = await collectSnapshot(context, now());
    latest = snapshot;
    options.publish(snapshot);
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
      await step('final rollup flush', rollups.flush, undefined);
    },
    /** Deletes persisted rollups past retention; run at start and hourly. */
    enforceRetention: rollups.enforceRetention,
    /** Loads this instance's persisted rollups so history survives a restart. */
    restore: rollups.restore,
  };
}

export type CollectionJob = ReturnType<typeof createCollectionJob>;
