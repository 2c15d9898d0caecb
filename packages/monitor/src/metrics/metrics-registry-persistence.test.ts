import { describe, expect, it } from 'vitest';
import type { MetricsRegistry } from './metrics-registry.ts';
import { T0, random, setup, simulate } from '../testing/registry-harness.ts';
import type { RollupRecord } from './rollup-record.ts';
import { MINUTE_MS } from './windows.ts';

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
