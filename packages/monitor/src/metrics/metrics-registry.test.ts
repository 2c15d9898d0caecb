import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock.ts';
import { createMetricsRegistry } from './metrics-registry.ts';
import type { MetricsRegistryOptions } from './registry-options.ts';
import { STANDARD, T0, setup } from '../testing/registry-harness.ts';
import { HOUR_MS, MINUTE_MS } from './windows.ts';

describe('createMetricsRegistry options', () => {
  const clock = createManualClock(T0);
  const make = (options: unknown) => () => createMetricsRegistry(options as MetricsRegistryOptions);

  it('throws exact messages for bad options', () => {
    expect(make(null)).toThrow('createMetricsRegistry: options must be an object');
    expect(make({ standardTags: STANDARD })).toThrow(
      'createMetricsRegistry: options.clock must be an object with a now() method',
    );
    expect(make({ clock, standardTags: { ...STANDARD, region: '' } })).toThrow(
      'createMetricsRegistry: options.standardTags.region must be a non-empty string of at most 200 characters',
    );
    expect(make({ clock, standardTags: { ...STANDARD, 'Bad-Key': 'x' } })).toThrow(
      'createMetricsRegistry: options.standardTags has an invalid key "Bad-Key"',
    );
    expect(make({ clock, standardTags: STANDARD, maxSeriesPerMetric: 0 })).toThrow(
      'createMetricsRegistry: options.maxSeriesPerMetric must be an integer from 1 to 100000, got 0',
    );
    expect(make({ clock, standardTags: STANDARD, retention: { minuteMs: 1000 } })).toThrow(
      'createMetricsRegistry: options.retention.minuteMs must be an integer >= 600000 (10 min), got 1000',
    );
    expect(make({ clock, standardTags: STANDARD, retention: { hourMs: HOUR_MS } })).toThrow(
      'createMetricsRegistry: options.retention.hourMs must be an integer >= fiveMinuteMs, got 3600000',
    );
    expect(make({ clock: { now: () => Number.NaN }, standardTags: STANDARD })).toThrow(
      'createMetricsRegistry: options.clock.now() must return finite epoch milliseconds',
    );
  });

  it('throws coded errors for bad definitions', () => {
    const { registry } = setup();
    expect(() => {
      registry.define('Api.x', 'counter');
    }).toThrow(/invalid metric name "Api.x"/);
    registry.define('api.calls', 'counter');
    expect(() => {
      registry.define('api.calls', 'gauge');
    }).toThrow('metric api.calls is already defined as a counter');
  });
});

describe('MetricsRegistry recording and stats', () => {
  it('reports "no data" as count 0 and nulls, distinct from a recorded 0', () => {
    const { registry } = setup();
    expect(registry.stats('nothing.here')).toMatchObject({
      count: 0,
      sum: null,
      p50: null,
      rate: null,
    });
    registry.define('cache.size', 'gauge', { help: 'Entries', unit: '' });
    expect(registry.stats('cache.size').last).toBeNull();
    registry.gauge('cache.size', 0);
    expect(registry.stats('cache.size')).toMatchObject({ count: 1, last: 0, min: 0, avg: 0 });
  });

  it('puts values into the minute they were recorded in', () => {
    const { clock, registry } = setup();
    clock.set(T0 + 10_000);
    registry.counter('calc.done', 2);
    clock.set(T0 + 70_000);
    registry.counter('calc.done', 5);
    clock.set(T0 + 130_000);
    registry.counter('calc.done', 7);
    expect(registry.stats('calc.done', undefined, { from: T0, to: T0 + MINUTE_MS }).sum).toBe(2);
    expect(
      registry.stats('calc.done', undefined, { from: T0 + MINUTE_MS, to: T0 + 2 * MINUTE_MS }).sum,
    ).toBe(5);
    expect(
      registry.stats('calc.done', undefined, { from: T0 + 2 * MINUTE_MS, to: T0 + 3 * MINUTE_MS })
        .sum,
    ).toBe(7);
    const points = registry.series(
      'calc.done',
      undefined,
      { from: T0, to: T0 + 4 * MINUTE_MS },
      MINUTE_MS,
      'sum',
    );
    expect(points).toEqual([
      { t: T0, value: 2 },
      { t: T0 + MINUTE_MS, value: 5 },
      { t: T0 + 2 * MINUTE_MS, value: 7 },
      { t: T0 + 3 * MINUTE_MS, value: null },
    ]);
  });

  it('answers named windows from the live minute plus closed minutes', () => {
    const { clock, registry } = setup();
    for (let minute = 0; minute < 90; minute++) {
      clock.set(T0 + minute * MINUTE_MS + 1000);
      registry.distribution('api.responseTime', minute + 1);
    }
    // now = T0 + 89 min + 1 s: live minute 89 plus n closed minutes.
    expect(registry.stats('api.responseTime', undefined, '1m')).toMatchObject({
      count: 2,
      min: 89,
      max: 90,
      last: 90,
    });
    expect(registry.stats('api.responseTime', undefined, '5m')).toMatchObject({
      count: 6,
      min: 85,
      max: 90,
    });
    expect(registry.stats('api.responseTime', undefined, '1h')).toMatchObject({
      count: 61,
      min: 30,
      max: 90,
    });
    expect(registry.stats('api.responseTime', undefined, '24h')).toMatchObject({
      count: 90,
      min: 1,
      max: 90,
      sum: 4095,
    });
    const p50 = registry.stats('api.responseTime', undefined, '24h').p50!;
    expect(Math.abs(p50 - 45) / 45).toBeLessThanOrEqual(0.01);
  });

  it('computes a counter rate as sum per second of the window', () => {
    const { clock, registry } = setup();
    for (let second = 0; second < 600; second++) {
      clock.set(T0 + second * 1000);
      registry.counter('api.requests', 10);
    }
    clock.set(T0 + 600_000); // minute 10 just started: 5 closed minutes of 600 each
    const stats = registry.stats('api.requests', undefined, '5m');
    expect(stats.sum).toBe(3000);
    expect(stats.rate).toBe(10);
    clock.set(T0 + 630_000);
    expect(registry.stats('api.requests', undefined, '5m').rate).toBeCloseTo(3000 / 330, 10);
  });

  it('keeps last, min, max and avg for gauges, without quantiles or rate', () => {
    const { clock, registry } = setup();
    registry.define('process.heapUsed', 'gauge', { help: 'Heap', unit: 'bytes' });
    for (const [offset, value] of [
      [0, 30],
      [20_000, 50],
      [70_000, 10],
    ] as const) {
      clock.set(T0 + offset);
      registry.record('process.heapUsed', value);
    }
    expect(registry.stats('process.heapUsed', undefined, '5m')).toMatchObject({
      count: 3,
      min: 10,
      max: 50,
      avg: 30,
      last: 10,
      p50: null,
      rate: null,
    });
  });

  it('aggregates every series whose tags contain the query tags', () => {
    const { registry } = setup();
    registry.distribution('api.responseTime', 10, { endpoint: '/a', device: 'mobile' });
    registry.distribution('api.responseTime', 20, { endpoint: '/a', device: 'desktop' });
    registry.distribution('api.responseTime', 30, { endpoint: '/b', device: 'mobile' });
    expect(registry.stats('api.responseTime', { endpoint: '/a' }).sum).toBe(30);
    expect(registry.stats('api.responseTime', { device: 'mobile' }).sum).toBe(40);
    expect(registry.stats('api.responseTime', { region: 'eu-west-1' }).count).toBe(3);
    expect(registry.stats('api.responseTime', { region: 'us-east-1' }).count).toBe(0);
    const perSeries = registry.seriesStats('api.responseTime', { device: 'mobile' });
    expect(perSeries.map(({ tags, stats }) => [tags.endpoint, stats.sum])).toEqual([
      ['/a', 10],
      ['/b', 30],
    ]);
  });

  it('canonicalises tag order and merges the standard tags', () => {
    const { registry } = setup();
    registry.counter('cache.hits', 1, { tier: 'memory', feature: 'search' });
    registry.counter('cache.hits', 1, { feature: 'search', tier: 'memory' });
    registry.counter('cache.hits', 1, { feature: 'search', tier: 'memory', region: 'us-east-1' });
    const listed = registry.listSeries('cache.');
    expect(listed).toHaveLength(2);
    expect(listed[0]!.tags).toEqual({ ...STANDARD, feature: 'search', tier: 'memory' });
    expect(Object.keys(listed[0]!.tags)).toEqual(Object.keys(listed[0]!.tags).sort());
    expect(listed[1]!.tags.region).toBe('us-east-1');
    expect(registry.stats('cache.hits', { tier: 'memory' }).sum).toBe(3);
  });

  it('records through a pre-resolved handle exactly as through record()', () => {
    const a = setup();
    const b = setup();
    const handle = a.registry.handle('api.responseTime', 'distribution', { endpoint: '/x' });
    for (let i = 1; i <= 1000; i++) {
      a.clock.set(T0 + i * 300);
      b.clock.set(T0 + i * 300);
      handle.record(i * 1.5);
      b.registry.distribution('api.responseTime', i * 1.5, { endpoint: '/x' });
    }
    expect(a.registry.stats('api.responseTime', undefined, '1h')).toEqual(
      b.registry.stats('api.responseTime', undefined, '1h'),
    );
  });
});

describe('MetricsRegistry bad samples and cardinality', () => {
  it('rejects and counts bad samples per metric and reason, never throwing', () => {
    const { registry } = setup();
    registry.define('api.responseTime', 'distribution', { help: 'Latency', unit: 'ms' });
    registry.define('api.requests', 'counter');
    registry.define('temperature', 'gauge');
    const bad: [string, unknown][] = [
      ['api.responseTime', Number.NaN],
      ['api.responseTime', Infinity],
      ['api.responseTime', -5],
      ['api.responseTime', '12'],
      ['api.requests', -1],
      ['api.requests', undefined],
    ];
    for (const [name, value] of bad) registry.record(name, value as number);
    registry.record('api.requests', 1, { 'Bad Key': 'x' });
    registry.record('api.requests', 1, { endpoint: 'x'.repeat(201) });
    registry.record('api.requests', 1, { overflow: 'true' });
    registry.gauge('api.requests', 1);
    registry.record('no.such.metric', 1);
    registry.counter('Not-A-Name', 1);
    registry.record('temperature', -12); // unitless gauges may go negative
    const rejected = registry.rejectedSamples();
    expect(rejected.total).toBe(12);
    expect(rejected.byMetric).toEqual({ 'api.responseTime': 4, 'api.requests': 6 });
    expect(rejected.byReason).toMatchObject({
      not_a_number: 3,
      not_finite: 1,
      negative: 1,
      decrement: 1,
      invalid_tags: 3,
      kind_mismatch: 1,
      unknown_metric: 1,
      invalid_name: 1,
    });
    expect(registry.stats('api.responseTime').count).toBe(0);
    expect(registry.stats('temperature').last).toBe(-12);
  });

  it('folds tag sets past maxSeriesPerMetric into one overflow series and counts them', () => {
    const { registry } = setup({ maxSeriesPerMetric: 3 });
    for (let i = 0; i < 10; i++) {
      for (let repeat = 0; repeat < 2; repeat++)
        registry.counter('api.calls', 1, { user: `u${i}` });
    }
    const info = registry.metrics().find((metric) => metric.name === 'api.calls')!;
    expect(info).toMatchObject({ series: 3, overflowTagSets: 7, overflowSamples: 14 });
    const overflow = registry.listSeries('api.calls', { overflow: 'true' });
    expect(overflow).toHaveLength(1);
    expect(overflow[0]!.tags).toEqual({ ...STANDARD, overflow: 'true' });
    expect(registry.stats('api.calls').sum).toBe(20);
    expect(registry.stats('api.calls', { overflow: 'true' }).sum).toBe(14);
  });
});
