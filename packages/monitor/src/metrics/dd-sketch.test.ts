import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DDSketch, DEFAULT_MAX_BUCKETS } from './dd-sketch.ts';
import type { DDSketchJSON } from './sketch-json.ts';
import { MonitorError } from './monitor-error.ts';
import { seededRandom } from '../testing/seeded-random.ts';

const ALPHA = 0.01;
/** α plus floating-point slack: a value on a bucket edge is off by exactly α. */
const TOLERANCE = ALPHA * (1 + 1e-9);
const QUANTILES = [0, 0.01, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1];

function normal(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** The sample a quantile stands for: rank q·(n−1), rounded down, in ascending order. */
function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

function relativeError(estimate: number, exact: number): number {
  if (exact === 0) return Math.abs(estimate);
  return Math.abs(estimate - exact) / Math.abs(exact);
}

function sketchOf(values: readonly number[]): DDSketch {
  const sketch = new DDSketch();
  for (const value of values) sketch.add(value);
  return sketch;
}

function expectAccurate(sketch: DDSketch, values: readonly number[]): void {
  const sorted = [...values].sort((a, b) => a - b);
  for (const q of QUANTILES) {
    const estimate = sketch.quantile(q)!;
    expect(relativeError(estimate, exactQuantile(sorted, q)), `q=${q}`).toBeLessThanOrEqual(
      TOLERANCE,
    );
  }
}

const datasets: Record<string, (next: () => number) => number> = {
  'uniform 1..1000 ms': (next) => 1 + next() * 999,
  'log-normal latencies': (next) => Math.exp(4 + 1.2 * normal(next)),
  'negative values': (next) => -Math.exp(3 * normal(next)),
  'mixed signs with zeros': (next) => {
    const u = next();
    return u < 0.1 ? 0 : u < 0.5 ? -Math.exp(2 * normal(next)) : Math.exp(2 * normal(next));
  },
};

describe('DDSketch accuracy', () => {
  for (const [name, generate] of Object.entries(datasets)) {
    it(`keeps every quantile within 1 % of the exact sample: ${name}`, () => {
      const next = seededRandom(name.length * 7919);
      const values = Array.from({ length: 100_000 }, () => generate(next));
      const sketch = sketchOf(values);
      expectAccurate(sketch, values);
      const sorted = [...values].sort((a, b) => a - b);
      expect(sketch.count).toBe(values.length);
      expect(sketch.min).toBe(sorted[0]);
      expect(sketch.max).toBe(sorted.at(-1));
      expect(sketch.sum).toBe(values.reduce((total, value) => total + value, 0));
    });
  }

  it('returns null quantiles, min and max when empty', () => {
    const sketch = new DDSketch();
    expect(sketch.quantile(0.5)).toBeNull();
    expect(sketch.min).toBeNull();
    expect(sketch.max).toBeNull();
    expect(sketch.count).toBe(0);
  });

  it('clamps quantiles to the exact min and max', () => {
    const sketch = sketchOf([100]);
    expect(sketch.quantile(0)).toBe(100);
    expect(sketch.quantile(0.5)).toBe(100);
    expect(sketch.quantile(1)).toBe(100);
  });

  it('rejects NaN, infinities, non-numbers and bad weights without changing anything', () => {
    const sketch = sketchOf([5]);
    const before = sketch.serialize();
    expect(sketch.add(Number.NaN)).toBe(false);
    expect(sketch.add(Infinity)).toBe(false);
    expect(sketch.add(-Infinity)).toBe(false);
    expect(sketch.add('7' as unknown as number)).toBe(false);
    expect(sketch.add(1, 0)).toBe(false);
    expect(sketch.add(1, -2)).toBe(false);
    expect(sketch.add(1, Number.NaN)).toBe(false);
    expect(sketch.serialize()).toBe(before);
  });

  it('treats a weight as that many identical samples', () => {
    const weighted = new DDSketch();
    weighted.add(12.5, 3);
    weighted.add(40, 1);
    expect(weighted.serialize()).toBe(sketchOf([12.5, 12.5, 12.5, 40]).serialize());
  });

  it('throws INVALID_QUERY for a quantile outside [0, 1]', () => {
    expect(() => sketchOf([1]).quantile(1.5)).toThrow(MonitorError);
    expect(() => sketchOf([1]).quantile(Number.NaN)).toThrow(/quantile must be within \[0, 1\]/);
  });

  it('stays within maxBuckets on data spanning 40 decades, keeping the high quantiles', () => {
    const next = seededRandom(42);
    const values = Array.from({ length: 50_000 }, () => 10 ** (-20 + 40 * next()));
    const sketch = sketchOf(values);
    expect(sketch.positive.counts.length).toBeLessThanOrEqual(DEFAULT_MAX_BUCKETS);
    expect(sketch.collapsed).toBe(true);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.75, 0.95, 0.99, 1]) {
      expect(relativeError(sketch.quantile(q)!, exactQuantile(sorted, q))).toBeLessThanOrEqual(
        TOLERANCE,
      );
    }
  });

  it('refuses bad options with an exact message', () => {
    expect(() => new DDSketch({ relativeAccuracy: 0 })).toThrow(
      'DDSketch: relativeAccuracy must be a number in (0, 1), got 0',
    );
    expect(() => new DDSketch({ maxBuckets: 8 })).toThrow(
      'DDSketch: maxBuckets must be an integer from 16 to 65536, got 8',
    );
  });
});

/** Values within 15 decades (no collapsing) of both signs, and zeros. */
const sample = fc.oneof(
  fc.constant(0),
  fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
  fc.double({ min: -1e9, max: -1e-6, noNaN: true }),
  fc.integer({ min: 1, max: 10_000 }),
);
const samples = fc.array(sample, { minLength: 1, maxLength: 300 });

function sameQuantiles(a: DDSketch, b: DDSketch): void {
  for (const q of QUANTILES) expect(a.quantile(q)).toBe(b.quantile(q));
}

describe('DDSketch merge', () => {
  it('equals the sketch of the concatenated data (count/min/max exact, quantiles identical)', () => {
    fc.assert(
      fc.property(samples, samples, (left, right) => {
        const merged = sketchOf(left).merge(sketchOf(right));
        const whole = sketchOf([...left, ...right]);
        sameQuantiles(merged, whole);
        expect(merged.count).toBe(whole.count);
        expect(merged.min).toBe(whole.min);
        expect(merged.max).toBe(whole.max);
        const magnitude = [...left, ...right].reduce((total, value) => total + Math.abs(value), 0);
        expect(Math.abs(merged.sum - whole.sum)).toBeLessThanOrEqual(1e-12 * magnitude);
        expectAccurate(merged, [...left, ...right]);
      }),
    );
  });

  it('is commutative and associative in quantiles', () => {
    fc.assert(
      fc.property(samples, samples, samples, (a, b, c) => {
        sameQuantiles(sketchOf(a).merge(sketchOf(b)), sketchOf(b).merge(sketchOf(a)));
        const leftFirst = sketchOf(a).merge(sketchOf(b)).merge(sketchOf(c));
        const rightFirst = sketchOf(a).merge(sketchOf(b).merge(sketchOf(c)));
        sameQuantiles(leftFirst, rightFirst);
        expect(leftFirst.count).toBe(rightFirst.count);
        expect(leftFirst.min).toBe(rightFirst.min);
        expect(leftFirst.max).toBe(rightFirst.max);
      }),
    );
  });

  it('keeps 1 % accuracy after merging 60 minute-sketches of negative and positive values', () => {
    const next = seededRandom(60);
    const minutes: number[][] = Array.from({ length: 60 }, () =>
      Array.from({ length: 2000 }, () => (next() < 0.3 ? -1 : 1) * Math.exp(3 + normal(next))),
    );
    const merged = new DDSketch();
    for (const minute of minutes) merged.merge(sketchOf(minute));
    expectAccurate(merged, minutes.flat());
  });

  it('refuses sketches of another accuracy', () => {
    const coarse = new DDSketch({ relativeAccuracy: 0.05 });
    expect(() => new DDSketch().merge(coarse)).toThrow(
      expect.objectContaining({ code: 'SKETCH_MISMATCH' }),
    );
  });

  it('computes several quantiles in one pass exactly as one at a time', () => {
    fc.assert(
      fc.property(samples, (values) => {
        const sketch = sketchOf(values);
        const qs = [0, 0.5, 0.75, 0.9, 0.95, 0.99, 1];
        expect(sketch.quantilesInto(qs, [])).toEqual(qs.map((q) => sketch.quantile(q)));
      }),
    );
    expect(new DDSketch().quantilesInto([0.5], [])).toEqual([null]);
    expect(() => sketchOf([1]).quantilesInto([0.9, 0.5], [])).toThrow(/ascending/);
  });

  it('reuses a cleared sketch for values in a distant range', () => {
    const sketch = sketchOf([1, 2, 3]);
    sketch.clear();
    const values = [1e6, 2e6, 5e6, 9e6];
    for (const value of values) sketch.add(value);
    expect(sketch.count).toBe(4);
    expectAccurate(sketch, values);
  });

  it('clone() is independent of the original', () => {
    const original = sketchOf([1, 2, 3]);
    const copy = original.clone();
    copy.add(1000);
    expect(original.count).toBe(3);
    expect(original.max).toBe(3);
    expect(copy.max).toBe(1000);
  });
});

describe('DDSketch serialisation', () => {
  it('round-trips exactly through serialize()/deserialize()', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            sample,
            fc.oneof(
              fc.constant(1),
              fc.integer({ min: 1, max: 9 }),
              fc.double({ min: 0.1, max: 5, noNaN: true }),
            ),
          ),
          { maxLength: 200 },
        ),
        (pairs) => {
          const sketch = new DDSketch();
          for (const [value, weight] of pairs) sketch.add(value, weight);
          const text = sketch.serialize();
          const restored = DDSketch.deserialize(text);
          expect(restored.toJSON()).toEqual(sketch.toJSON());
          expect(restored.serialize()).toBe(text);
          sameQuantiles(restored, sketch);
        },
      ),
    );
  });

  it('round-trips exactly through JSON', () => {
    const sketch = sketchOf([-3.25, 0, 0, 1e-5, 17, 17, 9_000.5]);
    const restored = DDSketch.fromJSON(JSON.parse(JSON.stringify(sketch)) as DDSketchJSON);
    expect(restored.serialize()).toBe(sketch.serialize());
    expect(sketch.toJSON()).toMatchObject({ count: 7, min: -3.25, max: 9_000.5, zeroCount: 2 });
  });

  it('is compact: sparse buckets, about two bytes each', () => {
    const next = seededRandom(7);
    const sketch = sketchOf(Array.from({ length: 10_000 }, () => Math.exp(4 + normal(next))));
    const buckets = sketch.toJSON().positive.length;
    expect(sketch.serialize().length).toBeLessThan(((41 + buckets * 3) * 4) / 3 + 8);
  });

  it('keeps an empty sketch empty', () => {
    const restored = DDSketch.deserialize(new DDSketch().serialize());
    expect(restored.count).toBe(0);
    expect(restored.quantile(0.5)).toBeNull();
  });

  it('throws INVALID_SKETCH on malformed input', () => {
    const bad = ['', 'not base64!', 'AQ', `${sketchOf([1, 2]).serialize()}AAAA`];
    for (const text of bad) {
      expect(() => DDSketch.deserialize(text)).toThrow(
        expect.objectContaining({ code: 'INVALID_SKETCH' }),
      );
    }
    const json = sketchOf([1, 2]).toJSON();
    expect(() => DDSketch.fromJSON({ ...json, count: 5 })).toThrow(/do not add up/);
  });
});
