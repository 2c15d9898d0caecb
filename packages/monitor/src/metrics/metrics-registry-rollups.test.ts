import { describe, expect, it } from 'vitest';
import { DDSketch } from './dd-sketch.ts';
import { T0, exact, random, setup, simulate } from '../testing/registry-harness.ts';
import type { RollupRecord } from './rollup-record.ts';
import { HOUR_MS, MINUTE_MS } from './windows.ts';

describe('MetricsRegistry rollups and retention', () => {
  it('seals 5-minute and hourly rollups equal to the merge of their minutes', () => {
    const retention = { minuteMs: 10 * MINUTE_MS };
    const { clock, registry } = setup({ retention });
    const next = random(1);
    const records: RollupRecord[] = [];
    for (let block = 0; block < 25; block++) {
      simulate(registry, clock, 5, 40, next);
      records.push(...registry.drainClosedRollups());
    }
    const minutes = records.filter((record) => record.resolution === '1m');
    const fives = records.filter((record) => record.resolution === '5m');
    const hours = records.filter((record) => record.resolution === '1h');
    expect(minutes).toHaveLength(125);
    // 5-minute blocks appear when their minutes are about to leave the 10-minute retention.
    expect(fives.map((five) => (five.bucketStart - T0) / MINUTE_MS)).toEqual(
      Array.from({ length: 24 }, (_, i) => i * 5),
    );
    expect(hours).toHaveLength(2);
    const merge = (parts: RollupRecord[]) =>
      parts.reduce(
        (sketch, part) => sketch.merge(DDSketch.deserialize(part.sketch!)),
        new DDSketch(),
      );
    for (const coarse of [...fives, ...hours]) {
      const width = coarse.resolution === '5m' ? 5 * MINUTE_MS : HOUR_MS;
      const parts = minutes.filter(
        (minute) =>
          minute.bucketStart >= coarse.bucketStart &&
          minute.bucketStart < coarse.bucketStart + width,
      );
      const merged = merge(parts);
      const sealed = DDSketch.deserialize(coarse.sketch!);
      expect(sealed.toJSON().positive).toEqual(merged.toJSON().positive);
      expect(coarse.count).toBe(merged.count);
      expect(coarse.min).toBe(merged.min);
      expect(coarse.max).toBe(merged.max);
      expect(coarse.sum).toBeCloseTo(merged.sum, 6);
      expect(coarse.last).toBe(parts.at(-1)!.last);
    }
  });

  it('drops rollups past retention and answers old ranges at the coarser resolution', () => {
    const retention = { minuteMs: 10 * MINUTE_MS, fiveMinuteMs: 2 * HOUR_MS, hourMs: 3 * HOUR_MS };
    const { clock, registry } = setup({ retention });
    for (let minute = 0; minute < 10; minute++) {
      clock.set(T0 + minute * MINUTE_MS);
      registry.counter('calc.done', minute + 1);
    }
    clock.set(T0 + 11 * MINUTE_MS);
    expect(
      registry.stats('calc.done', undefined, { from: T0 + 6 * MINUTE_MS, to: T0 + 7 * MINUTE_MS })
        .sum,
    ).toBe(7);
    clock.set(T0 + 40 * MINUTE_MS); // minutes gone: the first minute of a block stands for its block
    registry.rollover(clock.now());
    expect(registry.stats('calc.done', undefined, { from: T0, to: T0 + MINUTE_MS }).sum).toBe(15);
    // A range inside a 5-minute rollup is widened to that whole rollup.
    expect(
      registry.stats('calc.done', undefined, { from: T0 + MINUTE_MS, to: T0 + 2 * MINUTE_MS }).sum,
    ).toBe(15);
    expect(
      registry.stats('calc.done', undefined, { from: T0 + 5 * MINUTE_MS, to: T0 + 6 * MINUTE_MS })
        .sum,
    ).toBe(40);
    expect(registry.stats('calc.done', undefined, '1h').sum).toBe(55);
    clock.set(T0 + 150 * MINUTE_MS); // 5-minute rollups gone: the hour remains
    expect(registry.stats('calc.done', undefined, '6h').sum).toBe(55);
    expect(
      registry.series(
        'calc.done',
        undefined,
        { from: T0, to: T0 + HOUR_MS },
        5 * MINUTE_MS,
        'sum',
      )[0],
    ).toEqual({ t: T0, value: 55 });
    clock.set(T0 + 4 * HOUR_MS + MINUTE_MS); // everything gone
    expect(registry.stats('calc.done', undefined, '7d')).toMatchObject({ count: 0, sum: null });
  });

  it('answers a 24 h window from sealed rollups with 1 % accurate quantiles', () => {
    const { clock, registry } = setup();
    const values = simulate(registry, clock, 24 * 60, 10, random(24));
    clock.advance(-1); // still inside the last minute, which is live
    const stats = registry.stats('api.responseTime', undefined, '24h');
    expect(stats.count).toBe(values.length);
    for (const [stat, q] of [
      ['p50', 0.5],
      ['p95', 0.95],
      ['p99', 0.99],
    ] as const) {
      const truth = exact(values, q);
      expect(Math.abs(stats[stat]! - truth) / truth).toBeLessThanOrEqual(0.01 + 1e-9);
    }
  });

  it('seals blocks late when no sample or rollover arrived for hours', () => {
    const { clock, registry } = setup();
    clock.set(T0 + 30_000);
    registry.distribution('api.responseTime', 100);
    clock.set(T0 + 3 * HOUR_MS);
    registry.distribution('api.responseTime', 200);
    const records = registry.drainClosedRollups();
    expect(records.map((record) => record.resolution)).toEqual(['1m', '1h']);
    expect(registry.stats('api.responseTime', undefined, '6h')).toMatchObject({
      count: 2,
      max: 200,
    });
  });
});
