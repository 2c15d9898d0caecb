import { describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatcher.ts';
import { createMemoryOutboxStore } from './memory-outbox-store.ts';
import type { OutboxStore } from './outbox-store.ts';
import { channelMap, enqueue, receiverPool, setup } from './testing/dispatcher-setup.ts';
import { sampleNotification } from './testing/sample-notification.ts';
import { createWebhookChannel } from './webhook-channel.ts';

const { receiver, gated } = receiverPool();

/** Crash recovery (lease owners, heartbeat), order per alert and waking of the dispatcher. */

describe('dispatcher recovery and order', () => {
  it('keeps one alert in order through a receiver outage: firing, then acknowledged, then resolved', async () => {
    const hook = await receiver({ status: 500 }, { status: 200 });
    const webhook = createWebhookChannel({ url: hook.url });
    const { clock, store, dispatcher } = setup([webhook]);
    await enqueue(store, clock, [webhook]);
    expect(await dispatcher.tick()).toMatchObject({ claimed: 1, retried: 1 });

    for (const kind of ['acknowledged', 'resolved'] as const) {
      clock.advance(1);
      await enqueue(
        store,
        clock,
        [webhook],
        sampleNotification({ kind, idempotencyKey: `alert-42:${kind}` }),
      );
    }
    // Both later items are due, but the firing is still retrying: they wait behind it.
    expect(await dispatcher.tick()).toMatchObject({ claimed: 0 });
    clock.advance(1000);
    expect(await dispatcher.tick()).toEqual({ claimed: 3, sent: 3, retried: 0, failed: 0 });
    expect(hook.requests.map((request) => request.headers['x-taurine-event'])).toEqual([
      'alert.firing',
      'alert.firing',
      'alert.acknowledged',
      'alert.resolved',
    ]);
  });

  it('takes back the leases of its own earlier run at the first tick, not after they expire', async () => {
    const hook = await receiver({ status: 200 });
    const webhook = createWebhookChannel({ url: hook.url });
    const reclaimed: number[] = [];
    const { clock, store, dispatcher } = setup([webhook], {
      owner: 'web-1',
      onReclaimed: (count) => reclaimed.push(count),
    });
    await enqueue(store, clock, [webhook]);
    const [claimed] = await store.claimDue(clock.now(), 10, 30_000, 'web-1'); // then SIGKILL

    const stranger = createDispatcher({ store, channels: channelMap(webhook), clock });
    expect(await stranger.tick()).toMatchObject({ claimed: 0 });
    expect(await dispatcher.tick()).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(reclaimed).toEqual([1]);
    // A resend after a crash carries the same key, so the receiver can drop a duplicate.
    expect(hook.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      claimed?.idempotencyKey,
    ]);
  });

  it('claims nothing until the earlier run’s leases are back, retrying that at the next tick', async () => {
    const hook = await receiver({ status: 200 });
    const webhook = createWebhookChannel({ url: hook.url });
    const memory = createMemoryOutboxStore();
    let outage = true;
    const store: OutboxStore = {
      ...memory,
      releaseLeases: (owner) =>
        outage ? Promise.reject(new Error('database is locked')) : memory.releaseLeases(owner),
    };
    const errors: string[] = [];
    const { clock, dispatcher } = setup([webhook], {
      store,
      owner: 'web-1',
      onError: (error) => errors.push(error.message),
    });
    await enqueue(store, clock, [webhook]);
    await store.claimDue(clock.now(), 10, 30_000, 'web-1'); // the crashed run

    expect(await dispatcher.tick()).toMatchObject({ claimed: 0 });
    expect(errors).toEqual(['outbox store failed to take back the leases of an earlier run']);
    outage = false;
    expect(await dispatcher.tick()).toMatchObject({ claimed: 1, sent: 1 });
  });

  it('renews the lease while a send runs longer than the lease', async () => {
    const hook = await gated();
    const webhook = createWebhookChannel({ url: hook.url });
    const { clock, store, dispatcher } = setup([webhook], { leaseMs: 90, owner: 'web-1' });
    await enqueue(store, clock, [webhook]);
    const leaseOf = async (): Promise<number | undefined> => (await store.list())[0]?.leaseUntil;

    const ticking = dispatcher.tick();
    await expect.poll(() => hook.requests.length).toBe(1);
    // Past the first lease twice over: the heartbeat (every 30 ms) keeps moving it ahead.
    for (let step = 0; step < 2; step += 1) {
      clock.advance(80);
      const expected = clock.now() + 90;
      await expect.poll(leaseOf, { timeout: 2000 }).toBe(expected);
    }
    const rival = createDispatcher({ store, channels: channelMap(webhook), clock });
    expect(await rival.tick()).toMatchObject({ claimed: 0 });

    hook.release();
    expect(await ticking).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(hook.requests).toHaveLength(1);
  });

  it('ticks at once when woken instead of waiting for the interval', async () => {
    const hook = await receiver({ status: 200 });
    const webhook = createWebhookChannel({ url: hook.url });
    const { clock, store, dispatcher } = setup([webhook]);
    dispatcher.wake(); // not running: nothing to wake

    dispatcher.start(60_000);
    await expect.poll(async () => (await store.list()).length).toBe(0);
    await enqueue(store, clock, [webhook]);
    dispatcher.wake();
    await hook.waitFor(1, 2000);
    await dispatcher.stop();
    expect(await store.list({ status: 'sent' })).toHaveLength(1);
  });
});
