/**
 * `npm run bench -- metrics`: the metrics core of @taurine/monitor against prom-client, measured in
 * one process. Prints tables; never fails on a time.
 */
import { Histogram, Registry as PromRegistry, Summary } from 'prom-client';
import {
  DDSketch,
  MINUTE_MS,
  createManualClock,
  createMetricsRegistry,
  toPrometheusText,
} from '@taurine/monitor';
import type { Clock, MetricHandle } from '@taurine/monitor';
import { opsPerSecond, percentile, printTable } from './table.ts';
import type { BenchRow } from './table.ts';
import { seededRandom } from '@taurine/monitor/testing';

const STANDARD_TAGS = {
  environment: 'bench',
  region: 'eu-west-1',
  service: 'api',
  version: '1.0.0',
  deployment: 'blue',
};
const T0 = Date.UTC(2026, 0, 1);
const MiB = 1024 * 1024;

/** Log-normal latencies around e^4 ≈ 55 ms. */
function logNormal(count: number, seed: number): Float64Array {
  const next = seededRandom(seed);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const gauss = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    values[i] = Math.exp(4 + 0.8 * gauss);
  }
  return values;
}

const VALUES = logNormal(1 << 16, 1);
const MASK = VALUES.length - 1;

function recordThroughput(): void {
  const wall: Clock = { now: () => Date.now() };
  const coarse = {
    time: Date.now(),
    now(): number {
      return this.time;
    },
  };
  const one = (clock: Clock) =>
    createMetricsRegistry({ clock, standardTags: STANDARD_TAGS }).handle(
      'api.responseTime',
      'distribution',
      { endpoint: '/graphql' },
    );
  const many = (clock: Clock): MetricHandle[] => {
    const registry = createMetricsRegistry({ clock, standardTags: STANDARD_TAGS });
    return Array.from({ length: 1000 }, (_, i) =>
      registry.handle('api.responseTime', 'distribution', { endpoint: `/e${i}` }),
    );
  };
  let cursor = 0;
  const single = (handle: MetricHandle) => (iterations: number) => {
    for (let i = 0; i < iterations; i++) handle.record(VALUES[cursor++ & MASK]!);
  };
  const spread = (handles: MetricHandle[]) => (iterations: number) => {
    for (let i = 0; i < iterations; i++) {
      handles[i % 1000]!.record(VALUES[cursor++ & MASK]!);
    }
  };
  const promRegistry = new PromRegistry();
  const histogram = new Histogram({
    name: 'bench_histogram_ms',
    help: 'bench',
    labelNames: ['endpoint'],
    buckets: [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000],
    registers: [promRegistry],
  });
  const summary = new Summary({
    name: 'bench_summary_ms',
    help: 'bench',
    labelNames: ['endpoint'],
    percentiles: [0.5, 0.9, 0.95, 0.99],
    registers: [promRegistry],
  });
  const histogramChild = histogram.labels({ endpoint: '/graphql' });
  const histogramChildren = Array.from({ length: 1000 }, (_, i) =>
    histogram.labels({ endpoint: `/e${i}` }),
  );
  const summaryChild = summary.labels({ endpoint: '/graphql' });
  const target = '>= 15M/s';
  const rows: BenchRow[] = [];
  const add = (name: string, value: number, extra: Partial<BenchRow> = {}) =>
    rows.push({
      name,
      value,
      unit: 'samples/s',
      baseline: 'prom-client Histogram.observe',
      ...extra,
    });
  add(
    'prom-client Histogram.observe',
    opsPerSecond((n) => {
      for (let i = 0; i < n; i++) histogramChild.observe(VALUES[cursor++ & MASK]!);
    }),
    { baseline: undefined },
  );
  add(
    'prom-client Summary.observe',
    opsPerSecond((n) => {
      for (let i = 0; i < n; i++) summaryChild.observe(VALUES[cursor++ & MASK]!);
    }, 500),
  );
  const preResolved = opsPerSecond(single(one(wall)));
  add('taurine handle.record, 1 series, Date.now clock', preResolved, {
    target,
    met: preResolved >= 15e6,
  });
  const coarseRate = opsPerSecond(single(one(coarse)));
  add('taurine handle.record, 1 series, cached clock', coarseRate, {
    target,
    met: coarseRate >= 15e6,
  });
  add(
    'prom-client Histogram.observe, 1,000 label sets',
    opsPerSecond((n) => {
      for (let i = 0; i < n; i++) histogramChildren[i % 1000]!.observe(VALUES[cursor++ & MASK]!);
    }),
  );
  add('taurine handle.record, 1,000 series, Date.now clock', opsPerSecond(spread(many(wall))));
  add('taurine handle.record, 1,000 series, cached clock', opsPerSecond(spread(many(coarse))));
  printTable('Record throughput (pre-resolved series vs prom-client)', rows);
}

function jsonIngest(): void {
  const registry = createMetricsRegistry({
    clock: { now: () => Date.now() },
    standardTags: STANDARD_TAGS,
  });
  registry.define('api.responseTime', 'distribution', { unit: 'ms' });
  registry.define('webvitals.LCP', 'distribution', { unit: 'ms' });
  registry.define('cache.hits', 'counter');
  const next = seededRandom(3);
  const routes = ['/', '/calculator', '/flavors', '/compare', '/about'];
  const devices = ['mobile', 'desktop', 'tablet'];
  const batch = Array.from({ length: 1000 }, (_, i) => {
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const kind = i % 3;
    return kind === 0
      ? {
          name: 'api.responseTime',
          value: VALUES[i]!,
          tags: { endpoint: pick(routes), operation: 'Query' },
        }
      : kind === 1
        ? {
            name: 'webvitals.LCP',
            value: VALUES[i]! * 20,
            tags: { route: pick(routes), device: pick(devices) },
          }
        : { name: 'cache.hits', value: 1, tags: { tier: pick(['memory', 'redis']) } };
  });
  const body = JSON.stringify(batch);
  type Sample = { name: string; value: number; tags: Record<string, string> };
  const ingest = (iterations: number) => {
    for (let done = 0; done < iterations; done += batch.length) {
      const samples = JSON.parse(body) as Sample[];
      for (const sample of samples) registry.record(sample.name, sample.value, sample.tags);
    }
  };
  const rate = opsPerSecond(ingest, 1500, batch.length);
  const parseOnly = opsPerSecond(
    (iterations) => {
      for (let done = 0; done < iterations; done += batch.length) JSON.parse(body);
    },
    500,
    batch.length,
  );
  printTable(`End-to-end JSON batch ingest (batches of 1,000, ${body.length} bytes)`, [
    { name: 'JSON.parse only', value: parseOnly, unit: 'samples/s' },
    {
      name: 'JSON.parse + tag key + record',
      value: rate,
      unit: 'samples/s',
      target: '>= 1M/s',
      met: rate >= 1e6,
      baseline: 'JSON.parse only',
    },
  ]);
}

function accuracy(): void {
  const count = 10_000_000;
  const values = logNormal(count, 10);
  const whole = new DDSketch();
  const minutes = Array.from({ length: 60 }, () => new DDSketch());
  const perMinute = count / 60;
  for (let i = 0; i < count; i++) {
    whole.add(values[i]!);
    minutes[Math.min(59, Math.floor(i / perMinute))]!.add(values[i]!);
  }
  const merged = new DDSketch();
  for (const minute of minutes) merged.merge(minute);
  const sorted = values.slice().sort();
  const rows: BenchRow[] = [];
  for (const q of [0.5, 0.95, 0.99]) {
    const truth = sorted[Math.floor(q * (count - 1))]!;
    for (const [label, sketch] of [
      ['one sketch', whole],
      ['60 merged minute-sketches', merged],
    ] as const) {
      const error = (100 * Math.abs(sketch.quantile(q)! - truth)) / truth;
      rows.push({
        name: `p${q * 100} relative error, ${label}`,
        value: error,
        unit: '%',
        target: '<= 1 %',
        met: error <= 1,
      });
    }
  }
  printTable('Accuracy on 10 M log-normal samples (exact values from a full sort)', rows);
}

/** A registry with `minutes` of one series, `perMinute` samples each, ending now. */
function history(minutes: number, perMinute: number, series = 1, seed = 4) {
  const clock = createManualClock(T0);
  const registry = createMetricsRegistry({ clock, standardTags: STANDARD_TAGS });
  // 1,000 tag sets per metric (the default limit): series 0-999 are api.responseTime, then more.
  const name = (i: number) =>
    i < 1000 ? 'api.responseTime' : `api.latency${Math.floor(i / 1000)}`;
  for (let i = 0; i < series; i += 1000) {
    registry.define(name(i), 'distribution', { help: 'API latency.', unit: 'ms' });
  }
  const handles = Array.from({ length: series }, (_, i) =>
    registry.handle(name(i), 'distribution', { endpoint: `/e${i % 1000}` }),
  );
  const values = logNormal(1 << 16, seed);
  let cursor = 0;
  for (let minute = 0; minute < minutes; minute++) {
    clock.set(T0 + minute * MINUTE_MS);
    for (const handle of handles) {
      for (let i = 0; i < perMinute; i++) handle.record(values[cursor++ & MASK]!);
    }
  }
  clock.set(T0 + minutes * MINUTE_MS - 1);
  return { clock, registry };
}

function timings(run: () => void, repeats: number): number[] {
  const durations: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    durations.push(performance.now() - start);
  }
  return durations;
}

function queries(): void {
  const day = history(24 * 60, 1000);
  const week = history(7 * 24 * 60, 100);
  const day24 = timings(() => day.registry.stats('api.responseTime', undefined, '24h'), 2000);
  const week7 = timings(() => week.registry.stats('api.responseTime', undefined, '7d'), 1000);
  const chart = timings(
    () =>
      day.registry.series(
        'api.responseTime',
        undefined,
        { from: T0, to: T0 + 24 * 60 * MINUTE_MS },
        5 * MINUTE_MS,
        'p95',
      ),
    50,
  );
  const p99 = percentile(day24, 0.99);
  printTable('Window statistics of one series (1,000 samples/min for 24 h; 100/min for 7 d)', [
    { name: 'stats 24h window, p50', value: percentile(day24, 0.5), unit: 'ms' },
    { name: 'stats 24h window, p99', value: p99, unit: 'ms', target: '<= 1 ms', met: p99 <= 1 },
    { name: 'stats 7d window, p99', value: percentile(week7, 0.99), unit: 'ms' },
    {
      name: 'series 24h at 5 min step (288 points) p50',
      value: percentile(chart, 0.5),
      unit: 'ms',
    },
  ]);
}

function prometheusExport(): void {
  const { clock, registry } = history(10, 3, 10_000, 5);
  const runs = timings(() => toPrometheusText(registry, clock.now()), 15);
  const text = toPrometheusText(registry, clock.now());
  const median = percentile(runs, 0.5);
  printTable(
    `toPrometheusText, 10,000 distribution series (${(text.length / MiB).toFixed(1)} MiB of text)`,
    [
      {
        name: 'toPrometheusText median',
        value: median,
        unit: 'ms',
        target: '<= 100 ms',
        met: median <= 100,
      },
      { name: 'toPrometheusText max', value: Math.max(...runs), unit: 'ms' },
    ],
  );
}

/** Entry point used by `test/bench/run-all.ts`. */
export async function run(): Promise<void> {
  recordThroughput();
  jsonIngest();
  accuracy();
  queries();
  prometheusExport();
  await Promise.resolve();
}
