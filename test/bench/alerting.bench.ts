/**
 * `npm run bench -- alerting`: rule evaluation for 1,000 rules over 10,000 series (the pure
 * evaluator, then the alerting service on SQLite), and the latency from the collection tick that
 * breaches a threshold to a webhook receiver holding the notification, through the real app.
 * Prints tables; never fails on a time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALERT_WINDOW_MS,
  createAlertEvaluator,
  createManualClock,
  createMetricsRegistry,
} from '@taurine/monitor';
import type { AlertRule, AlertWindow, ManualClock, MetricsRegistry } from '@taurine/monitor';
import { openStore } from '@taurine/store';
import {
  createAlertingService,
  createRegistryStatsReader,
} from '../../apps/server/src/alerting/alerting-service.ts';
import { startHttpReceiver } from '@taurine/notify/testing';
import { createTestApp } from '../../apps/server/src/testing/test-app.ts';
import { percentile, printTable } from './table.ts';
import { seededRandom } from '@taurine/monitor/testing';

const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;
const RULES = 1000;
const TIMED_RUNS = 10;
const LATENCY_SAMPLES = 20;
const STANDARD_TAGS = {
  environment: 'bench',
  region: 'eu-west-1',
  service: 'api',
  version: '1.0.0',
  deployment: 'blue',
};

/** 4 metrics × 50 endpoints × 50 shards = 10,000 series. */
const METRICS = [
  { name: 'bench.latency', kind: 'distribution', stat: 'p95' },
  { name: 'bench.payloadBytes', kind: 'distribution', stat: 'p50' },
  { name: 'bench.requests', kind: 'counter', stat: 'rate' },
  { name: 'bench.queueDepth', kind: 'gauge', stat: 'avg' },
] as const;
const ENDPOINTS = 50;
const SHARDS = 50;

/** A registry holding 10,000 series with a sample per series and minute over the last 10 minutes. */
function populatedRegistry(clock: ManualClock): MetricsRegistry {
  const registry = createMetricsRegistry({
    clock,
    standardTags: STANDARD_TAGS,
    maxSeriesPerMetric: ENDPOINTS * SHARDS,
  });
  for (const metric of METRICS) registry.define(metric.name, metric.kind);
  const next = seededRandom(42);
  for (let minute = 0; minute < 10; minute += 1) {
    clock.advance(MINUTE);
    for (const metric of METRICS) {
      for (let endpoint = 0; endpoint < ENDPOINTS; endpoint += 1) {
        for (let shard = 0; shard < SHARDS; shard += 1) {
          const tags = { endpoint: `e${endpoint}`, shard: `s${shard}` };
          registry.record(metric.name, Math.round(100 * next() * (1 + endpoint / 10)), tags);
        }
      }
    }
  }
  const series = registry.metrics().reduce((sum, metric) => sum + metric.series, 0);
  if (series !== METRICS.length * ENDPOINTS * SHARDS) {
    throw new Error(`expected ${METRICS.length * ENDPOINTS * SHARDS} series, got ${series}`);
  }
  return registry;
}

/**
 * 1,000 rules: most on one endpoint (50 series each), some on one series, a few on a whole metric
 * (2,500 series). Thresholds make about one rule in ten breach.
 */
function benchRules(): AlertRule[] {
  const windows: AlertWindow[] = ['1m', '5m', '15m'];
  return Array.from({ length: RULES }, (_, index): AlertRule => {
    const metric = METRICS[index % METRICS.length]!;
    const endpoint = Math.floor(index / METRICS.length) % ENDPOINTS;
    const tags: Record<string, string> =
      index % 100 === 0
        ? {}
        : index % 10 === 0
          ? { endpoint: `e${endpoint}`, shard: `s${index % SHARDS}` }
          : { endpoint: `e${endpoint}` };
    return {
      id: `bench.rule-${index}`,
      name: `Bench rule ${index}`,
      metric: metric.name,
      tags,
      stat: metric.stat,
      window: windows[index % windows.length]!,
      comparison: '>',
      threshold: index % 10 === 3 ? 1 : 1e9,
      severity: (['critical', 'error', 'warning', 'info'] as const)[index % 4]!,
      forMs: 0,
      noDataState: 'ok',
      enabled: true,
      builtIn: false,
    };
  });
}

const summarise = (label: string, samples: number[]) => [
  { name: `${label}: p50`, value: percentile(samples, 0.5), unit: 'ms' },
  { name: `${label}: max`, value: Math.max(...samples), unit: 'ms' },
];

async function ruleEvaluation(): Promise<void> {
  const clock = createManualClock(T0);
  const registry = populatedRegistry(clock);
  const rules = benchRules();
  const stats = createRegistryStatsReader(registry);

  // The reads alone, as a baseline for what the evaluator adds.
  const reads: number[] = [];
  for (let run = 0; run <= TIMED_RUNS; run += 1) {
    clock.advance(1000);
    const start = performance.now();
    for (const rule of rules) {
      stats.series({
        ruleId: rule.id,
        metric: rule.metric,
        tags: rule.tags ?? {},
        stat: rule.stat,
        window: rule.window,
        windowMs: ALERT_WINDOW_MS[rule.window],
        now: clock.now(),
      });
    }
    if (run > 0) reads.push(performance.now() - start);
  }

  const evaluator = createAlertEvaluator({ clock });
  const pure: number[] = [];
  let firing = 0;
  for (let run = 0; run <= TIMED_RUNS; run += 1) {
    clock.advance(1000);
    const start = performance.now();
    const result = evaluator.evaluate(rules, stats, clock.now());
    if (run > 0) pure.push(performance.now() - start);
    firing = result.alerts.filter((alert) => alert.status === 'firing').length;
  }

  // The service: rules loaded from SQLite, evaluation, and one commit per evaluation (alert
  // rows, transitions, outbox items, evaluator state). The webhook is never dispatched.
  const root = await mkdtemp(join(tmpdir(), 'taurine-bench-alerting-'));
  const store = await openStore({ dataDir: root });
  await store.migrate();
  const service = createAlertingService({
    store,
    registry,
    clock,
    channelsFromEnv: {
      dashboardUrl: 'http://taurine.bench',
      alertWebhookUrl: 'http://127.0.0.1:9/hook',
    },
    dispatchIntervalMs: 0,
  });
  try {
    await service.start();
    for (const rule of rules) {
      const created = await service.createRule(rule);
      if (!created.ok) throw new Error(`rule ${rule.id}: ${created.error.message}`);
    }
    clock.advance(1000);
    const firstStart = performance.now();
    const first = await service.evaluate();
    const firstMs = performance.now() - firstStart;
    if (first.failed) throw new Error('the first service evaluation failed');
    const steady: number[] = [];
    for (let run = 0; run < TIMED_RUNS; run += 1) {
      clock.advance(1000);
      const start = performance.now();
      const summary = await service.evaluate();
      steady.push(performance.now() - start);
      if (summary.failed) throw new Error('a service evaluation failed');
    }
    printTable(
      `Rule evaluation: ${RULES} rules over ${METRICS.length * ENDPOINTS * SHARDS} series (${firing} firing), ${TIMED_RUNS} runs`,
      [
        ...summarise('stats reads only (registry.stats)', reads),
        {
          ...summarise('pure createAlertEvaluator', pure)[0]!,
          baseline: 'stats reads only (registry.stats): p50',
        },
        summarise('pure createAlertEvaluator', pure)[1]!,
        {
          name: `service + SQLite: first (${first.transitions} transitions, ${first.queued} outbox items)`,
          value: firstMs,
          unit: 'ms',
          baseline: 'pure createAlertEvaluator: p50',
        },
        {
          ...summarise('service + SQLite: steady', steady)[0]!,
          baseline: 'pure createAlertEvaluator: p50',
        },
        summarise('service + SQLite: steady', steady)[1]!,
      ],
    );
  } finally {
    await service.stop();
    await store.close();
    await rm(root, { recursive: true, force: true });
  }
}

async function tickToReceiver(): Promise<void> {
  let arrivedAt: ((kind: string, at: number) => void) | undefined;
  const receiver = await startHttpReceiver((request) => {
    const body = JSON.parse(request.body) as { data: { kind: string } };
    arrivedAt?.(body.data.kind, performance.now());
    return { status: 200, body: 'ok' };
  });
  const app = await createTestApp({
    ALERT_WEBHOOK_URL: receiver.url,
    CACHE_WARM_ON_START: 'false',
  });
  const arrival = (kind: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no ${kind} notification within 10 s`));
      }, 10_000);
      arrivedAt = (received, at) => {
        if (received !== kind) return;
        clearTimeout(timer);
        resolve(at);
      };
    });
  const setThreshold = async (threshold: number): Promise<void> => {
    const result = await app.graphql<{ updateAlertRule: { __typename: string } }>(
      'mutation ($t: Float!) { updateAlertRule(id: "bench.api-p95", input: { threshold: $t }) { __typename } }',
      { t: threshold },
    );
    if (result.data?.updateAlertRule.__typename !== 'AlertRule') {
      throw new Error(`updateAlertRule failed: ${JSON.stringify(result)}`);
    }
  };
  try {
    const created = await app.graphql<{ createAlertRule: { __typename: string } }>(
      'mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { __typename } }',
      {
        input: {
          id: 'bench.api-p95',
          name: 'API p95 above the bench threshold',
          metric: 'api.responseTime',
          stat: 'P95',
          window: 'LAST_5M',
          comparison: 'GT',
          threshold: 60_000,
          severity: 'WARNING',
          forMs: 0,
          noDataState: 'OK',
        },
      },
    );
    if (created.data?.createAlertRule.__typename !== 'AlertRule') {
      throw new Error(`createAlertRule failed: ${JSON.stringify(created)}`);
    }
    const fromStart: number[] = [];
    const ticks: number[] = [];
    for (let sample = 0; sample <= LATENCY_SAMPLES; sample += 1) {
      await app.graphql('{ flavors(first: 3) { totalCount } }');
      // Lowering the threshold arms the breach; the measured tick evaluates it.
      await setThreshold(0);
      const fired = arrival('firing');
      const tickStart = performance.now();
      await app.services.collector.tick();
      const tickEnd = performance.now();
      const received = await fired;
      if (sample > 0) {
        fromStart.push(received - tickStart);
        ticks.push(tickEnd - tickStart);
      }
      // Clear it again: the next sample starts from a resolved alert.
      await setThreshold(60_000);
      const resolved = arrival('resolved');
      await app.services.collector.tick();
      await resolved;
    }
    const target = (value: number) => ({ target: '<= 1000 ms', met: value <= 1000 });
    printTable(
      `Breaching tick → webhook receiver, real app (${LATENCY_SAMPLES} samples after a warm-up)`,
      [
        { name: 'tick start → received: p50', value: percentile(fromStart, 0.5), unit: 'ms' },
        {
          name: 'tick start → received: p95',
          value: percentile(fromStart, 0.95),
          unit: 'ms',
          ...target(percentile(fromStart, 0.95)),
        },
        {
          name: 'tick start → received: max',
          value: Math.max(...fromStart),
          unit: 'ms',
          ...target(Math.max(...fromStart)),
        },
        { name: 'collection tick duration: p50', value: percentile(ticks, 0.5), unit: 'ms' },
      ],
    );
  } finally {
    await app.dispose();
    await receiver.close();
  }
}

export async function run(): Promise<void> {
  await ruleEvaluation();
  await tickToReceiver();
}
