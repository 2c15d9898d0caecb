import { describe, expect, it } from 'vitest';
import type { NotificationIntent } from './alert.ts';
import type { Severity } from './alert-rule.ts';
import { AlertingConfigError } from './alerting-config-error.ts';
import { SEVERITY_POLICY } from './severity-policy.ts';
import type { Silence } from './silence.ts';
import { HOUR, MINUTE, createHarness, testRule } from '../testing/alert-evaluator-harness.ts';

const METRIC = 'api.responseTime';

/** A harness with one rule of `severity` that fires on its first evaluation. */
function firingAlert(severity: Severity = 'critical', options = {}) {
  const h = createHarness(options);
  const rule = testRule({ severity, forMs: 0 });
  h.stats.set(METRIC, 2500);
  const start = h.clock.now();
  const first = h.evaluate([rule]);
  const fingerprint = first.alerts[0]!.fingerprint;
  return { h, rule, start, first, fingerprint };
}

function timeline(intents: readonly NotificationIntent[], start: number) {
  return intents.map((intent) => ({
    kind: intent.kind,
    afterMs: intent.at - start,
    level: intent.escalationLevel,
    channels: intent.channels,
    suppressed: intent.suppressed,
  }));
}

describe.each([
  ['critical', 5 * MINUTE, 15 * MINUTE],
  ['error', 15 * MINUTE, HOUR],
  ['warning', HOUR, 4 * HOUR],
  ['info', 4 * HOUR, 24 * HOUR],
] as const)('%s alerts', (severity, cooldownMs, escalateAfterMs) => {
  const policy = SEVERITY_POLICY[severity];

  it(`repeat every ${cooldownMs / MINUTE} min and escalate after ${escalateAfterMs / MINUTE} min unacknowledged`, () => {
    const { h, rule, start, first } = firingAlert(severity);
    const later = h.run([rule], escalateAfterMs + cooldownMs).flatMap((result) => result.intents);

    const expected = [
      { kind: 'firing', afterMs: 0, level: 0, channels: policy.channels, suppressed: false },
    ];
    for (let at = cooldownMs; at < escalateAfterMs; at += cooldownMs) {
      expected.push({
        kind: 'repeat',
        afterMs: at,
        level: 0,
        channels: policy.channels,
        suppressed: false,
      });
    }
    const level1 = policy.escalationLevels[0]!.channels;
    expected.push(
      {
        kind: 'escalation',
        afterMs: escalateAfterMs,
        level: 1,
        channels: level1,
        suppressed: false,
      },
      {
        kind: 'repeat',
        afterMs: escalateAfterMs + cooldownMs,
        level: 1,
        channels: level1,
        suppressed: false,
      },
    );
    expect(timeline([...first.intents, ...later], start)).toEqual(expected);
  });

  it('stops repeating and escalating once acknowledged, and still notifies the resolution', () => {
    const { h, rule, fingerprint } = firingAlert(severity);
    h.clock.advance(MINUTE);
    const ack = h.evaluator.acknowledge(fingerprint, 'alice', undefined, 'looking into it');
    expect(ack).toMatchObject({
      ok: true,
      alert: {
        status: 'acknowledged',
        acknowledgedBy: 'alice',
        acknowledgeComment: 'looking into it',
      },
      transition: {
        from: 'firing',
        to: 'acknowledged',
        actor: 'alice',
        comment: 'looking into it',
      },
      intents: [
        { kind: 'acknowledged', actor: 'alice', channels: policy.channels, suppressed: false },
      ],
    });

    const quiet = h.run([rule], 3 * escalateAfterMs, 30 * MINUTE);
    expect(quiet.flatMap((result) => result.intents)).toEqual([]);

    h.stats.set(METRIC, 100);
    const [resolved] = h.run([rule], MINUTE);
    expect(resolved?.transitions).toEqual([
      expect.objectContaining({ from: 'acknowledged', to: 'resolved' }),
    ]);
    expect(resolved?.intents.map((intent) => intent.kind)).toEqual(['resolved']);
  });
});

describe('escalation levels', () => {
  it('climb one level per escalation period up to the last configured level', () => {
    const { h, rule, start, first } = firingAlert('critical');
    const intents = h.run([rule], 2 * HOUR).flatMap((result) => result.intents);
    const escalations = timeline([...first.intents, ...intents], start).filter(
      (entry) => entry.kind === 'escalation',
    );
    expect(escalations).toEqual([
      expect.objectContaining({
        afterMs: 15 * MINUTE,
        level: 1,
        channels: ['pagerduty', 'slack', 'email'],
      }),
      expect.objectContaining({
        afterMs: 30 * MINUTE,
        level: 2,
        channels: ['pagerduty', 'slack', 'email', 'webhook'],
      }),
    ]);
  });

  it('follow policy overrides', () => {
    const { h, rule, start } = firingAlert('warning', {
      policy: {
        warning: {
          repeatIntervalMs: 10 * MINUTE,
          escalateAfterMs: 20 * MINUTE,
          escalationLevels: [{ channels: ['webhook'] }],
        },
      },
    });
    const intents = h.run([rule], 30 * MINUTE).flatMap((result) => result.intents);
    expect(
      timeline(intents, start).map(({ kind, afterMs, channels }) => ({ kind, afterMs, channels })),
    ).toEqual([
      { kind: 'repeat', afterMs: 10 * MINUTE, channels: ['slack', 'email'] },
      { kind: 'escalation', afterMs: 20 * MINUTE, channels: ['webhook'] },
      { kind: 'repeat', afterMs: 30 * MINUTE, channels: ['webhook'] },
    ]);
  });

  it('reject an invalid policy override at construction', () => {
    expect(() => createHarness({ policy: { critical: { repeatIntervalMs: 0 } } })).toThrow(
      new AlertingConfigError(
        'invalid-policy',
        'Invalid severity policy: critical.repeatIntervalMs must be a positive finite number (got 0)',
      ),
    );
  });
});

describe('idempotency keys', () => {
  it('are unique within an episode and identical for identical histories', () => {
    const runOnce = () => {
      const { h, rule, first } = firingAlert('critical');
      return [...first.intents, ...h.run([rule], HOUR).flatMap((result) => result.intents)].map(
        (intent) => intent.idempotencyKey,
      );
    };
    const keys = runOnce();
    expect(new Set(keys).size).toBe(keys.length);
    expect(runOnce()).toEqual(keys);
    expect(keys[0]).toMatch(/^[0-9a-f]{16}:\d+:firing:1$/);
  });
});

describe('manual actions', () => {
  it('resolve a firing alert by hand with who and why, and notify the resolution', () => {
    const { h, fingerprint } = firingAlert('error');
    h.clock.advance(MINUTE);
    const result = h.evaluator.resolve(fingerprint, 'bob', undefined, 'rolled back');
    expect(result).toMatchObject({
      ok: true,
      transition: { from: 'firing', to: 'resolved', actor: 'bob', comment: 'rolled back' },
      intents: [{ kind: 'resolved', actor: 'bob', comment: 'rolled back' }],
      alert: { status: 'resolved', resolvedBy: 'bob' },
    });
  });

  it('start a new pending episode when the condition still holds after a manual resolve', () => {
    const h = createHarness();
    const rule = testRule({ forMs: 2 * MINUTE });
    h.stats.set(METRIC, 2500);
    h.evaluate([rule]);
    const fired = h.run([rule], 2 * MINUTE).flatMap((result) => result.intents);
    h.evaluator.resolve(fired[0]!.fingerprint, 'bob');
    const after = h.run([rule], 3 * MINUTE);
    expect(after[0]?.transitions).toEqual([
      expect.objectContaining({ from: 'inactive', to: 'pending' }),
    ]);
    expect(after[1]?.intents).toEqual([]);
    expect(after[2]?.intents).toEqual([expect.objectContaining({ kind: 'firing' })]);
    expect(after[2]?.intents[0]?.groupKey).not.toBe(fired[0]?.groupKey);
  });

  it('resolve a pending alert silently', () => {
    const h = createHarness();
    h.stats.set(METRIC, 2500);
    const fingerprint = h.evaluate([testRule()]).alerts[0]!.fingerprint;
    const result = h.evaluator.resolve(fingerprint, 'bob');
    expect(result).toMatchObject({
      ok: true,
      transition: { from: 'pending', to: 'resolved' },
      intents: [],
    });
  });

  it('refuse unknown fingerprints, invalid transitions and blank actors with typed errors', () => {
    const { h, fingerprint } = firingAlert('critical');
    expect(h.evaluator.acknowledge('0000000000000000', 'alice')).toEqual({
      ok: false,
      error: {
        code: 'unknown-fingerprint',
        message: 'no alert 0000000000000000',
        fingerprint: '0000000000000000',
      },
    });
    expect(h.evaluator.resolve('nope', 'alice')).toMatchObject({
      ok: false,
      error: { code: 'unknown-fingerprint' },
    });
    expect(h.evaluator.acknowledge(fingerprint, '  ')).toMatchObject({
      ok: false,
      error: { code: 'invalid-actor' },
    });

    expect(h.evaluator.acknowledge(fingerprint, 'alice').ok).toBe(true);
    expect(h.evaluator.acknowledge(fingerprint, 'alice')).toMatchObject({
      ok: false,
      error: { code: 'invalid-transition', status: 'acknowledged' },
    });
    expect(h.evaluator.resolve(fingerprint, 'alice').ok).toBe(true);
    expect(h.evaluator.acknowledge(fingerprint, 'alice')).toEqual({
      ok: false,
      error: {
        code: 'invalid-transition',
        message: 'cannot acknowledge a resolved alert; only firing alerts can be',
        fingerprint,
        status: 'resolved',
      },
    });
    expect(h.evaluator.resolve(fingerprint, 'alice')).toMatchObject({
      ok: false,
      error: { code: 'invalid-transition', status: 'resolved' },
    });
  });

  it('refuse to acknowledge a pending alert', () => {
    const h = createHarness();
    h.stats.set(METRIC, 2500);
    const fingerprint = h.evaluate([testRule()]).alerts[0]!.fingerprint;
    expect(h.evaluator.acknowledge(fingerprint, 'alice')).toMatchObject({
      ok: false,
      error: { code: 'invalid-transition', status: 'pending' },
    });
  });
});

describe('silences', () => {
  const silence = (overrides: Partial<Silence> = {}): Silence => ({
    id: 'maintenance',
    matchers: [{ name: 'alertname', value: 'Latency high' }],
    startsAt: 0,
    endsAt: Number.MAX_SAFE_INTEGER,
    comment: 'planned maintenance',
    createdBy: 'carol',
    ...overrides,
  });

  it('suppress notifications but keep the alert and its transitions', () => {
    const h = createHarness();
    h.silences.push(silence());
    h.stats.set(METRIC, 2500);
    const result = h.evaluate([testRule({ forMs: 0 })]);
    expect(result.transitions).toEqual([expect.objectContaining({ to: 'firing' })]);
    expect(result.alerts[0]?.status).toBe('firing');
    expect(result.intents).toEqual([
      expect.objectContaining({
        kind: 'firing',
        suppressed: true,
        suppressedReason: 'silenced',
        silenceIds: ['maintenance'],
      }),
    ]);
  });

  it('keep the repeat cadence during a silence and announce an unannounced alert once it ends', () => {
    const h = createHarness();
    const rule = testRule({ severity: 'critical', forMs: 0 });
    const start = h.clock.now();
    h.silences.push(silence({ startsAt: start, endsAt: start + 12 * MINUTE }));
    h.stats.set(METRIC, 2500);
    const during = [h.evaluate([rule]), ...h.run([rule], 11 * MINUTE)];
    const after = h.run([rule], 6 * MINUTE);
    const brief = (results: typeof during) =>
      timeline(
        results.flatMap((result) => result.intents),
        start,
      ).map(({ kind, afterMs, suppressed }) => ({ kind, afterMs, suppressed }));

    expect(brief(during)).toEqual([
      { kind: 'firing', afterMs: 0, suppressed: true },
      { kind: 'repeat', afterMs: 5 * MINUTE, suppressed: true },
      { kind: 'repeat', afterMs: 10 * MINUTE, suppressed: true },
    ]);
    // Nobody has been told: the first evaluation after the silence announces it; escalation
    // still counts from when it started firing.
    expect(brief(after)).toEqual([
      { kind: 'firing', afterMs: 12 * MINUTE, suppressed: false },
      { kind: 'escalation', afterMs: 15 * MINUTE, suppressed: false },
    ]);
  });

  it('do not burst when a silence ends on an alert that was already announced', () => {
    const { h, rule, start } = firingAlert('critical');
    h.silences.push(silence({ startsAt: start + 2 * MINUTE, endsAt: start + 8 * MINUTE }));
    const intents = h.run([rule], 14 * MINUTE).flatMap((result) => result.intents);
    expect(
      timeline(intents, start).map(({ kind, afterMs, suppressed }) => ({
        kind,
        afterMs,
        suppressed,
      })),
    ).toEqual([
      { kind: 'repeat', afterMs: 5 * MINUTE, suppressed: true },
      { kind: 'repeat', afterMs: 10 * MINUTE, suppressed: false },
    ]);
  });

  it('suppress the resolution of an alert nobody was told about', () => {
    const h = createHarness();
    h.silences.push(silence({ endsAt: h.clock.now() + MINUTE }));
    h.stats.set(METRIC, 2500);
    h.evaluate([testRule({ forMs: 0 })]);
    h.clock.advance(MINUTE);
    h.stats.set(METRIC, 100);
    const result = h.evaluate([testRule({ forMs: 0 })]);
    expect(result.intents).toEqual([
      expect.objectContaining({
        kind: 'resolved',
        suppressed: true,
        suppressedReason: 'never-announced',
        silenceIds: [],
      }),
    ]);
  });

  it('only affect the series they match', () => {
    const h = createHarness();
    h.silences.push(silence({ matchers: [{ name: 'endpoint', value: '/a' }] }));
    h.stats.set(METRIC, [
      { tags: { endpoint: '/a' }, value: 2500 },
      { tags: { endpoint: '/b' }, value: 2500 },
    ]);
    const result = h.evaluate([testRule({ forMs: 0 })]);
    expect(result.intents.map((intent) => [intent.tags.endpoint, intent.suppressed])).toEqual(
      expect.arrayContaining([
        ['/a', true],
        ['/b', false],
      ]),
    );
  });
});
