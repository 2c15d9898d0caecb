import { describe, expect, it } from 'vitest';
import { T0, setup } from '../testing/registry-harness.ts';
import { MINUTE_MS } from './windows.ts';

const values = (points: { value: number | null }[]) => points.map((point) => point.value);

describe('charts of quiet minutes', () => {
  it('read 0 for a counter between its first sample and now, and no data around that', () => {
    const { clock, registry } = setup({}, T0 - 5 * MINUTE_MS);
    clock.set(T0 + 2 * MINUTE_MS + 1000); // the counter begins to exist here
    registry.counter('calc.done', 4);
    clock.set(T0 + 5 * MINUTE_MS + 1000);
    registry.counter('calc.done', 1);
    clock.set(T0 + 6 * MINUTE_MS + 1000); // now: minute 6 is live and quiet
    const range = { from: T0, to: T0 + 9 * MINUTE_MS };
    const chart = (stat: 'sum' | 'rate' | 'count' | 'avg') =>
      values(registry.series('calc.done', undefined, range, MINUTE_MS, stat));
    expect(chart('sum')).toEqual([null, null, 4, 0, 0, 1, 0, null, null]);
    expect(chart('count')).toEqual([null, null, 1, 0, 0, 1, 0, null, null]);
    expect(chart('rate')).toEqual([null, null, 4 / 60, 0, 0, 1 / 60, 0, null, null]);
    // Statistics of the samples themselves have nothing to describe in a quiet minute.
    expect(chart('avg')).toEqual([null, null, 4, null, null, 1, null, null, null]);
  });

  it('read 0 from when a counter was defined, before its first sample', () => {
    const { clock, registry } = setup();
    clock.set(T0 + MINUTE_MS);
    registry.define('alerts.sent', 'counter', { help: 'Notifications sent.' });
    clock.set(T0 + 3 * MINUTE_MS + 1);
    const points = registry.series(
      'alerts.sent',
      { channel: 'slack' },
      { from: T0, to: T0 + 4 * MINUTE_MS },
      2 * MINUTE_MS,
      'sum',
    );
    expect(points).toEqual([
      { t: T0, value: 0 }, // the metric existed for half of this step
      { t: T0 + 2 * MINUTE_MS, value: 0 },
    ]);
  });

  it('keep the gaps of gauges and distributions, whose quiet minutes have no value', () => {
    const { clock, registry } = setup();
    registry.gauge('cache.size', 10);
    registry.distribution('api.responseTime', 42);
    clock.set(T0 + 2 * MINUTE_MS + 1);
    registry.gauge('cache.size', 0); // a gauge at 0 is a value, drawn as such
    registry.distribution('api.responseTime', 0);
    clock.set(T0 + 3 * MINUTE_MS + 1);
    const range = { from: T0, to: T0 + 4 * MINUTE_MS };
    expect(values(registry.series('cache.size', undefined, range, MINUTE_MS, 'last'))).toEqual([
      10,
      null,
      0,
      null,
    ]);
    expect(values(registry.series('api.responseTime', undefined, range, MINUTE_MS, 'p95'))).toEqual(
      [42, null, 0, null],
    );
    expect(
      values(registry.series('api.responseTime', undefined, range, MINUTE_MS, 'count')),
    ).toEqual([1, 0, 1, 0]);
  });

  it('read 0 back to the oldest restored rollup of a counter after a restart', () => {
    const before = setup();
    before.registry.counter('calc.done', 2);
    before.clock.set(T0 + 2 * MINUTE_MS);
    before.registry.rollover(before.clock.now());
    const after = setup({}, T0 + 5 * MINUTE_MS);
    after.registry.loadRollups(before.registry.drainClosedRollups());
    const points = after.registry.series(
      'calc.done',
      undefined,
      { from: T0 - 2 * MINUTE_MS, to: T0 + 4 * MINUTE_MS },
      MINUTE_MS,
      'sum',
    );
    expect(values(points)).toEqual([null, null, 2, 0, 0, 0]);
  });

  it('show no data for a metric nobody defined or recorded', () => {
    const { registry } = setup();
    const range = { from: T0, to: T0 + MINUTE_MS };
    expect(values(registry.series('calc.unknown', undefined, range, MINUTE_MS, 'sum'))).toEqual([
      null,
    ]);
  });
});
