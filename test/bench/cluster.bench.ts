/**
 * `npm run bench -- cluster`: the cost of one answer across instances. `stats` over 24 h of one
 * series merged from 3 and from 10 instances' rollups in PostgreSQL (a fresh schema), the cluster
 * snapshot with 10 instances, and the extra Redis traffic each instance sends per tick.
 * `CLUSTER_BENCH_SAMPLES` (samples per instance-minute, default 30) and `CLUSTER_BENCH_RUNS`
 * (queries timed, default 50) size it.
 */
import { randomUUID } from 'node:crypto';
import { createManualClock, createMetricsRegistry } from '@taurine/monitor';
import type { RollupRecord } from '@taurine/monitor';
import { seededRandom } from '@taurine/monitor/testing';
import { openStore } from '@taurine/store';
import type { Store } from '@taurine/store';
import { Client } from 'pg';
import {
  buildClusterSnapshot,
  CLUSTER_SNAPSHOT_METRICS,
} from '../../apps/server/src/cluster/cluster-snapshot.ts';
import { createClusterViews, sinceForWindow } from '../../apps/server/src/cluster/cluster-views.ts';
import type { InstanceInfo } from '../../apps/server/src/cluster/instance-registry.ts';
import { percentile, printTable } from './table.ts';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const SAMPLES = Number(process.env.CLUSTER_BENCH_SAMPLES ?? 30);
const RUNS = Number(process.env.CLUSTER_BENCH_RUNS ?? 50);
const DAY_MS = 86_400_000;
const standardTags = {
  environment: 'bench',
  region: 'local',
  service: 'taurine',
  version: '1',
  deployment: 'default',
};

/** One instance's last 24 h of `api.responseTime`, `api.requests` and the snapshot's metrics. */
function instanceDay(end: number, seed: number): RollupRecord[] {
  const clock = createManualClock(end - DAY_MS);
  const registry = createMetricsRegistry({ clock, standardTags });
  const random = seededRandom(seed);
  const records: RollupRecord[] = [];
  while (clock.now() < end) {
    for (let i = 0; i < SAMPLES; i++) {
      registry.distribution('api.responseTime', 2 + Math.exp(random() * 6), {
        operation: 'flavors',
      });
      registry.distribution('process.eventLoopDelay', 10 + random() * 5);
    }
    registry.counter('api.requests', SAMPLES);
    clock.advance(60_000);
    records.push(...registry.drainClosedRollups());
  }
  registry.sealOpenMinute();
  return [...records, ...registry.drainClosedRollups()];
}

async function fill(store: Store, instances: number, end: number): Promise<void> {
  for (let i = 0; i < instances; i++) {
    const instanceId = `bench-${i + 1}`;
    const rows = instanceDay(end, i + 1).map((record) => ({
      ...record,
      instanceId,
      last: record.kind === 'gauge' ? record.last : null,
    }));
    await store.rollups.upsert(rows);
  }
}

/** Times `fn` RUNS times; returns its p50 and p99 in ms. */
async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
}

const beat = (index: number, now: number): InstanceInfo => ({
  id: `bench-${index + 1}`,
  version: '1',
  startedAt: now - DAY_MS,
  lastSeen: now,
  healthScore: 100,
  dependencies: { database: 'up', redis: 'up', memoryCache: 'up', websocket: 'up' },
  heapUsedMB: 60 + index,
  rssMB: 150 + index,
  heapUsedRatio: 0.02,
  cpuUsage: 0.1,
  uptimeSeconds: 86_400,
  webSocketConnections: 10,
  eventLoopP99Ms: 12,
  leader: index === 0,
  status: 'live',
});

async function mergedStats(): Promise<void> {
  const rows = [];
  for (const instances of [3, 10]) {
    const schema = `bench_cluster_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const store = await openStore({ dataDir: '/nonexistent', databaseUrl: DATABASE_URL, schema });
    try {
      await store.migrate();
      const now = Date.now();
      await fill(store, instances, now);
      const views = createClusterViews({ store, standardTags, intervalMs: 30_000, now: Date.now });
      const since = sinceForWindow('24h', Date.now());
      const cold = await time(async () => {
        const view = await views.view({ names: ['api.responseTime'], since }, { fresh: true });
        view.stats('api.responseTime', undefined, '24h');
      });
      const warm = await time(async () => {
        const view = await views.view({ names: ['api.responseTime'], since });
        view.stats('api.responseTime', undefined, '24h');
      });
      rows.push(
        {
          name: `stats 24h, ${instances} instances, built this tick: p50`,
          value: cold.p50,
          unit: 'ms',
        },
        {
          name: `stats 24h, ${instances} instances, built this tick: p99`,
          value: cold.p99,
          unit: 'ms',
          target: '<= 5 ms',
          met: cold.p99 <= 5,
        },
        {
          name: `stats 24h, ${instances} instances, view of this tick: p99`,
          value: warm.p99,
          unit: 'ms',
          target: '<= 5 ms',
          met: warm.p99 <= 5,
        },
      );
      if (instances === 10) {
        const snapshot = await time(async () => {
          const view = await views.view(
            { names: CLUSTER_SNAPSHOT_METRICS, since },
            { fresh: true },
          );
          buildClusterSnapshot({
            registry: view,
            now: Date.now(),
            instances: Array.from({ length: 10 }, (_, i) => beat(i, Date.now())),
            activeUsers: 42,
            activeAlerts: [],
          });
        });
        rows.push({ name: 'cluster snapshot, 10 instances: p99', value: snapshot.p99, unit: 'ms' });
      }
    } finally {
      await store.close();
      const admin = new Client({ connectionString: DATABASE_URL });
      await admin.connect();
      await admin.query(`drop schema if exists "${schema}" cascade`);
      await admin.end();
    }
  }
  printTable(`cluster stats (${SAMPLES} samples per instance-minute, ${RUNS} runs)`, rows);
}

/** What one instance sends Redis per tick besides what a single instance already sent. */
function redisBytesPerTick(): void {
  const now = Date.now();
  const beatBytes = Buffer.byteLength(`bench-1${JSON.stringify(beat(0, now))}`);
  // The instance's own snapshot, published once per tick (as the dashboard's snapshot is).
  const snapshotBytes = Buffer.byteLength(
    JSON.stringify({
      origin: `bench-1/${randomUUID()}`,
      detail: buildClusterSnapshot({
        registry: createMetricsRegistry({ clock: { now: () => now }, standardTags }),
        now,
        instances: [beat(0, now)],
        activeUsers: 1,
        activeAlerts: [],
      }),
    }),
  );
  const sessionBytes = (sessions: number) => sessions * 36;
  printTable('Redis bytes per instance per tick (payloads)', [
    { name: 'instance beat (HSET)', value: beatBytes, unit: 'B' },
    { name: 'own snapshot (PUBLISH)', value: snapshotBytes, unit: 'B' },
    { name: 'sessions, 10 new visitors (PFADD)', value: sessionBytes(10), unit: 'B' },
    { name: 'sessions, 1,000 new visitors (PFADD)', value: sessionBytes(1000), unit: 'B' },
    {
      name: 'total, 10 new visitors',
      value: beatBytes + snapshotBytes + sessionBytes(10),
      unit: 'B',
    },
  ]);
}

export async function run(): Promise<void> {
  await mergedStats();
  redisBytesPerTick();
}
