import { describe, expect, it } from 'vitest';
import type { AlertNotification } from './alert-notification.ts';
import { NotifyError } from './notify-error.ts';
import type { NewOutboxItem, OutboxStore } from './outbox-store.ts';

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);

function notification(key: string): AlertNotification {
  return {
    idempotencyKey: key,
    kind: 'firing',
    fingerprint: `fp-${key}`,
    alertName: 'Heap memory high',
    severity: 'warning',
    metric: 'process.heapUsed',
    value: 41.5,
    threshold: null,
    status: 'firing',
    startsAt: T0,
    at: T0,
    summary: 'Heap 41.5 MB > 40 MB',
    tags: { service: 'server' },
  };
}

function item(id: string, overrides: Partial<NewOutboxItem> = {}): NewOutboxItem {
  return {
    id,
    channelName: 'slack',
    channelType: 'slack',
    notification: notification(`key-${id}`),
    createdAt: T0,
    ...overrides,
  };
}

/** A notification of `kind` about the alert `fingerprint` (one alert, several events). */
function event(id: string, fingerprint: string, kind: AlertNotification['kind']): NewOutboxItem {
  return item(id, {
    notification: { ...notification(`${fingerprint}:${kind}:${id}`), fingerprint, kind },
  });
}

const ids = (items: readonly { id: string }[]): string[] => items.map((stored) => stored.id);

/**
 * The behaviour every {@link OutboxStore} must have. Run it against each implementation
 * (memory here; SQL in packages/store) with a factory that returns an empty store.
 */
export function describeOutboxStoreContract(
  implementation: string,
  createStore: () => OutboxStore | Promise<OutboxStore>,
): void {
  describe(`OutboxStore contract: ${implementation}`, () => {
    it('stores new items as pending, due at creation, with the notification intact', async () => {
      const store = await createStore();
      expect(await store.enqueue([item('a')])).toBe(1);

      const [stored] = await store.list();
      expect(stored).toEqual({
        id: 'a',
        channelName: 'slack',
        channelType: 'slack',
        idempotencyKey: 'key-a',
        notification: notification('key-a'),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: T0,
        createdAt: T0,
      });
    });

    it('skips an item whose channel already has its idempotency key', async () => {
      const store = await createStore();
      await store.enqueue([item('a')]);
      const inserted = await store.enqueue([
        item('b', { notification: notification('key-a') }),
        item('c', {
          notification: notification('key-a'),
          channelName: 'email',
          channelType: 'email',
        }),
      ]);
      expect(inserted).toBe(1);
      expect((await store.list()).map((stored) => stored.id)).toEqual(['a', 'c']);
    });

    it('claims due items soonest first, up to the limit, and leases them', async () => {
      const store = await createStore();
      await store.enqueue([
        item('later', { nextAttemptAt: T0 + 5000 }),
        item('second', { nextAttemptAt: T0 + 10 }),
        item('first', { nextAttemptAt: T0 }),
        item('third', { nextAttemptAt: T0 + 20 }),
      ]);

      const claimed = await store.claimDue(T0 + 100, 2, 60_000);
      expect(claimed.map((claimedItem) => claimedItem.id)).toEqual(['first', 'second']);
      expect(
        (await store.claimDue(T0 + 100, 10, 60_000)).map((claimedItem) => claimedItem.id),
      ).toEqual(['third']);
      expect(await store.claimDue(T0 + 200, 10, 60_000)).toEqual([]);
    });

    it('never hands one item to two concurrent claimers', async () => {
      const store = await createStore();
      await store.enqueue(Array.from({ length: 20 }, (_, index) => item(`i${index}`)));

      const batches = await Promise.all(
        Array.from({ length: 5 }, () => store.claimDue(T0, 7, 60_000)),
      );
      const ids = batches.flat().map((claimedItem) => claimedItem.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
    });

    it('makes an item claimable again once its lease expired (a crashed dispatcher)', async () => {
      const store = await createStore();
      await store.enqueue([item('a')]);
      await store.claimDue(T0, 10, 60_000);

      expect(await store.claimDue(T0 + 59_999, 10, 60_000)).toEqual([]);
      expect(
        (await store.claimDue(T0 + 60_000, 10, 60_000)).map((claimedItem) => claimedItem.id),
      ).toEqual(['a']);
    });

    it('delivers one alert to one channel head of line: a later item waits for the earlier', async () => {
      const store = await createStore();
      await store.enqueue([event('firing', 'x', 'firing'), event('other', 'y', 'firing')]);
      await store.enqueue([
        { ...event('ack', 'x', 'acknowledged'), createdAt: T0 + 1 },
        { ...event('mail', 'x', 'firing'), createdAt: T0 + 1, channelName: 'email' },
        { ...event('resolved', 'x', 'resolved'), createdAt: T0 + 2 },
      ]);

      // Another alert and another channel of the same alert are separate lines.
      expect(ids(await store.claimDue(T0 + 10, 10, 60_000))).toEqual(['firing', 'other', 'mail']);
      await store.markRetry('firing', T0 + 5000, 'answered 500');
      await store.markSent('other', T0 + 20);
      await store.markSent('mail', T0 + 20);
      // The retrying head holds its line back even though the later items are due.
      expect(await store.claimDue(T0 + 100, 10, 60_000)).toEqual([]);

      expect(ids(await store.claimDue(T0 + 5000, 10, 60_000))).toEqual(['firing']);
      await store.markSent('firing', T0 + 5001);
      expect(ids(await store.claimDue(T0 + 5002, 10, 60_000))).toEqual(['ack']);
      // A failed head no longer holds the line.
      await store.markFailed('ack', 'answered 400');
      expect(ids(await store.claimDue(T0 + 5003, 10, 60_000))).toEqual(['resolved']);
    });

    it('orders items written at the same time by the order they were enqueued', async () => {
      const store = await createStore();
      await store.enqueue([event('ack', 'x', 'acknowledged'), event('resolved', 'x', 'resolved')]);
      await store.enqueue([event('repeat', 'x', 'repeat')]);

      expect(ids(await store.claimDue(T0, 10, 60_000))).toEqual(['ack']);
      await store.markSent('ack', T0);
      expect(ids(await store.claimDue(T0, 10, 60_000))).toEqual(['resolved']);
      await store.markSent('resolved', T0);
      expect(ids(await store.claimDue(T0, 10, 60_000))).toEqual(['repeat']);
    });

    it('records the lease owner and releases only that owner’s leases, at once', async () => {
      const store = await createStore();
      await store.enqueue([item('a'), item('b'), item('c')]);
      await store.claimDue(T0, 1, 300_000, 'instance-1');
      await store.claimDue(T0, 1, 300_000, 'instance-2');
      await store.claimDue(T0, 1, 300_000, 'instance-1');
      await store.markSent('c', T0 + 1);
      expect(await store.list({ status: 'pending' })).toMatchObject([
        { id: 'a', leaseOwner: 'instance-1', leaseUntil: T0 + 300_000 },
        { id: 'b', leaseOwner: 'instance-2', leaseUntil: T0 + 300_000 },
      ]);

      // instance-1 restarted: its pending item is claimable now, not in 5 minutes.
      expect(await store.releaseLeases('instance-1')).toBe(1);
      expect(ids(await store.claimDue(T0 + 10, 10, 30_000, 'instance-1'))).toEqual(['a']);
      expect((await store.list({ status: 'sent' }))[0]).not.toHaveProperty('leaseOwner');
      expect(await store.releaseLeases('nobody')).toBe(0);
    });

    it('renews the leases an owner still holds, and never one another claimer took over', async () => {
      const store = await createStore();
      await store.enqueue([item('a'), item('b')]);
      await store.claimDue(T0, 10, 1000, 'instance-1');

      expect(await store.renewLeases('instance-1', ['a', 'missing'], T0 + 5000)).toBe(1);
      expect(ids(await store.claimDue(T0 + 2000, 10, 10_000, 'instance-2'))).toEqual(['b']);
      expect(await store.claimDue(T0 + 4999, 10, 1000, 'instance-2')).toEqual([]);
      expect(ids(await store.claimDue(T0 + 5000, 10, 1000, 'instance-2'))).toEqual(['a']);

      expect(await store.renewLeases('instance-1', ['a', 'b'], T0 + 9000)).toBe(0);
      expect(await store.renewLeases('instance-2', [], T0 + 9000)).toBe(0);
      expect(await store.list()).toMatchObject([
        { id: 'a', leaseOwner: 'instance-2', leaseUntil: T0 + 6000 },
        { id: 'b', leaseOwner: 'instance-2', leaseUntil: T0 + 12_000 },
      ]);
    });

    it('logs attempts and counts them on the item', async () => {
      const store = await createStore();
      await store.enqueue([item('a')]);
      const attempt = {
        outboxId: 'a',
        attempt: 1,
        channelName: 'slack',
        idempotencyKey: 'key-a',
        startedAt: T0,
        finishedAt: T0 + 30,
        ok: false,
        retryable: true,
        status: 503,
        reason: 'Slack webhook at hooks.slack.com answered 503',
      };
      await store.recordAttempt(attempt);
      await store.recordAttempt({
        ...attempt,
        attempt: 2,
        ok: true,
        status: 200,
        reason: undefined,
      });

      expect((await store.list())[0]?.attempts).toBe(2);
      const log = await store.listAttempts('a');
      expect(log.map((entry) => [entry.attempt, entry.ok, entry.status])).toEqual([
        [1, false, 503],
        [2, true, 200],
      ]);
      expect(log[0]).toEqual(attempt);
    });

    it('marks sent with time and status, after which the item is never claimed again', async () => {
      const store = await createStore();
      await store.enqueue([item('a')]);
      await store.claimDue(T0, 10, 1000);
      await store.markSent('a', T0 + 50, 200);

      expect(await store.list({ status: 'sent' })).toMatchObject([
        { id: 'a', status: 'sent', sentAt: T0 + 50, responseStatus: 200 },
      ]);
      expect(await store.claimDue(T0 + 10_000, 10, 1000)).toEqual([]);
    });

    it('reschedules on retry, releasing the lease', async () => {
      const store = await createStore();
      await store.enqueue([item('a')]);
      await store.claimDue(T0, 10, 60_000);
      await store.markRetry('a', T0 + 2000, 'answered 500');

      expect(await store.claimDue(T0 + 1999, 10, 60_000)).toEqual([]);
      const [claimed] = await store.claimDue(T0 + 2000, 10, 60_000);
      expect(claimed).toMatchObject({ id: 'a', status: 'pending', lastError: 'answered 500' });
    });

    it('marks failed for good: a late retry does not revive it', async () => {
      const store = await createStore();
      await store.enqueue([item('a')]);
      await store.markFailed('a', 'answered 400');
      await store.markRetry('a', T0, 'late retry');

      expect(await store.list()).toMatchObject([
        { id: 'a', status: 'failed', lastError: 'answered 400' },
      ]);
      expect(await store.claimDue(T0 + 10_000, 10, 1000)).toEqual([]);
    });

    it('filters lists by status and channel, oldest first, with a limit', async () => {
      const store = await createStore();
      await store.enqueue([
        item('b', { createdAt: T0 + 1 }),
        item('a'),
        item('c', { createdAt: T0 + 2, channelName: 'email', channelType: 'email' }),
      ]);
      await store.markFailed('b', 'x');

      expect((await store.list()).map((stored) => stored.id)).toEqual(['a', 'b', 'c']);
      expect((await store.list({ status: 'pending' })).map((stored) => stored.id)).toEqual([
        'a',
        'c',
      ]);
      expect((await store.list({ channelName: 'email' })).map((stored) => stored.id)).toEqual([
        'c',
      ]);
      expect((await store.list({ limit: 1 })).map((stored) => stored.id)).toEqual(['a']);
    });

    it('rejects updates of an unknown item with UNKNOWN_OUTBOX_ITEM', async () => {
      const store = await createStore();
      await expect(store.markSent('missing', T0)).rejects.toThrow(NotifyError);
      await expect(store.markRetry('missing', T0, 'x')).rejects.toMatchObject({
        code: 'UNKNOWN_OUTBOX_ITEM',
      });
    });

    it('returns copies: changing a returned item does not change the store', async () => {
      const store = await createStore();
      await store.enqueue([item('a')]);
      const [listed] = await store.list();
      if (listed !== undefined) {
        listed.status = 'sent';
        listed.notification.summary = 'changed';
      }
      expect(await store.list()).toMatchObject([
        { status: 'pending', notification: { summary: 'Heap 41.5 MB > 40 MB' } },
      ]);
    });
  });
}
