import type { Alert, AlertEvaluatorState, AlertTransition } from '@taurine/monitor';
import type { NewOutboxItem } from '@taurine/notify';
import { describe, expect, it } from 'vitest';
import { alertCursor } from './alert-repository.ts';
import type { AlertRecord } from './alert-repository.ts';
import type { Store } from './open-store.ts';
import { storeHarnesses, useMigratedStore } from './testing/store-harness.ts';

const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);
const MINUTE = 60_000;

function alert(overrides: Partial<Alert> = {}): Alert {
  const fingerprint = overrides.fingerprint ?? '0123456789abcdef';
  const startsAt = overrides.startsAt ?? T0;
  return {
    fingerprint,
    groupKey: `${fingerprint}:${startsAt}`,
    ruleId: 'builtin.api-latency-p95',
    ruleName: 'API p95 response time above 2 s',
    description: null,
    metric: 'api.responseTime',
    stat: 'p95',
    window: '5m',
    comparison: '>',
    threshold: 2000,
    severity: 'error',
    tags: { endpoint: '/graphql' },
    status: 'firing',
    value: 2450.5,
    startsAt,
    pendingSince: null,
    firingSince: startsAt,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgeComment: null,
    resolvedAt: null,
    resolvedBy: null,
    conditionClearedAt: null,
    noDataSince: null,
    resumeStatus: null,
    lastEvaluatedAt: startsAt,
    escalationLevel: 0,
    lastNotifiedAt: startsAt,
    announced: true,
    notificationSeq: 1,
    ...overrides,
  };
}

const record = (value: Alert, updatedAt = value.lastEvaluatedAt): AlertRecord => ({
  status: value.status,
  updatedAt,
  alert: value,
});

function transition(overrides: Partial<AlertTransition> = {}): AlertTransition {
  return {
    fingerprint: '0123456789abcdef',
    ruleId: 'builtin.api-latency-p95',
    from: 'inactive',
    to: 'firing',
    at: T0,
    actor: 'system',
    value: 2450.5,
    threshold: 2000,
    ...overrides,
  };
}

function outboxItem(id: string, overrides: Partial<NewOutboxItem> = {}): NewOutboxItem {
  return {
    id,
    channelName: 'env-webhook',
    channelType: 'webhook',
    notification: {
      idempotencyKey: `0123456789abcdef:${T0}:firing:1`,
      kind: 'firing',
      fingerprint: '0123456789abcdef',
      alertName: 'API p95 response time above 2 s',
      severity: 'error',
      metric: 'api.responseTime',
      value: 2450.5,
      threshold: 2000,
      status: 'firing',
      startsAt: T0,
      at: T0,
      summary: 'api.responseTime p95 over 5m = 2450 (> 2000)',
    },
    createdAt: T0,
    ...overrides,
  };
}

const state = (alerts: Alert[]): AlertEvaluatorState => ({ version: 1, alerts });

describe.each(storeHarnesses)('AlertRepository on $dialect', ({ create }) => {
  let store: Store;
  useMigratedStore(create, (opened) => {
    store = opened.store;
  });

  it('stores the alert, its transition, its notification and the evaluator state together', async () => {
    const firing = alert();
    const result = await store.alerts.recordTransitions(
      [transition()],
      [record(firing)],
      [outboxItem('n1'), outboxItem('n2', { channelName: 'env-slack', channelType: 'slack' })],
      state([firing]),
    );

    expect(result).toEqual({ outboxInserted: 2 });
    expect(await store.alerts.get(firing.fingerprint)).toEqual(record(firing));
    expect(await store.alerts.transitions(firing.fingerprint)).toEqual([
      { id: expect.any(Number) as number, ...transition() },
    ]);
    expect((await store.outbox.list()).map((item) => item.id)).toEqual(['n1', 'n2']);
    expect(await store.alerts.loadEvaluatorState()).toEqual(state([firing]));
  });

  it('keeps one row per fingerprint and appends every transition with actor and comment', async () => {
    const firing = alert();
    await store.alerts.recordTransitions([transition()], [record(firing)], []);
    const acknowledged = alert({
      status: 'acknowledged',
      acknowledgedAt: T0 + MINUTE,
      acknowledgedBy: 'alice',
      acknowledgeComment: 'on it',
      lastEvaluatedAt: T0 + MINUTE,
    });
    await store.alerts.recordTransitions(
      [
        transition({
          from: 'firing',
          to: 'acknowledged',
          at: T0 + MINUTE,
          actor: 'alice',
          comment: 'on it',
        }),
      ],
      [record(acknowledged)],
      [],
    );

    const page = await store.alerts.list();
    expect(page.records).toEqual([record(acknowledged)]);
    expect(page.totalCount).toBe(1);
    expect(
      (await store.alerts.transitions(firing.fingerprint)).map((step) => [
        step.from,
        step.to,
        step.actor,
        step.comment,
      ]),
    ).toEqual([
      ['inactive', 'firing', 'system', undefined],
      ['firing', 'acknowledged', 'alice', 'on it'],
    ]);
  });

  it('writes nothing when the transaction fails half-way: no transition, no outbox row', async () => {
    const firing = alert();
    const broken = outboxItem('n2', { channelName: null as unknown as string });
    await expect(
      store.alerts.recordTransitions(
        [transition()],
        [record(firing)],
        [outboxItem('n1'), broken],
        state([firing]),
      ),
    ).rejects.toThrow();

    expect(await store.alerts.get(firing.fingerprint)).toBeUndefined();
    expect(await store.alerts.transitions(firing.fingerprint)).toEqual([]);
    expect(await store.outbox.list()).toEqual([]);
    expect(await store.alerts.loadEvaluatorState()).toBeUndefined();
  });

  it('does not queue a replayed notification twice', async () => {
    const firing = alert();
    await store.alerts.recordTransitions([transition()], [record(firing)], [outboxItem('n1')]);
    const replay = await store.alerts.recordTransitions(
      [],
      [record(firing)],
      [outboxItem('n1-again')],
    );
    expect(replay).toEqual({ outboxInserted: 0 });
    expect(await store.outbox.list()).toHaveLength(1);
  });

  it('pages alerts newest first, filtered by status and severity', async () => {
    const rows = [
      alert({ fingerprint: 'a'.repeat(16), startsAt: T0, severity: 'critical' }),
      alert({
        fingerprint: 'b'.repeat(16),
        startsAt: T0 + MINUTE,
        status: 'resolved',
        resolvedAt: T0 + 2 * MINUTE,
      }),
      alert({ fingerprint: 'c'.repeat(16), startsAt: T0 + MINUTE }),
      alert({ fingerprint: 'd'.repeat(16), startsAt: T0 + 2 * MINUTE, severity: 'warning' }),
    ];
    await store.alerts.recordTransitions(
      [],
      rows.map((row) => record(row)),
      [],
    );

    const first = await store.alerts.list({ first: 2 });
    expect(first.records.map((row) => row.alert.fingerprint[0])).toEqual(['d', 'b']);
    expect(first).toMatchObject({ hasNextPage: true, totalCount: 4 });
    const second = await store.alerts.list({ first: 2, after: alertCursor(first.records[1]!) });
    expect(second.records.map((row) => row.alert.fingerprint[0])).toEqual(['c', 'a']);
    expect(second.hasNextPage).toBe(false);

    const open = await store.alerts.list({
      statuses: ['firing'],
      severities: ['error', 'critical'],
    });
    expect(open.records.map((row) => row.alert.fingerprint[0])).toEqual(['c', 'a']);
    expect(open.totalCount).toBe(2);
  });

  it('replaces the evaluator state, keeping one row', async () => {
    await store.alerts.saveEvaluatorState(state([alert()]), T0);
    await store.alerts.saveEvaluatorState(state([]), T0 + MINUTE);
    expect(await store.alerts.loadEvaluatorState()).toEqual(state([]));
  });
});
