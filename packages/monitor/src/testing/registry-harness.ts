import { createManualClock } from '../clock.ts';
import type { ManualClock } from '../clock.ts';
import { createMetricsRegistry } from '../metrics/metrics-registry.ts';
import type { MetricsRegistry } from '../metrics/metrics-registry.ts';
import type { MetricsRegistryOptions } from '../metrics/registry-options.ts';
import { MINUTE_MS } from '../metrics/windows.ts';
import { seededRandom } from './seeded-random.ts';

/** Test helpers of the metrics registry suites: a registry on a manual clock and sample data. */

export const T0 = Date.UTC(2026, 0, 1); // hour-aligned
export const STANDARD = {
  environment: 'test',
  region: 'eu-west-1',
  service: 'api',
  version: '1.2.3',
  deployment: 'blue',
};

/** A registry with the standard tags on a manual clock starting at `start`. */
export function setup(options: Partial<MetricsRegistryOptions> = {}, start = T0) {
  const clock = createManualClock(start);
  const registry = createMetricsRegistry({ clock, standardTags: STANDARD, ...options });
  return { clock, registry };
}

/** The seeded generator under the name these suites use. */
export const random = seededRandom;

/** Records `perMinute` log-normal latencies per minute for `minutes` minutes, returning them. */
export function simulate(
  registry: MetricsRegistry,
  clock: ManualClock,
  minutes: number,
  perMinute: number,
  next: () => number,
  tags = { endpoint: '/graphql' },
): number[] {
  const values: number[] = [];
  for (let minute = 0; minute < minutes; minute++) {
    const start = clock.now();
    for (let i = 0; i < perMinute; i++) {
      clock.set(start + Math.floor((i * MINUTE_MS) / perMinute));
      const value = Math.exp(4 + Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(6.283 * next()));
      registry.distribution('api.responseTime', value, tags);
      values.push(value);
    }
    clock.set(start + MINUTE_MS);
  }
  return values;
}

/** The sample of rank `q·(n−1)` of `values`: the quantile a sketch estimates. */
export function exact(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}
