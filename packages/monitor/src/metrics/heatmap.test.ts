import { describe, expect, it } from 'vitest';
import { T0, setup } from '../testing/registry-harness.ts';
import { DDSketch } from './dd-sketch.ts';
import { heatmapBounds, sketchHistogram } from './heatmap.ts';

describe('heatmaps from sketches', () => {
  it('counts a sketch per band within its accuracy', () => {
    const sketch = new DDSketch();
    for (const value of [1, 2, 3, 50, 60, 1000]) sketch.add(value);
    expect(sketchHistogram(sketch, [10, 100])).toEqual([3, 2, 1]);
    expect(sketchHistogram(sketch, [])).toEqual([6]);
  });

  it('spaces bands geometrically for positive values, linearly otherwise', () => {
    expect(heatmapBounds(1, 1000, 3).map((b) => Math.round(b))).toEqual([10, 100]);
    expect(heatmapBounds(-10, 10, 2)).toEqual([0]);
    expect(heatmapBounds(5, 5, 4)).toEqual([]);
  });

  it('gives one column per step whose counts add up to the samples recorded in it', () => {
    const { clock, registry } = setup();
    registry.define('api.responseTime', 'distribution', { unit: 'ms' });
    for (const value of [10, 20, 400]) registry.distribution('api.responseTime', value);
    clock.advance(60_000);
    registry.rollover(clock.now());
    for (const value of [15, 800]) registry.distribution('api.responseTime', value);
    const heatmap = registry.heatmap(
      'api.responseTime',
      undefined,
      { from: T0, to: T0 + 120_000 },
      60_000,
      4,
    );
    expect(heatmap.bounds).toHaveLength(3);
    expect(heatmap.columns.map((column) => column.t)).toEqual([T0, T0 + 60_000]);
    expect(heatmap.columns.map((column) => column.counts.reduce((a, b) => a + b, 0))).toEqual([
      3, 2,
    ]);
    expect(heatmap.columns[1]?.counts.at(-1)).toBe(1);
    expect(() =>
      registry.heatmap('api.responseTime', undefined, { from: T0, to: T0 + 60_000 }, 60_000, 99),
    ).toThrow(/bands/);
  });
});
