import type { AlertRecord, Store } from '@taurine/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertingService } from './alerting-service.ts';
import { createAlertingService } from './alerting-service.ts';
import { startHttpReceiver, scripted } from '@taurine/notify/testing';
import type { HttpReceiver } from '@taurine/notify/testing';
import { LATENCY_RULE, MINUTE, createServiceHarness } from '../testing/alerting-service-harness.ts';
import type { ServiceHarness } from '../testing/alerting-service-harness.ts';

interface WebhookBody {
  event: string;
  data: {
    kind: string;
    fingerprint: string;
    idempotencyKey: string;
    groupKey: string;
    value: number;
  };
}
interface PagerDutyBody {
  event_action: string;
  dedup_key: string;
  routing_key: string;
  payload?: { severity: string; summary: string };
}

let harness: ServiceHarness;
let receivers: HttpReceiver[];
beforeEach(async () => {
  harness = await createServiceHarness();
  receivers = [];
});
afterEach(async () => {
  await harness.cleanup();
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

async function receiver(...replies: Parameters<typeof scripted>): Promise<HttpReceiver> {
  const started = await startHttpReceiver(replies.length === 0 ? undefined : scripted(...replies));
  receivers.push(started);
  return started;
}

/** The test rule's open alerts (built-in rules without data sit beside them as `no-data`). */
const ownAlerts = (service: AlertingService) =>
  service.activeAlerts().filter((alert) => alert.ruleId === LATENCY_RULE.id);

/** A started service with the latency rule and a breach recorded. */
async function breached(
  env: Parameters<ServiceHarness['service']>[0],
  overrides: Parameters<ServiceHarness['service']>[1] = {},
): Promise<{ service: AlertingService; store: Store; fingerprint: string }> {
  const { service, store } = await harness.service(env, overrides);
  harness.record(2500);
  const created = await service.createRule(LATENCY_RULE);
  expect(created.ok).toBe(true);
  const summary = await service.evaluate();
  const raised = summary.events.find((event) => event.type === 'raised');
  expect(raised).toBeDefined();
  return { service, store, fingerprint: raised!.alert.alert.fingerprint };
}

describe('alerting service delivery', () => {
  it('turns a breach into a firing alert, an outbox item and a webhook delivery', async () => {
    const hook = await receiver();
    const { service, store } = await harness.service(
      { alertWebhookUrl: hook.url },
      { dispatchIntervalMs: 60_000 },
    );
    harness.record(2500);
    await service.createRule(LATENCY_RULE);

    const summary = await service.evaluate();
    expect(summary).toMatchObject({ failed: false, queued: 1 });
    // The commit wakes the dispatcher loop at once: no waiting for its 60 s interval.
    await hook.waitFor(1);

    const [body] = hook.bodies<WebhookBody>();
    const fingerprint = summary.events[0]!.alert.alert.fingerprint;
    expect(body).toMatchObject({
      event: 'alert.firing',
      data: {
        kind: 'firing',
        fingerprint,
        groupKey: fingerprint,
        value: expect.any(Number) as number,
      },
    });
    expect(hook.requests[0]!.headers['idempotency-key']).toBe(body!.data.idempotencyKey);
    expect(ownAlerts(service)).toMatchObject([
      { fingerprint, ruleId: LATENCY_RULE.id, status: 'firing', severity: 'error' },
    ]);
    expect(await service.alert(fingerprint)).toMatchObject({ status: 'firing' });
    expect(harness.events.map((event) => event.type)).toEqual(['raised']);
    await expect.poll(async () => (await store.outbox.list())[0]?.status).toBe('sent');
  });

  it('retries a receiver answering 500 then 429 and delivers once with one idempotency key', async () => {
    const hook = await receiver(
      { status: 500 },
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 200 },
    );
    const { service, store } = await breached({ alertWebhookUrl: hook.url });

    expect(await service.dispatch()).toMatchObject({ retried: 1 });
    harness.clock.advance(1_000);
    expect(await service.dispatch()).toMatchObject({ retried: 1 });
    harness.clock.advance(2_000);
    // Retry-After (3 s) beats the 2 s back-off: nothing is due yet.
    expect(await service.dispatch()).toMatchObject({ claimed: 0 });
    harness.clock.advance(1_000);
    expect(await service.dispatch()).toMatchObject({ sent: 1 });
    harness.clock.advance(60 * MINUTE);
    expect(await service.dispatch()).toMatchObject({ claimed: 0 });

    const keys = hook.requests.map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    const [log] = await service.notificationLog();
    expect(log).toMatchObject({ status: 'sent', attempts: 3, responseStatus: 200 });
    expect(log!.attemptLog.map((attempt) => attempt.status)).toEqual([500, 429, 200]);
    expect(await store.outbox.list({ status: 'pending' })).toEqual([]);
  });

  it('marks a notification failed on 400 without retrying', async () => {
    const hook = await receiver({ status: 400, body: 'bad payload' });
    const { service } = await breached({ alertWebhookUrl: hook.url });

    expect(await service.dispatch()).toMatchObject({ failed: 1 });
    harness.clock.advance(30 * MINUTE);
    expect(await service.dispatch()).toMatchObject({ claimed: 0 });

    expect(hook.requests).toHaveLength(1);
    const [log] = await service.notificationLog({ status: 'failed' });
    expect(log).toMatchObject({ status: 'failed', attempts: 1 });
    expect(log!.lastError).toMatch(/400/);
    expect(log!.lastError).not.toContain(hook.url);
  });

  it('repeats after the cooldown until acknowledged, then only the resolution', async () => {
    const hook = await receiver();
    const { service, fingerprint } = await breached({ alertWebhookUrl: hook.url });
    const tick = async (minutes: number): Promise<void> => {
      for (let minute = 0; minute < minutes; minute += 1) {
        harness.clock.advance(MINUTE);
        harness.record(2500);
        await service.evaluate();
        await service.dispatch();
      }
    };

    await tick(15); // P1 repeats every 15 min
    expect(hook.bodies<WebhookBody>().map((body) => body.event)).toEqual([
      'alert.firing',
      'alert.repeat',
    ]);

    const ack = await service.acknowledge(fingerprint, 'alice', 'looking into it');
    expect(ack).toMatchObject({ ok: true, value: { status: 'acknowledged' } });
    await tick(120);
    harness.clock.advance(2 * MINUTE); // the 1-minute window empties: the condition clears
    await service.evaluate();
    await service.dispatch();

    expect(hook.bodies<WebhookBody>().map((body) => body.event)).toEqual([
      'alert.firing',
      'alert.repeat',
      'alert.acknowledged',
      'alert.resolved',
    ]);
    expect((await service.history(fingerprint)).map((step) => [step.to, step.actor])).toEqual([
      ['firing', 'system'],
      ['acknowledged', 'alice'],
      ['resolved', 'system'],
    ]);
    expect(harness.events.map((event) => event.type)).toEqual([
      'raised',
      'acknowledged',
      'resolved',
    ]);
  });

  it('sends PagerDuty trigger, acknowledge and resolve events with the fingerprint as dedup key', async () => {
    const pagerDuty = await receiver({ status: 202, body: '{"status":"success"}' });
    const { service, fingerprint } = await breached({
      pagerDutyRoutingKey: 'R0UT1NGKEY0123456789',
      pagerDutyEndpoint: pagerDuty.url,
    });
    await service.dispatch();
    harness.clock.advance(MINUTE);
    await service.acknowledge(fingerprint, 'alice');
    await service.dispatch();
    harness.clock.advance(MINUTE);
    const resolved = await service.resolve(fingerprint, 'bob', 'fixed by restart');
    expect(resolved).toMatchObject({ ok: true, value: { status: 'resolved' } });
    await service.dispatch();

    expect(
      pagerDuty.bodies<PagerDutyBody>().map((body) => [body.event_action, body.dedup_key]),
    ).toEqual([
      ['trigger', fingerprint],
      ['acknowledge', fingerprint],
      ['resolve', fingerprint],
    ]);
    expect(pagerDuty.bodies<PagerDutyBody>()[0]).toMatchObject({
      routing_key: 'R0UT1NGKEY0123456789',
      payload: { severity: 'error' },
    });
  });

  it('refuses to acknowledge an unknown or already resolved alert with a typed error', async () => {
    const { service, fingerprint } = await breached({});
    expect(await service.acknowledge('ffffffffffffffff', 'alice')).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
    await service.resolve(fingerprint, 'alice');
    expect(await service.acknowledge(fingerprint, 'alice')).toMatchObject({
      ok: false,
      error: { kind: 'alert-action-error', code: 'invalid-transition', status: 'resolved' },
    });
  });

  it('survives a restart: alerts come back and pending notifications are delivered once', async () => {
    const hook = await receiver({ status: 503 }, { status: 200 });
    const first = await breached({ alertWebhookUrl: hook.url });
    expect(await first.service.dispatch()).toMatchObject({ retried: 1 });
    await first.service.stop();
    await first.store.close();

    // A new process: new store connection, new service, same data directory.
    const { service } = await harness.service({ alertWebhookUrl: hook.url });
    expect(ownAlerts(service)).toMatchObject([
      { fingerprint: first.fingerprint, status: 'firing' },
    ]);
    harness.clock.advance(5_000);
    harness.record(2500);
    const again = await service.evaluate();
    expect(again).toMatchObject({ transitions: 0, queued: 0 });
    expect(await service.dispatch()).toMatchObject({ sent: 1 });

    expect(hook.bodies<WebhookBody>().map((body) => body.event)).toEqual([
      'alert.firing',
      'alert.firing',
    ]);
    expect(new Set(hook.requests.map((request) => request.headers['idempotency-key'])).size).toBe(
      1,
    );
  });

  it('keeps silenced alerts visible but sends nothing for them', async () => {
    const hook = await receiver();
    const { service } = await harness.service({ alertWebhookUrl: hook.url });
    harness.record(2500);
    await service.createRule(LATENCY_RULE);
    const silence = await service.createSilence(
      {
        matchers: [{ name: 'alertname', value: LATENCY_RULE.name }],
        endsAt: harness.clock.now() + 60 * MINUTE,
        comment: 'load test',
      },
      'carol',
    );
    expect(silence).toMatchObject({ ok: true, value: { createdBy: 'carol' } });

    const summary = await service.evaluate();
    expect(summary).toMatchObject({ queued: 0, suppressed: 1 });
    await service.dispatch();
    expect(hook.requests).toEqual([]);
    expect(ownAlerts(service)).toMatchObject([{ status: 'firing' }]);
  });

  it('never throws into the tick: a failed commit is rolled back and retried', async () => {
    const hook = await receiver();
    const store = await harness.openStore();
    let failNext = true;
    const chaos: Store = {
      ...store,
      alerts: {
        ...store.alerts,
        recordTransitions: (...args) => {
          if (failNext) {
            failNext = false;
            return Promise.reject(new Error('disk I/O error'));
          }
          return store.alerts.recordTransitions(...args);
        },
      },
    };
    const { service } = await harness.service({ alertWebhookUrl: hook.url }, { store: chaos });
    harness.record(2500);
    await service.createRule(LATENCY_RULE);

    expect(await service.evaluate()).toMatchObject({ failed: true, queued: 0 });
    expect(harness.errors).toHaveLength(1);
    expect(await store.outbox.list()).toEqual([]);

    harness.clock.advance(MINUTE);
    harness.record(2500);
    expect(await service.evaluate()).toMatchObject({ failed: false, queued: 1 });
    await service.dispatch();
    expect(hook.bodies<WebhookBody>().map((body) => body.event)).toEqual(['alert.firing']);
  });

  it('rejects bad options at construction with an exact message', async () => {
    const store = await harness.openStore();
    expect(() =>
      createAlertingService({
        store,
        registry: harness.registry,
        clock: harness.clock,
        channelsFromEnv: { dashboardUrl: 'http://taurine.test' },
        dispatchIntervalMs: -1,
      }),
    ).toThrow('createAlertingService: dispatchIntervalMs must be 0 or a positive number of ms');
  });
});

describe('alert rows', () => {
  it('marks a pending alert that cleared before firing as inactive, with its history', async () => {
    const { service } = await harness.service({});
    harness.record(2500);
    await service.createRule({ ...LATENCY_RULE, forMs: 5 * MINUTE });
    const pending = await service.evaluate();
    const fingerprint = pending.events[0]?.alert.alert.fingerprint;
    expect(fingerprint).toBeUndefined(); // pending raises no event
    const [row] = (await service.alerts({ statuses: ['pending'] })).records;
    expect(row).toMatchObject<Partial<AlertRecord>>({ status: 'pending' });

    harness.clock.advance(2 * MINUTE);
    await service.evaluate();
    expect(await service.alert(row!.alert.fingerprint)).toMatchObject({ status: 'inactive' });
    expect((await service.history(row!.alert.fingerprint)).map((step) => step.to)).toEqual([
      'pending',
      'inactive',
    ]);
  });
});
