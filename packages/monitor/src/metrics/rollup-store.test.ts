import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RollupLog } from './rollup-log.ts';
import { RollupStore } from './rollup-store.ts';
import { MINUTE_MS } from './windows.ts';

const T0 = Date.UTC(2026, 0, 1);
const NO_SKETCH = new Uint8Array(0);

function write(store: RollupStore, minute: number, values: number[], dirty = true): void {
  const sum = values.reduce((total, value) => total + value, 0);
  store.write(
    T0 + minute * MINUTE_MS,
    values.length,
    sum,
    Math.min(...values),
    Math.max(...values),
    values.at(-1)!,
    NO_SKETCH,
    0,
    0,
    dirty,
  );
}

function read(store: RollupStore, minute: number) {
  const position = store.indexOf(T0 + minute * MINUTE_MS);
  if (position < 0) return null;
  const { count, sum, min, max, last } = store.read(position);
  return { count, sum, min, max, last };
}

describe('RollupStore', () => {
  it('round-trips count, sum, min, max and last bit for bit, whichever fields it elides', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1, max: 2 ** 40 }),
          fc.double({ min: 0.001, max: 1e9, noNaN: true }),
        ),
        finite,
        finite,
        finite,
        finite,
        (count, sum, min, max, last) => {
          const store = new RollupStore(new RollupLog(), MINUTE_MS, false);
          store.write(T0, count, sum, min, max, last, NO_SKETCH, 0, 0, false);
          const entry = store.read(0);
          for (const [actual, expected] of [
            [entry.count, count],
            [entry.sum, sum],
            [entry.min, min],
            [entry.max, max],
            [entry.last, last],
          ] as const) {
            expect(Object.is(actual, expected)).toBe(true);
          }
        },
      ),
      // Once found by this property: max -0 beside min 0 was elided as "max equals min".
      { examples: [[1, 0, 0, -0, 0]] },
    );
    const store = new RollupStore(new RollupLog(), MINUTE_MS, false);
    write(store, 0, [3]);
    write(store, 1, [2, 5]);
    write(store, 2, [4, 4, 4]);
    write(store, 3, [1, 9, 3]);
    expect([0, 1, 2, 3].map((minute) => read(store, minute))).toEqual([
      { count: 1, sum: 3, min: 3, max: 3, last: 3 },
      { count: 2, sum: 7, min: 2, max: 5, last: 5 },
      { count: 3, sum: 12, min: 4, max: 4, last: 4 },
      { count: 3, sum: 13, min: 1, max: 9, last: 3 },
    ]);
  });

  it('keeps rollups ordered when written out of order, replacing a bucket written twice', () => {
    const store = new RollupStore(new RollupLog(), MINUTE_MS, false);
    for (const minute of [5, 1, 9, 3, 7, 0]) write(store, minute, [minute]);
    write(store, 3, [30, 31]);
    expect(store.size).toBe(6);
    const starts = [];
    for (let position = store.firstPosition; position < store.endPosition; position++) {
      starts.push((store.startAt(position) - T0) / MINUTE_MS);
    }
    expect(starts).toEqual([0, 1, 3, 5, 7, 9]);
    expect(read(store, 3)).toMatchObject({ count: 2, sum: 61 });
  });

  it('hands each dirty rollup to the drain once, and none that were loaded clean', () => {
    const store = new RollupStore(new RollupLog(), MINUTE_MS, false);
    write(store, 0, [1]);
    write(store, 1, [2], false);
    write(store, 2, [3]);
    const drained: number[] = [];
    const drain = () => {
      store.takeDirty((start, entry) => {
        drained.push((start - T0) / MINUTE_MS, entry.sum);
      });
    };
    drain();
    expect(drained).toEqual([0, 1, 2, 3]);
    drain();
    expect(drained).toHaveLength(4);
    write(store, 1, [5]);
    drain();
    expect(drained.slice(4)).toEqual([1, 5]);
    expect(store.dirtyCount).toBe(0);
  });

  it('drops expired rollups and the log releases their pages', () => {
    const log = new RollupLog();
    const store = new RollupStore(log, MINUTE_MS, true);
    const sketch = new Uint8Array(2000).fill(1);
    for (let minute = 0; minute < 600; minute++) {
      store.write(T0 + minute * MINUTE_MS, 1, 1, 1, 1, 1, sketch, 0, sketch.length, false);
    }
    const before = log.allocatedBytes;
    store.dropBefore(T0 + 500 * MINUTE_MS);
    log.release(T0 + 500 * MINUTE_MS);
    expect(store.size).toBe(100);
    expect(log.allocatedBytes).toBeLessThan(before);
    expect(log.allocatedBytes).toBeLessThanOrEqual(1 << 20); // only the page still in use
    const entry = store.read(store.firstPosition);
    expect(entry.sketchEnd - entry.sketchBegin).toBe(2000);
    expect(entry.bytes[entry.sketchBegin]).toBe(1);
  });
});
