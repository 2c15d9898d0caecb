import { describe, expect, it } from 'vitest';
import { AlertingConfigError } from './alerting-config-error.ts';
import { createAlertEvaluator } from './alert-evaluator.ts';
import { alertFingerprint } from './fingerprint.ts';
import { createManualClock } from '../clock.ts';
import {
  HARNESS_START,
  HOUR,
  MINUTE,
  createHarness,
  testRule,
} from '../testing/alert-evaluator-harness.ts';

const METRIC = 'api.responseTime';

describe('pending duration', () => {
  it('fires only once the condition has held for forMs, then notifies once', () => {
    const h = createHarness();
    const rule = testRule({ forMs: 5 * MINUTE });
    h.stats.set(METRIC, 2500);

    const first = h.evaluate([rule]);
    expect(first.transitions).toEqual([
      expect.objectContaining({
        from: 'inactive',
        to: 'pending',
        actor: 'system',
        value: 2500,
        threshold: 2000,
      }),
    ]);
    expect(first.intents).toEqual([]);

    h.clock.advance(5 * MINUTE - 1);
    const almost = h.evaluate([rule]);
    expect(almost.transitions).toEqual([]);
    expect(almost.alerts.map((alert) => alert.status)).toEqual(['pending']);

    h.clock.advance(1);
    const fired = h.evaluate([rule]);
    expect(fired.transitions).toEqual([expect.objectContaining({ from: 'pending', to: 'firing' })]);
    expect(fired.intents).toEqual([
      expect.objectContaining({
        kind: 'firing',
        severity: 'error',
        priority: 'P1',
        channels: ['pagerduty', 'slack', 'email'],
        escalationLevel: 0,
        suppressed: false,
        value: 2500,
      }),
    ]);
  });

  it('fires on the first evaluation when forMs is 0', () => {
    const h = createHarness();
    h.stats.set(METRIC, 2500);
    const result = h.evaluate([testRule({ forMs: 0 })]);
    expect(result.transitions).toEqual([
      expect.objectContaining({ from: 'inactive', to: 'firing' }),
    ]);
    expect(result.intents.map((intent) => intent.kind)).toEqual(['firing']);
  });

  it('never notifies a pending alert whose condition clears, and forgets it', () => {
    const h = createHarness();
    const rule = testRule({ forMs: 5 * MINUTE });
    h.stats.set(METRIC, 2500);
    const results = [h.evaluate([rule]), ...h.run([rule], 4 * MINUTE)];
    h.stats.set(METRIC, 1500);
    h.clock.advance(MINUTE);
    const cleared = h.evaluate([rule]);
    results.push(cleared, ...h.run([rule], 10 * MINUTE));

    expect(cleared.transitions).toEqual([
      expect.objectContaining({ from: 'pending', to: 'inactive' }),
    ]);
    expect(results.flatMap((result) => result.intents)).toEqual([]);
    expect(h.evaluator.alerts()).toEqual([]);
  });

  it('restarts the for-clock when the condition comes back after clearing', () => {
    const h = createHarness();
    const rule = testRule({ forMs: 5 * MINUTE });
    h.stats.set(METRIC, 2500);
    h.evaluate([rule]);
    h.clock.advance(4 * MINUTE);
    h.stats.set(METRIC, 100);
    h.evaluate([rule]);
    h.clock.advance(MINUTE);
    h.stats.set(METRIC, 2500);
    h.evaluate([rule]);
    h.clock.advance(4 * MINUTE);
    expect(h.evaluate([rule]).intents).toEqual([]);
    h.clock.advance(MINUTE);
    expect(h.evaluate([rule]).intents.map((intent) => intent.kind)).toEqual(['firing']);
  });
});

describe('resolution', () => {
  it('resolves when the condition clears and tells the channels it was firing on', () => {
    const h = createHarness();
    const rule = testRule({ forMs: 0 });
    h.stats.set(METRIC, 2500);
    const fired = h.evaluate([rule]);
    h.clock.advance(MINUTE);
    h.stats.set(METRIC, 900);
    const resolved = h.evaluate([rule]);

    expect(resolved.transitions).toEqual([
      expect.objectContaining({ from: 'firing', to: 'resolved', actor: 'system', value: 900 }),
    ]);
    expect(resolved.intents).toEqual([
      expect.objectContaining({
        kind: 'resolved',
        channels: ['pagerduty', 'slack', 'email'],
        groupKey: fired.intents[0]?.groupKey,
        status: 'resolved',
      }),
    ]);
    expect(resolved.alerts[0]).toMatchObject({ status: 'resolved', resolvedBy: 'system' });
  });

  it('starts a new episode with new keys when the condition returns after resolving', () => {
    const h = createHarness();
    const rule = testRule({ forMs: 2 * MINUTE });
    h.stats.set(METRIC, 2500);
    h.evaluate([rule]);
    const first = h.run([rule], 2 * MINUTE).flatMap((result) => result.intents);
    h.stats.set(METRIC, 900);
    h.run([rule], MINUTE);
    h.stats.set(METRIC, 2500);
    const second = h.run([rule], 3 * MINUTE).flatMap((result) => result.intents);

    expect(first.map((intent) => intent.kind)).toEqual(['firing']);
    expect(second.map((intent) => intent.kind)).toEqual(['firing']);
    expect(second[0]?.fingerprint).toBe(first[0]?.fingerprint);
    expect(second[0]?.groupKey).not.toBe(first[0]?.groupKey);
    expect(second[0]?.idempotencyKey).not.toBe(first[0]?.idempotencyKey);
  });

  it('drops resolved alerts after the retention period', () => {
    const h = createHarness({ resolvedRetentionMs: HOUR });
    const rule = testRule({ forMs: 0 });
    h.stats.set(METRIC, 2500);
    const fingerprint = h.evaluate([rule]).alerts[0]!.fingerprint;
    h.stats.set(METRIC, 900);
    h.run([rule], MINUTE);
    h.run([rule], HOUR - MINUTE);
    expect(h.evaluator.alert(fingerprint)?.status).toBe('resolved');
    h.run([rule], MINUTE);
    expect(h.evaluator.alert(fingerprint)).toBeUndefined();
  });
});

describe('keepFiringForMs', () => {
  it('keeps firing after the condition clears, restarting when it returns, then resolves', () => {
    const h = createHarness();
    const rule = testRule({ forMs: 0, keepFiringForMs: 5 * MINUTE });
    h.stats.set(METRIC, 2500);
    h.evaluate([rule]);
    h.stats.set(METRIC, 900);
    const cleared = h.run([rule], 4 * MINUTE);
    expect(cleared.flatMap((result) => result.transitions)).toEqual([]);
    expect(h.evaluator.alerts()[0]?.status).toBe('firing');

    h.stats.set(METRIC, 2500);
    h.run([rule], MINUTE);
    h.stats.set(METRIC, 900);
    const again = h.run([rule], 6 * MINUTE);
    const transitions = again.flatMap((result) => result.transitions);
    expect(transitions).toEqual([expect.objectContaining({ from: 'firing', to: 'resolved' })]);
    // Cleared at the first step (index 0), resolved keepFiringForMs = 5 min later (index 5).
    expect(again.findIndex((result) => result.transitions.length > 0)).toBe(5);
    expect(again.flatMap((result) => result.intents).map((intent) => intent.kind)).toEqual([
      'resolved',
    ]);
  });
});

describe('no data', () => {
  it('puts the alert in its own no-data state by default, without notifying', () => {
    const h = createHarness();
    const result = h.evaluate([testRule()]);
    expect(result.transitions).toEqual([
      expect.objectContaining({ from: 'inactive', to: 'no-data', value: null }),
    ]);
    expect(result.intents).toEqual([]);
    expect(result.alerts[0]).toMatchObject({ status: 'no-data', value: null });
  });

  it('reads missing data as OK when noDataState is ok', () => {
    const h = createHarness();
    const result = h.evaluate([testRule({ noDataState: 'ok' })]);
    expect(result.transitions).toEqual([]);
    expect(result.alerts).toEqual([]);
  });

  it('reads missing data as the condition holding when noDataState is alerting', () => {
    const h = createHarness();
    const result = h.evaluate([testRule({ noDataState: 'alerting', forMs: 0 })]);
    expect(result.transitions).toEqual([expect.objectContaining({ to: 'firing', value: null })]);
    expect(result.intents[0]?.summary).toBe(
      'Latency high: api.responseTime = no data (p95 over 5 min > 2,000)',
    );
  });

  it("writes the value and the condition in the metric's unit", () => {
    const h = createHarness({ unitOf: (metric) => (metric === METRIC ? 'ms' : '') });
    h.stats.set(METRIC, 2450);
    const result = h.evaluate([testRule({ forMs: 0 })]);
    expect(result.intents[0]).toEqual(
      expect.objectContaining({
        unit: 'ms',
        value: 2450,
        summary: 'Latency high: api.responseTime = 2.45 s (p95 over 5 min > 2 s)',
      }),
    );
  });

  it('treats NaN from the reader as no data', () => {
    const h = createHarness();
    h.stats.set(METRIC, Number.NaN);
    expect(h.evaluate([testRule()]).alerts[0]?.status).toBe('no-data');
  });

  it('holds a firing alert open through a data gap and resumes it without a new firing', () => {
    const h = createHarness();
    const rule = testRule({ forMs: 0 });
    h.stats.set(METRIC, 2500);
    h.evaluate([rule]);
    h.stats.set(METRIC, null);
    h.clock.advance(MINUTE);
    const gap = h.evaluate([rule]);
    expect(gap.transitions).toEqual([expect.objectContaining({ from: 'firing', to: 'no-data' })]);
    expect(gap.intents).toEqual([]);

    h.stats.set(METRIC, 2600);
    h.clock.advance(MINUTE);
    const back = h.evaluate([rule]);
    expect(back.transitions).toEqual([expect.objectContaining({ from: 'no-data', to: 'firing' })]);
    expect(back.intents).toEqual([]);
  });

  it('resolves an alert that fired when data returns below the threshold', () => {
    const h = createHarness();
    const rule = testRule({ forMs: 0 });
    h.stats.set(METRIC, 2500);
    h.evaluate([rule]);
    h.stats.set(METRIC, null);
    h.run([rule], MINUTE);
    h.stats.set(METRIC, 100);
    const [back] = h.run([rule], MINUTE);
    expect(back?.transitions).toEqual([
      expect.objectContaining({ from: 'no-data', to: 'resolved' }),
    ]);
    expect(back?.intents.map((intent) => intent.kind)).toEqual(['resolved']);
  });

  it('drops a no-data alert that never fired once data shows all is well', () => {
    const h = createHarness();
    h.evaluate([testRule()]);
    h.stats.set(METRIC, 100);
    const [back] = h.run([testRule()], MINUTE);
    expect(back?.transitions).toEqual([
      expect.objectContaining({ from: 'no-data', to: 'inactive' }),
    ]);
    expect(back?.alerts).toEqual([]);
  });
});

describe('series and rules', () => {
  it('keeps one alert per tag set and resolves a series that stops reporting', () => {
    const h = createHarness();
    const rule = testRule({ forMs: 0, tags: { environment: 'prod' } });
    h.stats.set(METRIC, [
      { tags: { endpoint: '/a' }, value: 2500 },
      { tags: { endpoint: '/b' }, value: 3000 },
      { tags: { endpoint: '/c' }, value: 10 },
    ]);
    const fired = h.evaluate([rule]);
    expect(fired.alerts.map((alert) => alert.tags)).toEqual(
      expect.arrayContaining([
        { environment: 'prod', endpoint: '/a' },
        { environment: 'prod', endpoint: '/b' },
      ]),
    );
    expect(fired.intents).toHaveLength(2);
    expect(h.stats.queries[0]).toMatchObject({
      tags: { environment: 'prod' },
      windowMs: 5 * MINUTE,
    });

    h.stats.set(METRIC, [{ tags: { endpoint: '/a' }, value: 2500 }]);
    const [next] = h.run([rule], MINUTE);
    expect(next?.transitions).toEqual([
      expect.objectContaining({
        fingerprint: alertFingerprint(rule.id, { environment: 'prod', endpoint: '/b' }),
        to: 'resolved',
      }),
    ]);
  });

  it('does not create a new alert per evaluation', () => {
    const h = createHarness();
    h.stats.set(METRIC, 2500);
    h.evaluate([testRule()]);
    h.run([testRule()], 30 * MINUTE);
    expect(h.evaluator.alerts()).toHaveLength(1);
  });

  it('resolves the alerts of a rule that is disabled or removed', () => {
    const h = createHarness();
    const rule = testRule({ forMs: 0 });
    h.stats.set(METRIC, 2500);
    h.evaluate([rule]);
    const [disabled] = h.run([{ ...rule, enabled: false }], MINUTE);
    expect(disabled?.transitions).toEqual([
      expect.objectContaining({ to: 'resolved', comment: 'rule disabled or removed' }),
    ]);
    expect(disabled?.intents.map((intent) => intent.kind)).toEqual(['resolved']);
  });

  it('reports a failing reader and a duplicate rule without throwing', () => {
    const h = createHarness();
    h.stats.set(METRIC, new Error('registry unavailable'));
    const result = h.evaluate([testRule(), testRule()]);
    expect(result.problems).toEqual([
      { ruleId: 'test.latency', code: 'stats-read-failed', message: 'registry unavailable' },
      expect.objectContaining({ ruleId: 'test.latency', code: 'duplicate-rule' }),
    ]);
    expect(result.alerts[0]?.status).toBe('no-data');
  });
});

describe('createAlertEvaluator options', () => {
  it('rejects a missing clock and a negative retention with exact messages', () => {
    expect(() => createAlertEvaluator({} as never)).toThrow(
      new AlertingConfigError(
        'invalid-option',
        'createAlertEvaluator: options.clock must be an object with a now() method',
      ),
    );
    expect(() =>
      createAlertEvaluator({ clock: createManualClock(HARNESS_START), resolvedRetentionMs: -1 }),
    ).toThrow(
      'createAlertEvaluator: options.resolvedRetentionMs must be a finite number >= 0 (got -1)',
    );
  });

  it('uses the injected clock when no time is passed', () => {
    const clock = createManualClock(1_000_000);
    const evaluator = createAlertEvaluator({ clock });
    const result = evaluator.evaluate([testRule()], { series: () => [] });
    expect(result.transitions[0]?.at).toBe(1_000_000);
  });
});
