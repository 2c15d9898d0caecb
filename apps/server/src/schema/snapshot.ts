import type { Snapshot, SnapshotAlert } from '../snapshot/snapshot.ts';
import { builder } from './builder.ts';
import { InstanceHealthRef } from './instance.ts';

const HealthGradeEnum = builder.enumType('HealthGrade', {
  values: ['A', 'B', 'C', 'D', 'F'] as const,
});

const ResponseTimeRef = builder
  .objectRef<Snapshot['responseTime']>('ResponseTimeSummary')
  .implement({
    description:
      'API response time in ms over the last 5 minutes; null when there were no requests.',
    fields: (t) => ({
      avg: t.exposeFloat('avg', { nullable: true }),
      p50: t.exposeFloat('p50', { nullable: true }),
      p95: t.exposeFloat('p95', { nullable: true }),
      p99: t.exposeFloat('p99', { nullable: true }),
    }),
  });

const MemoryRef = builder.objectRef<Snapshot['memory']>('MemorySummary').implement({
  fields: (t) => ({
    heapUsedMB: t.exposeFloat('heapUsedMB'),
    rssMB: t.exposeFloat('rssMB'),
    heapUsedRatio: t.exposeFloat('heapUsedRatio', {
      description: 'Share of the V8 heap limit, 0..1.',
    }),
  }),
});

const EventLoopRef = builder
  .objectRef<Snapshot['eventLoopDelayMs']>('EventLoopDelaySummary')
  .implement({
    description:
      'Event-loop delay in ms over the last 5 minutes: quantiles of every observation (libuv measures one every 20 ms, its 20 ms resolution included), not of per-tick summaries.',
    fields: (t) => ({
      p50: t.exposeFloat('p50', { nullable: true, description: 'Median observation.' }),
      p99: t.exposeFloat('p99', { nullable: true }),
    }),
  });

const DependencyRef = builder
  .objectRef<{ name: string; status: string }>('DependencyStatus')
  .implement({
    fields: (t) => ({
      name: t.exposeString('name'),
      status: t.exposeString('status', { description: '`up`, `down` or `disabled`.' }),
    }),
  });

const HealthPenaltyRef = builder
  .objectRef<{ signal: string; points: number }>('HealthPenalty')
  .implement({
    fields: (t) => ({ signal: t.exposeString('signal'), points: t.exposeFloat('points') }),
  });

const SnapshotAlertRef = builder.objectRef<SnapshotAlert>('SnapshotAlert').implement({
  fields: (t) => ({
    fingerprint: t.exposeID('fingerprint'),
    ruleId: t.exposeID('ruleId'),
    name: t.exposeString('name'),
    severity: t.exposeString('severity'),
    status: t.exposeString('status'),
    value: t.exposeFloat('value', { nullable: true }),
    threshold: t.exposeFloat('threshold', { nullable: true }),
    startsAt: t.field({ type: 'DateTime', resolve: (alert) => new Date(alert.startsAt) }),
  }),
});

export const SnapshotRef = builder.objectRef<Snapshot>('Snapshot').implement({
  description: 'The key numbers at one collection tick. Null means no data, never zero.',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (s) => new Date(s.at) }),
    instanceId: t.exposeString('instanceId', {
      description: 'The instance whose own numbers these are, or `cluster` for the deployment.',
    }),
    scope: t.exposeString('scope', {
      description:
        '`cluster`: merged over every live instance (counters summed, quantiles from merged sketches, memory and CPU the highest instance, WebSocket connections summed, active users distinct); `instance`: one instance alone.',
    }),
    instances: t.field({
      type: [InstanceHealthRef],
      description: 'The live instances behind these numbers, each with its own health.',
      resolve: (s) => s.instances,
    }),
    uptimeSeconds: t.exposeInt('uptimeSeconds'),
    responseTime: t.field({ type: ResponseTimeRef, resolve: (s) => s.responseTime }),
    requestsPerSecond: t.exposeFloat('requestsPerSecond', {
      nullable: true,
      description:
        'Requests per second over the last 5 minutes, divided by the time covered: since the instance (or its oldest loaded rollup) started when that is later than the window start.',
    }),
    requests24h: t.exposeFloat('requests24h'),
    errorRate: t.exposeFloat('errorRate', {
      nullable: true,
      description: 'Server errors per request, 0..1.',
    }),
    activeUsers: t.exposeInt('activeUsers', {
      description: 'Distinct visitors in the last 5 minutes.',
    }),
    cacheHitRate: t.exposeFloat('cacheHitRate', {
      nullable: true,
      description: 'Overall server cache hit rate 0..1; null when no cache lookups happened.',
    }),
    memory: t.field({ type: MemoryRef, resolve: (s) => s.memory }),
    eventLoopDelayMs: t.field({ type: EventLoopRef, resolve: (s) => s.eventLoopDelayMs }),
    cpuUsage: t.exposeFloat('cpuUsage'),
    webSocketConnections: t.exposeInt('webSocketConnections'),
    healthScore: t.exposeFloat('healthScore', {
      description: '0..100; see README for how it is computed.',
    }),
    healthPenalties: t.field({
      type: [HealthPenaltyRef],
      resolve: (s) =>
        Object.entries(s.healthPenalties)
          .filter(([, points]) => points > 0)
          .map(([signal, points]) => ({ signal, points })),
    }),
    healthGrade: t.field({
      type: HealthGradeEnum,
      description: 'The letter grade of the score: A 90+, B 80+, C 70+, D 60+, F below 60.',
      resolve: (s) => s.healthGrade,
    }),
    healthNoData: t.stringList({
      description: 'Health signals that had no data: they cost nothing, and are named here.',
      resolve: (s) => s.healthNoData,
    }),
    openRegressions: t.int({ resolve: (s) => s.insight.openRegressions }),
    openAnomalies: t.int({ resolve: (s) => s.insight.openAnomalies }),
    budgetsOver: t.int({ resolve: (s) => s.insight.budgetsOver }),
    dependencies: t.field({
      type: [DependencyRef],
      resolve: (s) => Object.entries(s.dependencies).map(([name, status]) => ({ name, status })),
    }),
    activeAlerts: t.field({ type: [SnapshotAlertRef], resolve: (s) => s.activeAlerts }),
  }),
});

builder.queryField('snapshot', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: SnapshotRef,
    nullable: true,
    description:
      'The latest snapshot of the deployment, or of one `instance` (null before the first collection tick).',
    args: {
      instance: t.arg.string({
        required: false,
        description: "One instance's own snapshot; the deployment's when absent.",
      }),
    },
    resolve: (_root, args, { services }) => services.cluster.latest(args.instance ?? undefined),
  }),
);

builder.subscriptionField('snapshot', (t) =>
  t.field({
    authScopes: { viewer: true },
    type: SnapshotRef,
    description:
      "The latest snapshot at once, then one per collection tick (`COLLECT_INTERVAL_MS`): the deployment's (computed once per tick by the leader instance, whichever instance serves the subscription), or one `instance`'s own.",
    args: {
      instance: t.arg.string({
        required: false,
        description: "One instance's own snapshots; the deployment's when absent.",
      }),
    },
    subscribe: async function* (_root, args, { services }) {
      const instance = args.instance ?? undefined;
      // Subscribe first so no tick slips between the latest snapshot and the stream.
      const updates = services.pubsub.subscribe(
        instance === undefined || !services.cluster.enabled ? 'snapshot' : 'instanceSnapshot',
      );
      try {
        const latest = services.cluster.latest(instance);
        if (latest) yield latest;
        for await (const snapshot of updates) {
          if (instance === undefined || snapshot.instanceId === instance) yield snapshot;
        }
      } finally {
        await updates.return();
      }
    },
    resolve: (snapshot: Snapshot) => snapshot,
  }),
);
