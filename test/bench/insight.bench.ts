/**
 * `npm run bench -- insight`: the insight work of one collection tick over 10,000 series (10
 * distribution metrics × 1,000 tag sets, an hour of minute history): the baseline refresh (from
 * the merged rollup sketches), the regression scan, and the longest stretch the event loop was
 * held while they ran (the work yields every ~20 ms). `INSIGHT_BENCH_SERIES` (10000) and
 * `INSIGHT_BENCH_SAMPLES` (samples per series and minute, 4) size it. Prints a table; never fails
 * on a time.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createManualClock, createMetricsRegistry } from '@taurine/monitor';
import { latencySample, seededRandom } from '@taurine/monitor/testing';
import { createRegressionScanner } from '../../apps/server/src/insight/regression-scanner.ts';
import { printTable } from './table.ts';

const MINUTE = 60_000;
const SERIES = Number(process.env['INSIGHT_BENCH_SERIES'] ?? 10_000);
const SAMPLES = Number(process.env['INSIGHT_BENCH_SAMPLES'] ?? 4);
const PER_METRIC = 1000;
const T0 = Date.UTC(2026, 0, 1);

/** Times `work` and the longest event-loop delay seen while it ran. */
async function measure(work: () => Promise<unknown>): Promise<{ ms: number; blockMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  histogram.disable();
  return { ms, blockMs: histogram.max / 1e6 };
}

export async function run(): Promise<void> {
  const clock = createManualClock(T0);
  const registry = createMetricsRegistry({
    clock,
    standardTags: {
      environment: 'bench',
      region: 'local',
      service: 'bench',
      version: '1',
      deployment: 'blue',
    },
  });
  const random = seededRandom(16);
  const metrics = Math.ceil(SERIES / PER_METRIC);
  for (let minute = 0; minute < 62; minute++) {
    clock.set(T0 + minute * MINUTE + 1);
    for (let s = 0; s < SERIES; s++) {
      const metric = `bench.latency${s % metrics}`;
      const tags = { endpoint: `/e${Math.floor(s / metrics)}` };
      for (let i = 0; i < SAMPLES; i++)
        registry.distribution(metric, latencySample(random, 20), tags);
    }
  }
  clock.set(T0 + 62 * MINUTE);
  const scanner = createRegressionScanner({
    registry,
    clock,
    config: {
      currentWindowMs: MINUTE,
      baselinePeriod: '1h',
      baselineRefreshMs: 300_000,
      regressionThreshold: 0.2,
      thresholds: {},
      minSamples: 1,
    },
  });
  const refresh = await measure(() => scanner.refreshBaselines(clock.now(), true));
  const scan = await measure(() => scanner.scan(clock.now()));
  const total = refresh.ms + scan.ms;
  const block = Math.max(refresh.blockMs, scan.blockMs);
  printTable(`insight: ${scanner.baselineCount()} series, ${SAMPLES} samples/min, 1 h baseline`, [
    { name: 'baseline refresh', value: refresh.ms, unit: 'ms' },
    { name: 'regression scan', value: scan.ms, unit: 'ms', baseline: 'baseline refresh' },
    { name: 'refresh + scan', value: total, unit: 'ms', target: '<= 3000 ms', met: total <= 3000 },
    {
      name: 'longest event-loop block',
      value: block,
      unit: 'ms',
      target: '<= 50 ms',
      met: block <= 50,
    },
  ]);
}
