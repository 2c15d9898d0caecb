/**
 * `npm run bench -- metrics-memory`: memory of the metrics store at a realistic rate. 10,000
 * distribution series with 24 h of history (simulated with a manual clock, default retention:
 * minute rollups 6 h, 5-minute rollups 7 d, hourly rollups 90 d), at 6 and at 2 samples per minute
 * per series, in one run. Memory is the heap plus array buffers retained after two full garbage
 * collections, above what the process held before the registry was built. Prints a table; never
 * fails on a number. `METRICS_MEMORY_SERIES` (default 10000) sets the number of series and
 * `METRICS_MEMORY_RATES` (default `6,2`) the samples per minute measured.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { MINUTE_MS, createManualClock, createMetricsRegistry } from '@taurine/monitor';
import type { MetricsRegistry } from '@taurine/monitor';
import { seededRandom } from '@taurine/monitor/testing';
import { printTable } from './table.ts';
import type { BenchRow } from './table.ts';

const SERIES = Number(process.env['METRICS_MEMORY_SERIES'] ?? 10_000);
const RATES = (process.env['METRICS_MEMORY_RATES'] ?? '6,2').split(',').map(Number);
const MINUTES = 24 * 60;
const T0 = Date.UTC(2026, 0, 1);
const MiB = 1024 * 1024;
/** The targets of issue 14, per samples per minute. */
const TARGETS: Record<number, number> = { 6: 400, 2: 350 };
const STANDARD_TAGS = {
  environment: 'bench',
  region: 'eu-west-1',
  service: 'api',
  version: '1.0.0',
  deployment: 'blue',
};

/** `global.gc`, enabled at run time when node was not started with --expose-gc. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}

function retainedMiB(gc: () => void): number {
  gc();
  gc();
  const usage = process.memoryUsage();
  return (usage.heapUsed + usage.arrayBuffers) / MiB;
}

/** Log-normal latencies around e^4 ≈ 55 ms (σ = 0.8), as API response times spread. */
function latencies(count: number, seed: number): Float64Array {
  const next = seededRandom(seed);
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const gauss = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    values[i] = Math.exp(4 + 0.8 * gauss);
  }
  return values;
}

/** A registry holding 24 h of `SERIES` series at `perMinute` samples per minute each. */
function simulateDay(perMinute: number): MetricsRegistry {
  const clock = createManualClock(T0);
  const registry = createMetricsRegistry({ clock, standardTags: STANDARD_TAGS });
  // 1,000 tag sets per metric (the default limit): series 0-999 are api.responseTime, then more.
  const name = (i: number) =>
    i < 1000 ? 'api.responseTime' : `api.latency${Math.floor(i / 1000)}`;
  for (let i = 0; i < SERIES; i += 1000) {
    registry.define(name(i), 'distribution', { help: 'API latency.', unit: 'ms' });
  }
  const handles = Array.from({ length: SERIES }, (_, i) =>
    registry.handle(name(i), 'distribution', { endpoint: `/e${i % 1000}` }),
  );
  const values = latencies(1 << 16, 6);
  const mask = values.length - 1;
  let cursor = 0;
  for (let minute = 0; minute < MINUTES; minute++) {
    clock.set(T0 + minute * MINUTE_MS);
    for (const handle of handles) {
      for (let i = 0; i < perMinute; i++) handle.record(values[cursor++ & mask]!);
    }
  }
  clock.set(T0 + MINUTES * MINUTE_MS - 1);
  return registry;
}

/** Entry point used by `test/bench/run-all.ts`. */
export async function run(): Promise<void> {
  const gc = collector();
  const rows: BenchRow[] = [];
  const series = SERIES.toLocaleString('en-US');
  for (const perMinute of RATES) {
    const before = retainedMiB(gc);
    const start = performance.now();
    let registry: MetricsRegistry | null = simulateDay(perMinute);
    const seconds = (performance.now() - start) / 1000;
    const used = retainedMiB(gc) - before;
    const target = TARGETS[perMinute] ?? 400;
    const p95 = registry.stats('api.responseTime', undefined, '24h').p95;
    rows.push({
      name: `${series} distribution series × 24 h, ${perMinute} samples/min each`,
      value: used,
      unit: 'MiB',
      target: `<= ${target} MiB`,
      met: used <= target,
    });
    rows.push({
      name: `  bytes per series (24 h p95 ${p95?.toFixed(1) ?? '-'} ms)`,
      value: (used * MiB) / SERIES,
      unit: 'B',
    });
    rows.push({ name: `  simulated in`, value: seconds, unit: 's' });
    registry = null;
  }
  printTable(
    'Metrics store memory (heap + array buffers after GC; retention 6 h / 7 d / 90 d)',
    rows,
  );
  await Promise.resolve();
}
