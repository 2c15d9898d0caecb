import { computeHealthScore } from '@taurine/monitor';
import type { HealthGrade, MetricsRegistry } from '@taurine/monitor';
import type { ProcessSample } from '../metrics/process-sampler.ts';

/** An alert as the snapshot lists it (the alerting service fills these in). */
export interface SnapshotAlert {
  fingerprint: string;
  ruleId: string;
  name: string;
  severity: string;
  status: string;
  value: number | null;
  threshold: number | null;
  startsAt: number;
}

export type DependencyStatus = 'up' | 'down' | 'disabled';

/** One instance's health as a snapshot lists it (the cluster snapshot lists every live instance). */
export interface InstanceHealth {
  id: string;
  healthScore: number;
  dependencies: Record<string, DependencyStatus>;
  leader: boolean;
}

/**
 * The dashboard's key numbers at one instant. Statistics are over the last 5 minutes unless named
 * otherwise; `null` means "no data", never zero.
 */
export interface Snapshot {
  at: number;
  /** The instance whose own numbers these are, or `cluster` for the merged deployment. */
  instanceId: string;
  /** `cluster`: merged over every live instance; `instance`: one instance's own. */
  scope: 'cluster' | 'instance';
  uptimeSeconds: number;
  responseTime: { avg: number | null; p50: number | null; p95: number | null; p99: number | null };
  requestsPerSecond: number | null;
  requests24h: number;
  errorRate: number | null;
  activeUsers: number;
  cacheHitRate: number | null;
  memory: { heapUsedMB: number; rssMB: number; heapUsedRatio: number };
  eventLoopDelayMs: { p50: number | null; p99: number | null };
  cpuUsage: number;
  webSocketConnections: number;
  healthScore: number;
  healthPenalties: Record<string, number>;
  /** The score's letter grade (A 90+, B 80+, C 70+, D 60+, F below). */
  healthGrade: HealthGrade;
  /** Health signals that had no data (they cost nothing, and are named instead). */
  healthNoData: string[];
  /** Insight: open regressions and anomalies, budgets over their limit. */
  insight: SnapshotInsight;
  dependencies: Record<string, DependencyStatus>;
  activeAlerts: SnapshotAlert[];
  /** The instances behind the numbers, with their own health (one entry for an instance's own). */
  instances: InstanceHealth[];
}

/** What the snapshot carries from insight (zeros when insight has not run). */
export interface SnapshotInsight {
  openRegressions: number;
  openAnomalies: number;
  budgetsOver: number;
}

export interface SnapshotInputs {
  registry: MetricsRegistry;
  now: number;
  instanceId: string;
  process: ProcessSample;
  activeUsers: number;
  webSocketConnections: number;
  cacheHitRate: number | null;
  dependencies: Record<string, DependencyStatus>;
  activeAlerts: SnapshotAlert[];
  insight?: SnapshotInsight | undefined;
  /** @default `instance` */
  scope?: Snapshot['scope'];
  /** @default this instance alone */
  instances?: InstanceHealth[];
}

/** Server errors per request over the window, or null when nothing was requested. */
export function errorRate(
  registry: MetricsRegistry,
  window: '1m' | '5m' | '1h' = '5m',
): number | null {
  const requests = registry.stats('api.requests', undefined, window).sum;
  if (requests === null || requests === 0) return null;
  const errors = registry.stats('api.errors', { type: 'server' }, window).sum ?? 0;
  return errors / requests;
}

/** Builds the snapshot from the registry's windows and the latest process sample. */
export function buildSnapshot(inputs: SnapshotInputs): Snapshot {
  const { registry } = inputs;
  const responseTime = registry.stats('api.responseTime', undefined, '5m');
  const eventLoop = registry.stats('process.eventLoopDelay', undefined, '5m');
  const rate = errorRate(registry);
  const downDependencies = Object.entries(inputs.dependencies)
    .filter(([, status]) => status === 'down')
    .map(([name]) => name);
  const health = computeHealthScore({
    errorRate: rate,
    responseTimeP95Ms: responseTime.p95,
    eventLoopDelayP99Ms: eventLoop.p99 ?? inputs.process.eventLoopDelay?.p99Ms ?? null,
    heapUsedRatio: inputs.process.heapUsedRatio,
    cacheHitRate: inputs.cacheHitRate,
    downDependencies,
  });
  return {
    at: inputs.now,
    instanceId: inputs.instanceId,
    scope: inputs.scope ?? 'instance',
    uptimeSeconds: Math.round(inputs.process.uptimeSeconds),
    responseTime: {
      avg: responseTime.avg,
      p50: responseTime.p50,
      p95: responseTime.p95,
      p99: responseTime.p99,
    },
    requestsPerSecond: registry.stats('api.requests', undefined, '5m').rate,
    requests24h: registry.stats('api.requests', undefined, '24h').sum ?? 0,
    errorRate: rate,
    activeUsers: inputs.activeUsers,
    cacheHitRate: inputs.cacheHitRate,
    memory: {
      heapUsedMB: inputs.process.heapUsedMB,
      rssMB: inputs.process.rssMB,
      heapUsedRatio: inputs.process.heapUsedRatio,
    },
    eventLoopDelayMs: {
      p50: eventLoop.p50 ?? inputs.process.eventLoopDelay?.p50Ms ?? null,
      p99: eventLoop.p99 ?? inputs.process.eventLoopDelay?.p99Ms ?? null,
    },
    cpuUsage: inputs.process.cpuUsage,
    webSocketConnections: inputs.webSocketConnections,
    healthScore: health.score,
    healthPenalties: health.penalties,
    healthGrade: health.grade,
    healthNoData: health.noData,
    insight: inputs.insight ?? { openRegressions: 0, openAnomalies: 0, budgetsOver: 0 },
    dependencies: inputs.dependencies,
    activeAlerts: inputs.activeAlerts,
    instances: inputs.instances ?? [
      {
        id: inputs.instanceId,
        healthScore: health.score,
        dependencies: inputs.dependencies,
        leader: true,
      },
    ],
  };
}
