import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWriter } from './byte-codec.ts';
import { COMPACT_BUCKETS } from './compact-buckets.ts';
import { DDSketch } from './dd-sketch.ts';
import { MonitorError } from './monitor-error.ts';
import { T0, random, setup, simulate } from '../testing/registry-harness.ts';
import { MINUTE_MS } from './windows.ts';

/** A value as samples arrive: latencies, zeros, negatives, tiny and huge magnitudes. */
const value = fc.oneof(
  fc.double({ min: 0.001, max: 1e6, noNaN: true }),
  fc.constant(0),
  fc.double({ min: -1e4, max: -1e-3, noNaN: true }),
  fc.double({ min: 1e-300, max: 1e300, noNaN: true }),
);
const weight = fc.oneof(
  fc.constant(1),
  fc.integer({ min: 1, max: 1000 }),
  fc.constant(2 ** 40 + 1),
  fc.double({ min: 0.01, max: 100, noNaN: true }),
);
const samples = fc.array(fc.tuple(value, weight), { maxLength: 300 });

function sketchOf(entries: readonly [number, number][], maxBuckets = 2048): DDSketch {
  const sketch = new DDSketch({ maxBuckets });
  for (const [sample, sampleWeight] of entries) sketch.add(sample, sampleWeight);
  return sketch;
}

/** Encodes `sketch`'s buckets compactly and decodes them into a fresh sketch with its summary. */
function roundTrip(sketch: DDSketch): { copy: DDSketch; bytes: number } {
  const writer = new ByteWriter(16);
  sketch.encodeBuckets(writer, COMPACT_BUCKETS);
  const copy = new DDSketch({ maxBuckets: sketch.maxBuckets });
  copy.addEncodedBuckets(writer.bytes, 0, writer.length, COMPACT_BUCKETS);
  if (sketch.count > 0) copy.addSummary(sketch.count, sketch.sum, sketch.min!, sketch.max!);
  return { copy, bytes: writer.length };
}

describe('compact rollup buckets', () => {
  it('round-trip every sketch exactly: same buckets, flags and serialised form', () => {
    fc.assert(
      fc.property(samples, fc.constantFrom(16, 64, 2048), (entries, maxBuckets) => {
        const sketch = sketchOf(entries, maxBuckets);
        const { copy } = roundTrip(sketch);
        expect(copy.toJSON()).toEqual(sketch.toJSON());
        expect(copy.serialize()).toBe(sketch.serialize());
        expect(copy.quantile(0.95)).toBe(sketch.quantile(0.95));
      }),
      { numRuns: 300 },
    );
  });

  it('decode into a sketch that already holds buckets exactly as the serialised form does', () => {
    fc.assert(
      fc.property(samples, samples, (first, second) => {
        const added = sketchOf(second);
        const viaCompact = sketchOf(first);
        const compact = new ByteWriter(16);
        added.encodeBuckets(compact, COMPACT_BUCKETS);
        viaCompact.addEncodedBuckets(compact.bytes, 0, compact.length, COMPACT_BUCKETS);
        const viaSerialised = sketchOf(first);
        const serialised = new ByteWriter(16);
        added.encodeBuckets(serialised);
        viaSerialised.addEncodedBuckets(serialised.bytes, 0, serialised.length);
        expect(viaCompact.toJSON()).toEqual(viaSerialised.toJSON());
      }),
      { numRuns: 200 },
    );
  });

  it('take about half the bytes of the serialised buckets for sparse and dense sketches', () => {
    const next = random(7);
    const latencies = (count: number) =>
      Array.from({ length: count }, (): [number, number] => [
        Math.exp(4 + 0.8 * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(6.283 * next())),
        1,
      ]);
    for (const count of [6, 30, 360, 60_000]) {
      const sketch = sketchOf(latencies(count));
      const serialised = new ByteWriter(16);
      sketch.encodeBuckets(serialised);
      expect(roundTrip(sketch).bytes, `${count} samples`).toBeLessThan(serialised.length * 0.8);
    }
  });

  it('reject truncated bytes with INVALID_SKETCH', () => {
    const writer = new ByteWriter(16);
    sketchOf([
      [1, 1],
      [10, 3],
      [100, 1],
    ]).encodeBuckets(writer, COMPACT_BUCKETS);
    const sketch = new DDSketch();
    expect(() => {
      sketch.addEncodedBuckets(writer.bytes, 0, writer.length - 1, COMPACT_BUCKETS);
    }).toThrow(MonitorError);
  });
});

describe('closed rollups in memory', () => {
  it('drain the serialised sketch of exactly the samples of each minute', () => {
    const { clock, registry } = setup();
    const minutes = [0, 1, 2].map((minute) =>
      simulate(registry, clock, 1, 5 + minute * 40, random(minute + 1)),
    );
    clock.advance(MINUTE_MS);
    registry.rollover(clock.now());
    const drained = registry
      .drainClosedRollups()
      .filter((record) => record.resolution === '1m')
      .sort((a, b) => a.bucketStart - b.bucketStart);
    expect(drained.map((record) => record.bucketStart)).toEqual([
      T0,
      T0 + MINUTE_MS,
      T0 + 2 * MINUTE_MS,
    ]);
    drained.forEach((record, minute) => {
      const expected = new DDSketch();
      for (const sample of minutes[minute]!) expected.add(sample);
      expect(record.sketch).toBe(expected.serialize());
    });
  });

  it('answer the same statistics and charts after a drain and a load', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 1e6 }),
        (minutes, perMinute, seed) => {
          const a = setup();
          simulate(a.registry, a.clock, minutes, perMinute, random(seed));
          const b = setup({}, a.clock.now());
          b.registry.loadRollups(a.registry.drainClosedRollups());
          for (const window of ['1m', '1h', '24h'] as const) {
            expect(b.registry.stats('api.responseTime', undefined, window)).toEqual(
              a.registry.stats('api.responseTime', undefined, window),
            );
          }
          const range = { from: T0, to: a.clock.now() };
          for (const stat of ['p99', 'max', 'count'] as const) {
            expect(
              b.registry.series('api.responseTime', undefined, range, 5 * MINUTE_MS, stat),
            ).toEqual(a.registry.series('api.responseTime', undefined, range, 5 * MINUTE_MS, stat));
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
