import type { MetricsRegistry } from '@taurine/monitor';
import { cacheHitRate } from '../cache/cache-metrics-recorder.ts';
import { buildSnapshot } from '../snapshot/snapshot.ts';
import type {
  DependencyStatus,
  Snapshot,
  SnapshotAlert,
  SnapshotInsight,
} from '../snapshot/snapshot.ts';
import type { InstanceInfo } from './instance-registry.ts';

/** The metrics a cluster snapshot reads from the merged store. */
export const CLUSTER_SNAPSHOT_METRICS = [
  'api.responseTime',
  'api.requests',
  'api.errors',
  'process.eventLoopDelay',
  'cache.lookups',
] as const;

/** A dependency's cluster status: down when any live instance sees it down, up when any sees it up. */
function worstDependencies(instances: readonly InstanceInfo[]): Record<string, DependencyStatus> {
  const merged: Record<string, DependencyStatus> = {};
  for (const instance of instances) {
    for (const [name, status] of Object.entries(instance.dependencies)) {
      const held = merged[name];
      if (held === 'down' || status === 'down') merged[name] = 'down';
      else if (held === 'up' || status === 'up') merged[name] = 'up';
      else merged[name] = status;
    }
  }
  return merged;
}

const maxOf = (instances: readonly InstanceInfo[], value: (i: InstanceInfo) => number): number =>
  instances.reduce((max, instance) => Math.max(max, value(instance)), 0);

/** Inputs of {@link buildClusterSnapshot}. */
export interface ClusterSnapshotInputs {
  /** The merged view over `CLUSTER_SNAPSHOT_METRICS` (24 h). */
  registry: MetricsRegistry;
  now: number;
  /** Live instances with their latest beats. */
  instances: readonly InstanceInfo[];
  /** Distinct sessions across instances over the last 5 minutes. */
  activeUsers: number;
  activeAlerts: SnapshotAlert[];
  /** Insight's open regressions, anomalies and budgets over (the leader's). */
  insight?: SnapshotInsight;
}

/**
 * The deployment's snapshot: statistics from the merged rollups of every instance (response time,
 * requests, errors, event loop, cache hit rate), and from the beats, per the cluster reductions —
 * memory, CPU and uptime of the busiest instance (max), WebSocket connections summed, active users
 * distinct across instances, a dependency down when any instance sees it down.
 */
export function buildClusterSnapshot(inputs: ClusterSnapshotInputs): Snapshot {
  const { instances } = inputs;
  return buildSnapshot({
    registry: inputs.registry,
    now: inputs.now,
    instanceId: 'cluster',
    scope: 'cluster',
    process: {
      heapUsedMB: maxOf(instances, (i) => i.heapUsedMB),
      heapTotalMB: 0,
      rssMB: maxOf(instances, (i) => i.rssMB),
      externalMB: 0,
      heapUsedRatio: maxOf(instances, (i) => i.heapUsedRatio),
      eventLoopDelay: null,
      cpuUsage: maxOf(instances, (i) => i.cpuUsage),
      uptimeSeconds: maxOf(instances, (i) => i.uptimeSeconds),
    },
    activeUsers: inputs.activeUsers,
    webSocketConnections: instances.reduce((sum, i) => sum + i.webSocketConnections, 0),
    cacheHitRate: cacheHitRate(inputs.registry),
    dependencies: worstDependencies(instances),
    activeAlerts: inputs.activeAlerts,
    insight: inputs.insight,
    instances: instances.map((i) => ({
      id: i.id,
      healthScore: i.healthScore,
      dependencies: i.dependencies,
      leader: i.leader,
    })),
  });
}
