import { DDSketch } from '../metrics/dd-sketch.ts';
import type { WindowStats } from '../insight/insight-statistic.ts';

/** A standard normal variate from a uniform generator (Box–Muller). */
export function gaussian(random: () => number): number {
  const u = Math.max(random(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A log-normal latency sample: `medianMs` × e^(σ·N(0,1)), the usual shape of response times. */
export function latencySample(random: () => number, medianMs: number, sigma = 0.3): number {
  return medianMs * Math.exp(sigma * gaussian(random));
}

/** A timed sample of a synthetic history. */
export interface TimedSample {
  t: number;
  value: number;
}

/**
 * Samples of a synthetic latency history from `from` to `to` (epoch ms): `perMinute` a minute at
 * random instants, log-normal around `medianMs` times `factor(t)` (a slowdown from some instant).
 * Sorted by time.
 */
export function latencyHistory(options: {
  random: () => number;
  from: number;
  to: number;
  perMinute: number;
  medianMs: number;
  factor?: (t: number) => number;
}): TimedSample[] {
  const { random, from, to, perMinute, medianMs } = options;
  const factor = options.factor ?? (() => 1);
  const samples: TimedSample[] = [];
  for (let minute = from; minute < to; minute += 60_000) {
    for (let i = 0; i < perMinute; i++) {
      const t = minute + random() * 60_000;
      samples.push({ t, value: latencySample(random, medianMs) * factor(t) });
    }
  }
  return samples.sort((a, b) => a.t - b.t);
}

/** Window statistics of `values` through a DDSketch, as the registry computes them. */
export function sketchWindowStats(values: readonly number[]): WindowStats {
  const sketch = new DDSketch();
  for (const value of values) sketch.add(value);
  return {
    count: sketch.count,
    p50: sketch.quantile(0.5),
    p95: sketch.quantile(0.95),
    p99: sketch.quantile(0.99),
    mean: sketch.count === 0 ? null : sketch.sum / sketch.count,
  };
}

/** Statistics of the samples with `from <= t < to`. */
export function statsBetween(
  samples: readonly TimedSample[],
  from: number,
  to: number,
): WindowStats {
  return sketchWindowStats(samples.filter((s) => s.t >= from && s.t < to).map((s) => s.value));
}
