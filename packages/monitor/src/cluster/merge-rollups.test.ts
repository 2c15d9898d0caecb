import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.ts';
import { createMetricsRegistry } from '../metrics/metrics-registry.ts';
import type { RollupRecord } from '../metrics/rollup-record.ts';
import { seededRandom } from '../testing/seeded-random.ts';
import { mergeInstanceRollups } from './merge-rollups.ts';

const START = Date.UTC(2026, 0, 1, 12, 0, 10);
const standardTags = {
  environment: 'test',
  region: 'local',
  service: 'taurine',
  version: '1',
  deployment: 'default',
};

/** One instance's registry over `minutes` minutes of samples; returns its drained rollups. */
function instanceRollups(samples: number[][], gauge: number): RollupRecord[] {
  const clock = createManualClock(START);
  const registry = createMetricsRegistry({ clock, standardTags });
  for (const minute of samples) {
    for (const value of minute) registry.distribution('api.responseTime', value);
    registry.counter('api.requests', minute.length);
    registry.gauge('process.heapUsedMB', gauge);
    clock.advance(60_000);
  }
  registry.sealOpenMinute();
  return registry.drainClosedRollups();
}

/** The exact quantile of `values` (nearest rank, as DDSketch answers). */
function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

/** A registry holding the merged records, queried at the end of the samples. */
function clusterView(records: RollupRecord[], minutes: number) {
  const clock = createManualClock(START + minutes * 60_000);
  const registry = createMetricsRegistry({ clock, standardTags });
  registry.loadRollups(mergeInstanceRollups(records));
  return registry;
}

describe('mergeInstanceRollups', () => {
  it('keeps merged quantiles within the sketch accuracy (1 %) of the exact ones over all instances', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (instances, minutes, seed) => {
          const random = seededRandom(seed);
          const all: number[] = [];
          const records: RollupRecord[] = [];
          for (let i = 0; i < instances; i++) {
            const samples = Array.from({ length: minutes }, () =>
              Array.from({ length: 1 + Math.floor(random() * 60) }, () => {
                const value = Math.exp(random() * 8) * (1 + i);
                all.push(value);
                return value;
              }),
            );
            records.push(...instanceRollups(samples, 10 * (i + 1)));
          }
          const stats = clusterView(records, minutes).stats('api.responseTime', undefined, '1h');
          expect(stats.count).toBe(all.length);
          for (const [q, value] of [
            [0.5, stats.p50],
            [0.95, stats.p95],
            [0.99, stats.p99],
          ] as const) {
            const exact = exactQuantile(all, q);
            expect(Math.abs(value! - exact)).toBeLessThanOrEqual(exact * 0.01 + 1e-9);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sums counters and reduces gauges to the largest instance value', () => {
    const a = instanceRollups([[1, 2, 3]], 40);
    const b = instanceRollups([[4, 5]], 90);
    const view = clusterView([...a, ...b], 1);
    expect(view.stats('api.requests', undefined, '1h').sum).toBe(5);
    expect(view.stats('process.heapUsedMB', undefined, '1h').last).toBe(90);
    expect(view.stats('process.heapUsedMB', undefined, '1h').min).toBe(40);
  });

  it('passes one instance through unchanged and leaves its input untouched', () => {
    const a = instanceRollups([[7, 8]], 1);
    const copy = structuredClone(a);
    expect(mergeInstanceRollups(a)).toEqual(a);
    mergeInstanceRollups([...a, ...instanceRollups([[9]], 2)]);
    expect(a).toEqual(copy);
  });
});
