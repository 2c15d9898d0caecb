import type { ActiveSessions, MetricsRegistry } from '@taurine/monitor';
import type { Store } from '@taurine/store';
import type { Redis } from 'ioredis';
import type { TaurinePubSub } from '../infra/pubsub.ts';
import type { Snapshot, SnapshotAlert } from '../snapshot/snapshot.ts';
import { CLUSTER_SNAPSHOT_METRICS, buildClusterSnapshot } from './cluster-snapshot.ts';
import { createClusterViews, sinceForWindow } from './cluster-views.ts';
import type { ViewScope } from './cluster-views.ts';
import { createInstanceRegistry } from './instance-registry.ts';
import type { InstanceBeat, InstanceInfo } from './instance-registry.ts';
import { createSharedSessions } from './shared-sessions.ts';

/** Ticks without a beat before an instance is marked gone. */
export const GONE_AFTER_TICKS = 3;

/** The whole deployment's statistics, instances and snapshot stream; one instance alone without Redis. */
export interface ClusterService {
  /** True with a shared store (PostgreSQL) and Redis: statistics merge every instance's rollups. */
  readonly enabled: boolean;
  readonly instanceId: string;
  /**
   * The registry answering a query: the merged cluster (or `scope.instance` alone) from the shared
   * store, at most a tick behind; this process's own registry when the cluster is off. Rejects with
   * {@link UnknownInstanceError} for an instance this deployment never had.
   */
  view(scope: ViewScope): Promise<MetricsRegistry>;
  /** Every known instance: live ones, then gone ones (history still queryable). */
  instances(now: number): Promise<InstanceInfo[]>;
  /** Publishes a tick: the instance's own snapshot and beat; the leader adds the cluster snapshot. */
  publishTick(local: Snapshot, leading: boolean): Promise<void>;
  /** The latest cluster snapshot (or one instance's own), null before the first. */
  latest(instance?: string): Snapshot | null;
  /** Graceful stop: leaves the live view at once. */
  leave(): Promise<void>;
}

/** A query named an instance the deployment does not know. */
export class UnknownInstanceError extends Error {
  constructor(readonly instance: string) {
    super(`unknown instance "${instance}" (see the instances query)`);
    this.name = 'UnknownInstanceError';
  }
}

/** Options of {@link createClusterService}. */
export interface ClusterServiceOptions {
  instanceId: string;
  version: string;
  startedAt: number;
  intervalMs: number;
  registry: MetricsRegistry;
  sessions: ActiveSessions;
  store: Pick<Store, 'rollups'>;
  pubsub: TaurinePubSub;
  /** Absent: the cluster is off (one process, or SQLite). */
  redis: Redis | undefined;
  redisPrefix: string;
  leaderKey: string;
  activeAlerts: () => SnapshotAlert[];
  now?: () => number;
  /** Reports a failed cluster step; the tick goes on. */
  onError: (step: string, error: unknown) => void;
}

const beatOf = (snapshot: Snapshot, version: string, startedAt: number): InstanceBeat => ({
  id: snapshot.instanceId,
  version,
  startedAt,
  lastSeen: snapshot.at,
  healthScore: snapshot.healthScore,
  dependencies: snapshot.dependencies,
  heapUsedMB: snapshot.memory.heapUsedMB,
  rssMB: snapshot.memory.rssMB,
  heapUsedRatio: snapshot.memory.heapUsedRatio,
  cpuUsage: snapshot.cpuUsage,
  uptimeSeconds: snapshot.uptimeSeconds,
  webSocketConnections: snapshot.webSocketConnections,
  eventLoopP99Ms: snapshot.eventLoopDelayMs.p99,
});

/** Without Redis or a shared store: this process is the deployment. */
function singleInstance(options: ClusterServiceOptions): ClusterService {
  const { instanceId, registry } = options;
  let latest: Snapshot | null = null;
  let beat: InstanceBeat | null = null;
  return {
    enabled: false,
    instanceId,
    view(scope) {
      if (scope.instance !== undefined && scope.instance !== instanceId) {
        return Promise.reject(new UnknownInstanceError(scope.instance));
      }
      return Promise.resolve(registry);
    },
    instances: () =>
      Promise.resolve(beat ? [{ ...beat, leader: true, status: 'live' as const }] : []),
    publishTick(local) {
      latest = local;
      beat = beatOf(local, options.version, options.startedAt);
      options.pubsub.publish('snapshot', local);
      return Promise.resolve();
    },
    latest: (instance) => (instance === undefined || instance === instanceId ? latest : null),
    leave: () => Promise.resolve(),
  };
}

/**
 * The cluster over Redis and the shared store. Each tick every instance writes its beat, shares its
 * sessions and publishes its own snapshot on `instanceSnapshot`; the leader (the alerting leader
 * lock's holder) computes the cluster snapshot from the merged store and publishes it on
 * `snapshot`, so subscribers get one stream, one snapshot per tick, whichever instance they use.
 */
export function createClusterService(options: ClusterServiceOptions): ClusterService {
  const { redis, instanceId, intervalMs, pubsub, onError } = options;
  if (!redis) return singleInstance(options);
  const now = options.now ?? Date.now;
  const views = createClusterViews({
    store: options.store,
    standardTags: options.registry.standardTags,
    intervalMs,
    now,
  });
  const registry = createInstanceRegistry({
    redis,
    key: `${options.redisPrefix}cluster:instances`,
    leaderKey: options.leaderKey,
    intervalMs,
    goneAfterTicks: GONE_AFTER_TICKS,
  });
  const sessions = createSharedSessions({
    redis,
    prefix: `${options.redisPrefix}cluster:sessions:`,
  });
  let latestCluster: Snapshot | null = null;
  const latestOwn = new Map<string, Snapshot>();
  let lastBeat: InstanceBeat | null = null;
  // Hold the latest of both streams, whichever instance published them.
  const clusterStream = pubsub.subscribe('snapshot');
  const instanceStream = pubsub.subscribe('instanceSnapshot');
  void (async () => {
    for await (const snapshot of clusterStream) latestCluster = snapshot;
  })();
  void (async () => {
    for await (const snapshot of instanceStream) {
      latestOwn.set(snapshot.instanceId, snapshot);
      if (latestOwn.size > 1000) latestOwn.delete(latestOwn.keys().next().value!);
    }
  })();

  /** The cluster snapshot at `local.at`; insight's figures are the leader's own (`local`). */
  async function clusterSnapshot(local: Snapshot): Promise<Snapshot> {
    const at = local.at;
    const [instances, activeUsers] = await Promise.all([registry.list(at), sessions.count(at)]);
    const merged = await views.view(
      { names: CLUSTER_SNAPSHOT_METRICS, since: sinceForWindow('24h', at) },
      { fresh: true },
    );
    return buildClusterSnapshot({
      registry: merged,
      now: at,
      instances: instances.filter((instance) => instance.status === 'live'),
      activeUsers,
      activeAlerts: options.activeAlerts(),
      insight: local.insight,
    });
  }

  const step = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      onError(name, error);
    }
  };

  return {
    enabled: true,
    instanceId,
    async view(scope) {
      if (scope.instance !== undefined) {
        const known = await registry.list(now());
        if (!known.some((instance) => instance.id === scope.instance)) {
          throw new UnknownInstanceError(scope.instance);
        }
      }
      return views.view(scope);
    },
    instances: (at) => registry.list(at),
    async publishTick(local, leading) {
      pubsub.publish('instanceSnapshot', local);
      latestOwn.set(instanceId, local);
      lastBeat = beatOf(local, options.version, options.startedAt);
      const beat = lastBeat;
      await step('instance beat', () => registry.beat(beat));
      await step('shared sessions', () => sessions.add(options.sessions.takeRecent(), local.at));
      if (!leading) return;
      await step('cluster snapshot', async () => {
        const snapshot = await clusterSnapshot(local);
        latestCluster = snapshot;
        pubsub.publish('snapshot', snapshot);
      });
    },
    latest: (instance) =>
      instance === undefined ? latestCluster : (latestOwn.get(instance) ?? null),
    async leave() {
      await Promise.all([clusterStream.return(undefined), instanceStream.return(undefined)]);
      if (lastBeat) await step('leave', () => registry.leave(lastBeat!));
    },
  };
}
