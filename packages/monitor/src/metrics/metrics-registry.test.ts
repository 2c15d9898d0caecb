import { describe, expect, it } from 'vitest';
import { createManualClock } from './clock.ts';
import type { ManualClock } from './clock.ts';
import { DDSketch } from './dd-sketch.ts';
import { createMetricsRegistry } from './metrics-registry.ts';
import type { MetricsRegistry } from './metrics-registry.ts';
import type { MetricsRegistryOptions } from './registry-options.ts';
import type { RollupRecord } from './rollup-record.ts';
import { HOUR_MS, MINUTE_MS } from './windows.ts';
import { seededRandom as random } from '../testing/seeded-random.ts';

const T0 = Date.UTC(2026, 0, 1); // hour-aligned
const STANDARD = {
  environment: 'test',
  region: 'eu-west-1',
  service: 'api',
  version: '1.2.3',
  deployment: 'blue',
};

function setup(options: Partial<MetricsRegistryOptions> = {}, start = T0) {
  const clock = createManualClock(start);
  const registry = createMetricsRegistry({ clock, standardTags: STANDARD, ...options });
  return { clock, registry };
}

/** Records `perMinute` log-normal latencies per minute for `minutes` minutes, returning them. */
function simulate(
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

function exact(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

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

describe('MetricsRegistry persistence hooks', () => {
  it('restores history from drained rollups, and loading twice does not double count', () => {
    const a = setup();
    simulate(a.registry, a.clock, 200, 20, random(9));
    a.registry.counter('calc.done', 3, { feature: 'mix' });
    a.clock.advance(MINUTE_MS);
    a.registry.rollover(a.clock.now());
    const records = a.registry.drainClosedRollups();
    expect(a.registry.drainClosedRollups()).toEqual([]);
    const b = setup({}, a.clock.now());
    expect(b.registry.loadRollups(records)).toEqual({ loaded: records.length, skipped: 0 });
    expect(b.registry.loadRollups(records).loaded).toBe(records.length);
    for (const window of ['5m', '1h', '6h', '24h'] as const) {
      expect(b.registry.stats('api.responseTime', undefined, window)).toEqual(
        a.registry.stats('api.responseTime', undefined, window),
      );
    }
    expect(b.registry.stats('calc.done', { feature: 'mix' }, '1h').sum).toBe(3);
    expect(b.registry.drainClosedRollups()).toEqual([]);
  });

  it('continues sealing the current hour after a restart in the middle of it', () => {
    const continuous = setup();
    const restarted = setup();
    const next = random(5);
    const values = simulate(continuous.registry, continuous.clock, 100, 15, random(5));
    simulate(restarted.registry, restarted.clock, 37, 15, next);
    const drained = restarted.registry.drainClosedRollups();
    const fresh = setup({}, restarted.clock.now());
    fresh.registry.loadRollups(drained);
    simulate(fresh.registry, fresh.clock, 63, 15, next);
    expect(fresh.registry.stats('api.responseTime', undefined, '6h')).toEqual(
      continuous.registry.stats('api.responseTime', undefined, '6h'),
    );
    expect(fresh.registry.stats('api.responseTime', undefined, '6h').count).toBe(values.length);
    const hour = (registry: MetricsRegistry) =>
      registry.drainClosedRollups().filter((record) => record.resolution === '1h');
    const [sealed] = hour(fresh.registry);
    expect(sealed).toEqual(hour(continuous.registry)[0]);
  });

  it('rebuilds missing coarse rollups from loaded minutes and skips bad records', () => {
    const a = setup();
    simulate(a.registry, a.clock, 70, 5, random(3));
    const minutes = a.registry.drainClosedRollups().filter((record) => record.resolution === '1m');
    const b = setup({}, a.clock.now());
    const broken: RollupRecord = { ...minutes[0]!, bucketStart: T0 + 1 };
    const mismatched = { ...minutes[1]!, kind: 'counter' } as RollupRecord;
    const garbage = {
      ...minutes[2]!,
      bucketStart: T0 + 2 * MINUTE_MS,
      sketch: 'zz',
    } as RollupRecord;
    expect(b.registry.loadRollups([...minutes, broken, garbage])).toEqual({
      loaded: 70,
      skipped: 2,
    });
    expect(b.registry.loadRollups([mismatched]).skipped).toBe(1);
    const rebuilt = b.registry.drainClosedRollups();
    expect(rebuilt.map((record) => `${record.resolution}@${record.bucketStart}`)).toEqual([
      `1h@${T0}`,
    ]);
    expect(b.registry.stats('api.responseTime', undefined, '24h')).toEqual(
      a.registry.stats('api.responseTime', undefined, '24h'),
    );
  });
});
