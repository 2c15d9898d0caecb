import type { AlertNotification, NewOutboxItem } from '@taurine/notify';
import { describeOutboxStoreContract } from '@taurine/notify/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertingDb } from './alerting-tables.ts';
import type { Store } from './open-store.ts';
import { storeHarnesses, useMigratedStore } from './testing/store-harness.ts';
import type { StoreHarness } from './testing/store-harness.ts';

const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);

function notification(key: string, fingerprint = `fp-${key}`): AlertNotification {
  return {
    idempotencyKey: key,
    kind: 'firing',
    fingerprint,
    alertName: 'API p95 response time above 2 s',
    severity: 'error',
    metric: 'api.responseTime',
    value: 2450,
    threshold: 2000,
    status: 'firing',
    startsAt: T0,
    at: T0,
    summary: 'api.responseTime p95 over 5m = 2450 (> 2000)',
  };
}

function item(id: string, overrides: Partial<NewOutboxItem> = {}): NewOutboxItem {
  return {
    id,
    channelName: 'env-webhook',
    channelType: 'webhook',
    notification: notification(`key-${id}`),
    createdAt: T0,
    ...overrides,
  };
}

const clearOutbox = async (store: Store): Promise<void> => {
  await alertingDb(store.db).deleteFrom('notification_attempts').execute();
  await alertingDb(store.db).deleteFrom('notification_outbox').execute();
};

describe.each(storeHarnesses)('SQL outbox store on $dialect', ({ dialect, create }) => {
  let harness: StoreHarness;
  let store: Store;
  useMigratedStore(
    create,
    (opened) => {
      ({ store, harness } = opened);
    },
    { per: 'describe' },
  );

  describeOutboxStoreContract(`SQL (${dialect})`, async () => {
    await clearOutbox(store);
    return store.outbox;
  });

  describe('beyond the contract', () => {
    beforeEach(async () => {
      await clearOutbox(store);
    });

    it('lets two stores on separate connections claim concurrently without sharing an item', async () => {
      const other = await harness.open();
      await store.outbox.enqueue(Array.from({ length: 40 }, (_, index) => item(`i${index}`)));

      const batches = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          (index % 2 === 0 ? store : other).outbox.claimDue(T0, 6, 60_000),
        ),
      );
      const ids = batches.flat().map((claimed) => claimed.id);
      expect(ids).toHaveLength(40);
      expect(new Set(ids).size).toBe(40);
    });

    it('keeps each alert in order when two stores on separate connections claim at once', async () => {
      const other = await harness.open();
      const lines = 8;
      const kinds = ['firing', 'acknowledged', 'resolved'] as const;
      await store.outbox.enqueue(
        kinds.flatMap((kind, step) =>
          Array.from({ length: lines }, (_, line) =>
            item(`${line}-${step}`, {
              createdAt: T0 + step,
              notification: { ...notification(`key-${line}-${kind}`, `fp-${line}`), kind },
            }),
          ),
        ),
      );

      const sent: string[] = [];
      for (let round = 0; round < kinds.length + 2; round += 1) {
        const batches = await Promise.all(
          [store, other, store, other].map((claimer, index) =>
            claimer.outbox.claimDue(T0 + 10, 3, 60_000, `claimer-${index}`),
          ),
        );
        const claimed = batches.flat().map((claimedItem) => claimedItem.id);
        // At most one item per alert at a time, and only once everything before it was sent.
        expect(new Set(claimed.map((id) => id.split('-')[0])).size).toBe(claimed.length);
        for (const id of claimed) {
          const [line, step] = id.split('-').map(Number);
          for (let before = 0; before < step!; before += 1) {
            expect(sent).toContain(`${line}-${before}`);
          }
        }
        for (const id of claimed) await store.outbox.markSent(id, T0 + 20);
        sent.push(...claimed);
      }
      expect(sent).toHaveLength(lines * kinds.length);
    });

    it('lists the log newest first, by status, channel and alert, with attempts', async () => {
      await store.outbox.enqueue([
        item('old', { createdAt: T0 }),
        item('mid', {
          createdAt: T0 + 1,
          channelName: 'env-slack',
          channelType: 'slack',
          notification: notification('key-mid', 'fp-shared'),
        }),
        item('new', { createdAt: T0 + 2, notification: notification('key-new', 'fp-shared') }),
      ]);
      await store.outbox.recordAttempt({
        outboxId: 'mid',
        attempt: 1,
        channelName: 'env-slack',
        idempotencyKey: 'key-mid',
        startedAt: T0 + 10,
        finishedAt: T0 + 20,
        ok: false,
        retryable: false,
        status: 400,
        reason: 'Slack webhook at hooks.slack.com answered 400',
      });
      await store.outbox.markFailed('mid', 'answered 400');

      const ids = async (query: Parameters<Store['outbox']['recent']>[0]) =>
        (await store.outbox.recent(query)).map((entry) => entry.id);
      expect(await ids({})).toEqual(['new', 'mid', 'old']);
      expect(await ids({ limit: 2 })).toEqual(['new', 'mid']);
      expect(await ids({ status: 'failed' })).toEqual(['mid']);
      expect(await ids({ channelName: 'env-webhook' })).toEqual(['new', 'old']);
      expect(await ids({ fingerprint: 'fp-shared' })).toEqual(['new', 'mid']);

      const attempts = await store.outbox.attemptsOf(['mid', 'old']);
      expect(attempts.get('old')).toEqual([]);
      expect(attempts.get('mid')).toMatchObject([{ attempt: 1, ok: false, status: 400 }]);
    });

    it('records a delivery made outside the queue as settled, never claimable', async () => {
      const stored = await store.outbox.recordSettled({
        item: item('test-1', { notification: { ...notification('test-key'), kind: 'test' } }),
        attempt: { startedAt: T0, finishedAt: T0 + 40, ok: true, status: 200 },
      });
      expect(stored).toMatchObject({
        id: 'test-1',
        status: 'sent',
        attempts: 1,
        sentAt: T0 + 40,
        responseStatus: 200,
      });
      const failed = await store.outbox.recordSettled({
        item: item('test-2', { notification: notification('test-key-2') }),
        attempt: {
          startedAt: T0,
          finishedAt: T0 + 5,
          ok: false,
          retryable: true,
          reason: 'Webhook at 127.0.0.1:9 is unreachable',
        },
      });
      expect(failed).toMatchObject({
        status: 'failed',
        lastError: expect.stringMatching(/unreach/) as string,
      });
      expect(await store.outbox.claimDue(T0 + 60_000, 10, 1000)).toEqual([]);
      expect(await store.outbox.listAttempts('test-2')).toMatchObject([
        { attempt: 1, ok: false, retryable: true, channelName: 'env-webhook' },
      ]);
    });
  });
});

describe('SQL outbox store across processes sharing one SQLite file', () => {
  let harness: StoreHarness;
  afterEach(async () => {
    await harness.cleanup();
  });

  it('keeps leases across store instances (a restarted dispatcher waits for the lease)', async () => {
    harness = await storeHarnesses[0]!.create();
    const first = await harness.open();
    await first.migrate();
    await first.outbox.enqueue([item('a')]);
    expect(await first.outbox.claimDue(T0, 10, 60_000)).toHaveLength(1);
    await first.close();

    const second = await harness.open();
    expect(await second.outbox.claimDue(T0 + 1000, 10, 60_000)).toEqual([]);
    expect(await second.outbox.claimDue(T0 + 60_000, 10, 60_000)).toMatchObject([{ id: 'a' }]);
  });

  it('lets a restarted instance take back the leases it held, but not another instance’s', async () => {
    harness = await storeHarnesses[0]!.create();
    const first = await harness.open();
    await first.migrate();
    await first.outbox.enqueue([item('mine'), item('theirs')]);
    await first.outbox.claimDue(T0, 1, 300_000, 'web-1');
    await first.outbox.claimDue(T0, 1, 300_000, 'web-2');
    await first.close();

    const restarted = await harness.open();
    expect(await restarted.outbox.releaseLeases('web-1')).toBe(1);
    expect(await restarted.outbox.claimDue(T0 + 1000, 10, 30_000, 'web-1')).toMatchObject([
      { id: 'mine', leaseOwner: 'web-1', leaseUntil: T0 + 31_000 },
    ]);
  });
});
