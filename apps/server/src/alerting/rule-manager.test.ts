import { BUILT_IN_RULES } from '@taurine/monitor';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATENCY_RULE, MINUTE, createServiceHarness } from '../testing/alerting-service-harness.ts';
import type { ServiceHarness } from '../testing/alerting-service-harness.ts';

let harness: ServiceHarness;
beforeEach(async () => {
  harness = await createServiceHarness();
});
afterEach(async () => {
  await harness.cleanup();
});

describe('alert rules', () => {
  it('seeds the built-in rules on first start only, keeping edits across restarts', async () => {
    const first = await harness.service();
    expect((await first.service.rules()).map((rule) => rule.id).sort()).toEqual(
      BUILT_IN_RULES.map((rule) => rule.id).sort(),
    );
    const edited = await first.service.updateRule('builtin.heap-memory', {
      threshold: 120,
      enabled: false,
    });
    expect(edited).toMatchObject({ ok: true, value: { threshold: 120, builtIn: true } });
    await first.service.stop();

    const second = await harness.service({}, { store: first.store });
    const heap = (await second.service.rules()).find((rule) => rule.id === 'builtin.heap-memory');
    expect(heap).toMatchObject({ threshold: 120, enabled: false, builtIn: true });
  });

  it('brings an untouched former default up to date at start, and leaves an edited one', async () => {
    const first = await harness.service();
    const current = BUILT_IN_RULES.find((rule) => rule.id === 'builtin.heap-memory')!;
    // The original 40 MB rule as an older release stored it, disabled by its operator.
    const seeded = {
      ...current,
      name: 'Heap memory above 40 MB',
      metric: 'process.heapUsedMB',
      threshold: 40,
      enabled: false,
    };
    await first.store.alertConfig.saveRule(seeded, 0);
    await first.service.stop();
    const second = await harness.service({}, { store: first.store });
    expect((await second.service.rules()).find((rule) => rule.id === current.id)).toMatchObject({
      name: 'Heap memory above 80 % of the limit',
      metric: 'process.heapUsedRatio',
      threshold: 0.8,
      enabled: false,
    });
    await second.service.stop();

    // Edited to 60 MB: the operator's rule stays as it is.
    await first.store.alertConfig.saveRule({ ...seeded, threshold: 60, name: 'Heap > 60 MB' }, 0);
    const third = await harness.service({}, { store: first.store });
    expect((await third.service.rules()).find((rule) => rule.id === current.id)).toMatchObject({
      name: 'Heap > 60 MB',
      metric: 'process.heapUsedMB',
      threshold: 60,
    });
  });

  it('validates rules: unknown metric, NaN threshold and a bad window are clear errors', async () => {
    const { service } = await harness.service();
    const result = await service.createRule({
      ...LATENCY_RULE,
      metric: 'no.such.metric',
      threshold: Number.NaN,
      window: '2m' as '1m',
    });
    expect(result.ok).toBe(false);
    expect(
      !result.ok && result.error.kind === 'validation-error' ? result.error.errors : [],
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'metric', code: 'unknown-metric' }),
        expect.objectContaining({ field: 'threshold' }),
        expect.objectContaining({ field: 'window' }),
      ]),
    );
  });

  it('creates rules that take effect at the next evaluation and refuses duplicate ids', async () => {
    const { service } = await harness.service();
    harness.record(2500);
    expect(await service.createRule(LATENCY_RULE)).toMatchObject({
      ok: true,
      value: { id: LATENCY_RULE.id, builtIn: false, enabled: true },
    });
    expect(await service.createRule(LATENCY_RULE)).toMatchObject({
      ok: false,
      error: { errors: [{ field: 'id', code: 'taken' }] },
    });
    const summary = await service.evaluate();
    expect(summary.events.map((event) => [event.type, event.alert.alert.ruleId])).toEqual([
      ['raised', LATENCY_RULE.id],
    ]);
  });

  it('resolves the open alerts of a deleted rule and never deletes built-in rules', async () => {
    const { service } = await harness.service();
    harness.record(2500);
    await service.createRule(LATENCY_RULE);
    await service.evaluate();

    expect(await service.deleteRule('builtin.uptime')).toMatchObject({
      ok: false,
      error: { errors: [{ code: 'built-in' }] },
    });
    expect(await service.deleteRule(LATENCY_RULE.id)).toEqual({
      ok: true,
      value: { id: LATENCY_RULE.id },
    });
    harness.clock.advance(MINUTE);
    const summary = await service.evaluate();
    expect(summary.events).toMatchObject([
      { type: 'resolved', comment: 'rule disabled or removed', alert: { status: 'resolved' } },
    ]);
    expect(await service.updateRule('missing', { threshold: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
  });

  it('creates, edits and deletes silences, listing expired ones only on request', async () => {
    const { service } = await harness.service();
    const now = harness.clock.now();
    const bad = await service.createSilence(
      { matchers: [], endsAt: now - 1, comment: '' },
      'alice',
    );
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation-error' } });

    const created = await service.createSilence(
      {
        matchers: [{ name: 'severity', value: 'warning' }],
        endsAt: now + 10 * MINUTE,
        comment: 'deploy',
      },
      'alice',
    );
    expect(created).toMatchObject({ ok: true, value: { startsAt: now, createdBy: 'alice' } });
    const id = created.ok ? created.value.id : '';
    expect(await service.updateSilence(id, { comment: 'longer deploy' }, 'bob')).toMatchObject({
      ok: true,
      value: { comment: 'longer deploy', createdBy: 'bob', endsAt: now + 10 * MINUTE },
    });

    harness.clock.advance(20 * MINUTE);
    expect(await service.silences()).toEqual([]);
    expect(await service.silences({ includeExpired: true })).toHaveLength(1);
    expect(await service.deleteSilence(id)).toEqual({ ok: true, value: { id } });
  });
});
