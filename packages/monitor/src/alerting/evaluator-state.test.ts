import { describe, expect, it } from 'vitest';
import { createAlertEvaluator } from './alert-evaluator.ts';
import type { AlertEvaluator } from './alert-evaluator.ts';
import type { AlertRule } from './alert-rule.ts';
import { parseEvaluatorState } from './evaluator-state.ts';
import { createManualClock } from '../clock.ts';
import type { ManualClock } from '../clock.ts';
import type { FakeStats } from '../testing/alert-evaluator-harness.ts';
import { MINUTE, createHarness, testRule } from '../testing/alert-evaluator-harness.ts';

const METRIC = 'api.responseTime';

/** Persists `from`'s state through JSON, as the server would, into a fresh evaluator. */
function restart(from: AlertEvaluator, clock: ManualClock): AlertEvaluator {
  const persisted: unknown = JSON.parse(JSON.stringify(from.snapshot()));
  const next = createAlertEvaluator({ clock });
  expect(next.restore(persisted)).toMatchObject({ ok: true });
  return next;
}

function runFor(
  evaluator: AlertEvaluator,
  clock: ManualClock,
  stats: FakeStats,
  rule: AlertRule,
  durationMs: number,
) {
  const intents = [];
  for (let elapsed = MINUTE; elapsed <= durationMs; elapsed += MINUTE) {
    clock.advance(MINUTE);
    intents.push(...evaluator.evaluate([rule], stats).intents);
  }
  return intents;
}

describe('snapshot and restore', () => {
  it('round-trip through JSON unchanged', () => {
    const h = createHarness();
    h.stats.set(METRIC, 2500);
    h.evaluate([testRule({ forMs: 0, tags: { region: 'eu' } })]);
    const snapshot = h.evaluator.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(parseEvaluatorState(snapshot)).toEqual({ ok: true, state: snapshot });
  });

  it('continue a pending timer where it was', () => {
    const h = createHarness();
    const rule = testRule({ forMs: 5 * MINUTE });
    h.stats.set(METRIC, 2500);
    h.evaluate([rule]);
    h.clock.advance(3 * MINUTE);
    h.evaluate([rule]);
    const restored = restart(h.evaluator, h.clock);
    const intents = runFor(restored, h.clock, h.stats, rule, 2 * MINUTE);
    expect(intents.map((intent) => [intent.kind, intent.at - intents[0]!.startsAt])).toEqual([
      ['firing', 5 * MINUTE],
    ]);
  });

  it('continue repeats, escalations and sequence numbers without duplicating keys', () => {
    const h = createHarness();
    const rule = testRule({ severity: 'critical', forMs: 0 });
    h.stats.set(METRIC, 2500);
    const start = h.clock.now();
    const before = [
      ...h.evaluate([rule]).intents,
      ...h.run([rule], 7 * MINUTE).flatMap((r) => r.intents),
    ];
    const restored = restart(h.evaluator, h.clock);
    const after = runFor(restored, h.clock, h.stats, rule, 13 * MINUTE);

    expect(
      [...before, ...after].map((intent) => [
        intent.kind,
        (intent.at - start) / MINUTE,
        intent.sequence,
      ]),
    ).toEqual([
      ['firing', 0, 1],
      ['repeat', 5, 2],
      ['repeat', 10, 3],
      ['escalation', 15, 4],
      ['repeat', 20, 5],
    ]);
    const keys = [...before, ...after].map((intent) => intent.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keep an acknowledgement across a restart', () => {
    const h = createHarness();
    const rule = testRule({ severity: 'critical', forMs: 0 });
    h.stats.set(METRIC, 2500);
    const fingerprint = h.evaluate([rule]).alerts[0]!.fingerprint;
    h.evaluator.acknowledge(fingerprint, 'alice');
    const restored = restart(h.evaluator, h.clock);
    expect(runFor(restored, h.clock, h.stats, rule, 60 * MINUTE)).toEqual([]);
    expect(restored.alert(fingerprint)).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'alice',
    });
  });

  it('jump to the highest escalation level due after a long outage, with one intent', () => {
    const h = createHarness();
    const rule = testRule({ severity: 'critical', forMs: 0 });
    h.stats.set(METRIC, 2500);
    h.evaluate([rule]);
    const restored = restart(h.evaluator, h.clock);
    h.clock.advance(2 * 60 * MINUTE);
    const intents = restored.evaluate([rule], h.stats).intents;
    expect(intents).toEqual([expect.objectContaining({ kind: 'escalation', escalationLevel: 2 })]);
  });

  it('return copies that callers cannot use to change the state', () => {
    const h = createHarness();
    h.stats.set(METRIC, 2500);
    h.evaluate([testRule()]);
    const snapshot = h.evaluator.snapshot();
    (snapshot.alerts[0] as { status: string }).status = 'resolved';
    (h.evaluator.alerts()[0] as { status: string }).status = 'resolved';
    expect(h.evaluator.alerts()[0]?.status).toBe('pending');
  });

  it('refuse invalid state with a typed error and keep the current state', () => {
    const h = createHarness();
    h.stats.set(METRIC, 2500);
    h.evaluate([testRule()]);
    const good = h.evaluator.snapshot();
    const broken = { ...good, alerts: [{ ...good.alerts[0], status: 'exploded' }] };

    expect(h.evaluator.restore(broken)).toEqual({
      ok: false,
      error: { code: 'invalid-state', message: 'alerts.0.status is missing or invalid' },
    });
    expect(h.evaluator.restore({ version: 2, alerts: [] })).toMatchObject({
      ok: false,
      error: { message: 'unsupported state version 2; expected 1' },
    });
    expect(
      h.evaluator.restore({ ...good, alerts: [good.alerts[0], good.alerts[0]] }),
    ).toMatchObject({
      ok: false,
      error: { message: 'alerts.1: duplicate fingerprint' },
    });
    expect(
      h.evaluator.restore({ ...good, alerts: [{ ...good.alerts[0], pendingSince: null }] }),
    ).toMatchObject({
      ok: false,
      error: { message: 'alerts.0: a pending alert needs pendingSince' },
    });
    expect(h.evaluator.snapshot()).toEqual(good);
  });

  it('restore into an evaluator created with its own clock', () => {
    const clock = createManualClock(5);
    const evaluator = createAlertEvaluator({ clock });
    expect(evaluator.restore({ version: 1, alerts: [] })).toEqual({ ok: true, alertCount: 0 });
    expect(evaluator.alerts()).toEqual([]);
  });
});
