import { describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatcher.ts';
import type { DispatcherOptions } from './dispatcher.ts';
import { createMemoryOutboxStore } from './memory-outbox-store.ts';
import { NotifyError } from './notify-error.ts';
import { newOutboxItems } from './outbox-store.ts';
import type { OutboxStore } from './outbox-store.ts';
import { createPagerDutyChannel } from './pagerduty-channel.ts';
import { channelMap, enqueue, noJitter, receiverPool, setup } from './testing/dispatcher-setup.ts';
import { createFakeClock } from './testing/fake-clock.ts';
import { refusedUrl } from './testing/http-receiver.ts';
import type { Reply } from './testing/http-receiver.ts';
import { sampleNotification } from './testing/sample-notification.ts';
import { createWebhookChannel } from './webhook-channel.ts';

const { receiver, gated } = receiverPool();

describe('dispatcher', () => {
  it('retries 500, then 429 Retry-After, then delivers once, with one key on every attempt', async () => {
    const replies: Reply[] = [
      { status: 500, body: 'boom' },
      { status: 429, headers: { 'retry-after': '30' } },
      { status: 202, body: '{"status":"success"}' },
    ];
    const hook = await receiver(...replies);
    const pd = await receiver(...replies);
    const webhook = createWebhookChannel({ url: hook.url, secret: 'k3y-for-hmac' });
    const pagerDuty = createPagerDutyChannel({ routingKey: 'rk-0123456789', endpoint: pd.url });
    const { clock, store, dispatcher } = setup([webhook, pagerDuty]);
    await enqueue(store, clock, [webhook, pagerDuty]);
    const t0 = clock.now();

    expect(await dispatcher.tick()).toEqual({ claimed: 2, sent: 0, retried: 2, failed: 0 });
    expect((await store.list()).map((item) => item.nextAttemptAt)).toEqual([t0 + 1000, t0 + 1000]);

    clock.advance(999);
    expect(await dispatcher.tick()).toMatchObject({ claimed: 0 });
    clock.advance(1);
    expect(await dispatcher.tick()).toEqual({ claimed: 2, sent: 0, retried: 2, failed: 0 });
    // Retry-After (30 s) beats the back-off (2 s).
    expect((await store.list()).map((item) => item.nextAttemptAt)).toEqual([
      t0 + 31_000,
      t0 + 31_000,
    ]);

    clock.advance(29_999);
    expect(await dispatcher.tick()).toMatchObject({ claimed: 0 });
    clock.advance(1);
    expect(await dispatcher.tick()).toEqual({ claimed: 2, sent: 2, retried: 0, failed: 0 });
    clock.advance(3_600_000);
    expect(await dispatcher.tick()).toMatchObject({ claimed: 0 });

    expect(hook.requests.map((request) => request.headers['idempotency-key'])).toEqual(
      Array(3).fill('alert-42:firing:1'),
    );
    expect(
      pd.requests.map((request) => (JSON.parse(request.body) as { dedup_key: string }).dedup_key),
    ).toEqual(Array(3).fill('fp-error-rate-eu'));

    for (const item of await store.list()) {
      expect(item).toMatchObject({
        status: 'sent',
        attempts: 3,
        sentAt: t0 + 31_000,
        responseStatus: 202,
      });
      const log = await store.listAttempts(item.id);
      expect(log.map((attempt) => [attempt.attempt, attempt.ok, attempt.status])).toEqual([
        [1, false, 500],
        [2, false, 429],
        [3, true, 202],
      ]);
      expect(log.every((attempt) => attempt.idempotencyKey === 'alert-42:firing:1')).toBe(true);
    }
  });

  it('does not retry a 400: the item fails with the reason', async () => {
    const pd = await receiver({
      status: 400,
      body: '{"status":"invalid event","message":"Event object is invalid"}',
    });
    const pagerDuty = createPagerDutyChannel({ routingKey: 'rk-0123456789', endpoint: pd.url });
    const { clock, store, dispatcher } = setup([pagerDuty]);
    await enqueue(store, clock, [pagerDuty]);

    expect(await dispatcher.tick()).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1 });
    clock.advance(3_600_000);
    await dispatcher.tick();

    expect(pd.requests).toHaveLength(1);
    const [item] = await store.list();
    expect(item?.status).toBe('failed');
    expect(item?.lastError).toMatch(
      /^PagerDuty at 127\.0\.0\.1:\d+ answered 400: .*Event object is invalid/,
    );
    expect(item?.lastError).not.toContain('rk-0123456789');
  });

  it('retries refused connections and timeouts', async () => {
    const refused = createWebhookChannel({ name: 'refused', url: await refusedUrl() });
    const slow = await receiver('hang');
    const timingOut = createWebhookChannel({ name: 'slow', url: slow.url, timeoutMs: 100 });
    const { clock, store, dispatcher } = setup([refused, timingOut]);
    await enqueue(store, clock, [refused, timingOut]);

    expect(await dispatcher.tick()).toEqual({ claimed: 2, sent: 0, retried: 2, failed: 0 });

    const items = await store.list();
    expect(items.find((item) => item.channelName === 'refused')).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/connection failed \(ECONNREFUSED\)/) as unknown,
    });
    expect(items.find((item) => item.channelName === 'slow')).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/no response within 100 ms/) as unknown,
    });
  });

  it('marks failed after maxAttempts, or after a channel retry policy allows no more', async () => {
    const down = await receiver({ status: 503 });
    const generic = createWebhookChannel({ name: 'generic', url: down.url });
    const strict = createWebhookChannel({
      name: 'strict',
      url: down.url,
      retryPolicy: { maxRetries: 1, backoffMs: 50 },
    });
    const { clock, store, dispatcher } = setup([generic, strict], { maxAttempts: 3 });
    await enqueue(store, clock, [generic, strict]);
    const t0 = clock.now();

    await dispatcher.tick();
    expect((await store.list()).map((item) => [item.channelName, item.nextAttemptAt - t0])).toEqual(
      [
        ['generic', 1000],
        ['strict', 50],
      ],
    );
    for (let tick = 0; tick < 5; tick += 1) {
      clock.advance(10_000);
      await dispatcher.tick();
    }

    const items = await store.list();
    expect(items.map((item) => [item.channelName, item.status, item.attempts])).toEqual([
      ['generic', 'failed', 3],
      ['strict', 'failed', 2],
    ]);
    expect(items[0]?.lastError).toMatch(/^gave up after 3 attempts: webhook at .* answered 503$/);
  });

  it('never lets two dispatchers on one store send a claimed item', async () => {
    const hook = await gated();
    const webhook = createWebhookChannel({ url: hook.url });
    const clock = createFakeClock();
    const store = createMemoryOutboxStore();
    const options = { store, channels: channelMap(webhook), clock, random: noJitter, batchSize: 5 };
    const first = createDispatcher(options);
    const second = createDispatcher(options);
    for (let index = 0; index < 8; index += 1) {
      await enqueue(
        store,
        clock,
        [webhook],
        // Separate alerts: one alert's items to one channel are claimed one at a time.
        sampleNotification({ idempotencyKey: `key-${index}`, fingerprint: `fp-${index}` }),
      );
    }

    const firstTick = first.tick();
    const secondTick = second.tick();
    const thirdTick = first.tick();
    // Every item is leased (the receiver holds the sends in flight): a fourth tick finds nothing.
    const leased = async () =>
      (await store.list({ status: 'pending' })).filter(
        (item) => (item.leaseUntil ?? 0) > clock.now(),
      ).length;
    await expect.poll(leased, { timeout: 30_000 }).toBe(8);
    expect(await second.tick()).toMatchObject({ claimed: 0 });
    hook.release();
    const summaries = await Promise.all([firstTick, secondTick, thirdTick]);

    expect(summaries.map((summary) => summary.claimed).sort()).toEqual([0, 3, 5]);
    const keys = hook.requests.map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(8);
    expect(new Set(keys).size).toBe(8);
    expect(await store.list({ status: 'sent' })).toHaveLength(8);
  });

  it('loses nothing when a dispatcher dies holding a lease: another sends after it expires', async () => {
    const hook = await receiver({ status: 200 });
    const webhook = createWebhookChannel({ url: hook.url });
    const { clock, store, dispatcher } = setup([webhook], { leaseMs: 60_000 });
    await enqueue(store, clock, [webhook]);
    await store.claimDue(clock.now(), 10, 60_000); // the crashed dispatcher

    expect(await dispatcher.tick()).toMatchObject({ claimed: 0 });
    clock.advance(60_000);
    expect(await dispatcher.tick()).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(hook.requests).toHaveLength(1);
  });

  it('sends one channel’s items in order', async () => {
    const hook = await receiver({ status: 200 });
    const webhook = createWebhookChannel({ url: hook.url });
    const { clock, store, dispatcher } = setup([webhook]);
    await enqueue(store, clock, [webhook]);
    clock.advance(1);
    await enqueue(
      store,
      clock,
      [webhook],
      sampleNotification({
        kind: 'resolved',
        status: 'resolved',
        idempotencyKey: 'alert-42:resolved',
      }),
    );

    await dispatcher.tick();

    expect(hook.requests.map((request) => request.headers['x-taurine-event'])).toEqual([
      'alert.firing',
      'alert.resolved',
    ]);
  });

  it('fails items of an unconfigured channel and survives a failing store', async () => {
    const { clock, store, dispatcher } = setup([]);
    await store.enqueue(
      newOutboxItems(sampleNotification(), [{ name: 'gone', type: 'slack' }], clock.now()),
    );
    expect(await dispatcher.tick()).toMatchObject({ failed: 1 });
    expect((await store.list())[0]?.lastError).toBe('no channel named "gone" is configured');

    const errors: NotifyError[] = [];
    const broken: OutboxStore = {
      ...createMemoryOutboxStore(),
      claimDue: () => Promise.reject(new Error('database is locked')),
    };
    const resilient = createDispatcher({
      store: broken,
      channels: new Map(),
      clock,
      onError: (error) => errors.push(error),
    });
    expect(await resilient.tick()).toEqual({ claimed: 0, sent: 0, retried: 0, failed: 0 });
    expect(errors.map((error) => [error.code, error.message])).toEqual([
      ['STORE_FAILED', 'outbox store failed to claim due items'],
    ]);
    expect((errors[0]?.cause as Error).message).toBe('database is locked');
  });

  it('runs ticks on an interval until stopped', async () => {
    const hook = await receiver({ status: 200 });
    const webhook = createWebhookChannel({ url: hook.url });
    const clock = createFakeClock();
    const store = createMemoryOutboxStore();
    const dispatcher = createDispatcher({ store, channels: channelMap(webhook), clock });

    dispatcher.start(10);
    expect(() => {
      dispatcher.start(10);
    }).toThrow('Dispatcher.start: the dispatcher is already running');
    await enqueue(store, clock, [webhook]);
    await expect.poll(() => hook.requests.length, { timeout: 2000 }).toBe(1);
    await dispatcher.stop();

    await enqueue(store, clock, [webhook], sampleNotification({ idempotencyKey: 'after-stop' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hook.requests).toHaveLength(1);
    expect(() => {
      dispatcher.start(0);
    }).toThrow('Dispatcher.start: intervalMs must be a positive finite number');
  });

  it('rejects bad options with exact messages', () => {
    const base = {
      store: createMemoryOutboxStore(),
      channels: new Map(),
      clock: createFakeClock(),
    };
    const webhook = createWebhookChannel({ name: 'hook', url: 'https://example.com/h' });
    const cases: [Partial<DispatcherOptions>, string][] = [
      [{ maxAttempts: 0 }, 'createDispatcher: maxAttempts must be an integer ≥ 1'],
      [{ batchSize: 1.5 }, 'createDispatcher: batchSize must be an integer ≥ 1'],
      [{ leaseMs: -1 }, 'createDispatcher: leaseMs must be a positive finite number'],
      [{ owner: '' }, 'createDispatcher: owner must be a non-empty string'],
      [
        { backoff: { baseMs: 0, maxMs: 1000, factor: 2, jitter: 0.2 } },
        'createDispatcher: backoff.baseMs must be a positive finite number',
      ],
      [
        { backoff: { baseMs: 2000, maxMs: 1000, factor: 2, jitter: 0.2 } },
        'createDispatcher: backoff.maxMs must be ≥ backoff.baseMs',
      ],
      [
        { backoff: { baseMs: 1000, maxMs: 5000, factor: 0.5, jitter: 0.2 } },
        'createDispatcher: backoff.factor must be a finite number ≥ 1',
      ],
      [
        { backoff: { baseMs: 1000, maxMs: 5000, factor: 2, jitter: 1.5 } },
        'createDispatcher: backoff.jitter must be between 0 and 1',
      ],
      [
        { channels: new Map([['other', webhook]]) },
        'createDispatcher: channel "hook" is registered under the name "other"',
      ],
    ];
    for (const [overrides, message] of cases) {
      expect(() => createDispatcher({ ...base, ...overrides })).toThrow(
        new NotifyError('INVALID_OPTIONS', message),
      );
    }
  });
});
