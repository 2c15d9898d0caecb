import type { DeliveryAttempt, OutboxItem, OutboxQuery, OutboxStore } from './outbox-store.ts';
import { NotifyError } from './notify-error.ts';

/**
 * An in-process {@link OutboxStore} for tests and single-instance setups without a database.
 * Notifications are stored as JSON copies, as a SQL store would, and reads return copies.
 */
export function createMemoryOutboxStore(): OutboxStore {
  const items = new Map<string, OutboxItem>();
  /** Enqueue order, the tie-break after `createdAt` (a SQL store's sequence column). */
  const positions = new Map<string, number>();
  const keys = new Set<string>();
  const attempts: DeliveryAttempt[] = [];

  const uniqueKey = (channelName: string, idempotencyKey: string): string =>
    JSON.stringify([channelName, idempotencyKey]);

  const get = (id: string): OutboxItem => {
    const item = items.get(id);
    if (item === undefined) throw new NotifyError('UNKNOWN_OUTBOX_ITEM', `no outbox item "${id}"`);
    return item;
  };

  const earlier = (a: OutboxItem, b: OutboxItem): boolean =>
    a.createdAt < b.createdAt ||
    (a.createdAt === b.createdAt && (positions.get(a.id) ?? 0) < (positions.get(b.id) ?? 0));

  /** The earliest pending item per alert and channel: only these may be claimed. */
  const headsOfLine = (): Set<OutboxItem> => {
    const heads = new Map<string, OutboxItem>();
    for (const item of items.values()) {
      if (item.status !== 'pending') continue;
      const line = JSON.stringify([item.channelName, item.notification.fingerprint]);
      const head = heads.get(line);
      if (head === undefined || earlier(item, head)) heads.set(line, item);
    }
    return new Set(heads.values());
  };

  const release = (item: OutboxItem): void => {
    delete item.leaseUntil;
    delete item.leaseOwner;
  };

  /** Runs a synchronous operation as a promise, so a throw becomes a rejection as in SQL. */
  const settle = <T>(operation: () => T): Promise<T> =>
    new Promise((resolve) => {
      resolve(operation());
    });

  return {
    enqueue: (newItems) =>
      settle(() => {
        let inserted = 0;
        for (const newItem of newItems) {
          const notification = JSON.parse(
            JSON.stringify(newItem.notification),
          ) as OutboxItem['notification'];
          const key = uniqueKey(newItem.channelName, notification.idempotencyKey);
          if (keys.has(key) || items.has(newItem.id)) continue;
          keys.add(key);
          positions.set(newItem.id, positions.size + 1);
          items.set(newItem.id, {
            id: newItem.id,
            channelName: newItem.channelName,
            channelType: newItem.channelType,
            idempotencyKey: notification.idempotencyKey,
            notification,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: newItem.nextAttemptAt ?? newItem.createdAt,
            createdAt: newItem.createdAt,
          });
          inserted += 1;
        }
        return inserted;
      }),

    claimDue: (now, limit, leaseMs, owner) =>
      settle(() => {
        const heads = headsOfLine();
        const due = [...heads]
          .filter(
            (item) =>
              item.nextAttemptAt <= now &&
              (item.leaseUntil === undefined || item.leaseUntil <= now),
          )
          .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt)
          .slice(0, limit);
        for (const item of due) {
          item.leaseUntil = now + leaseMs;
          if (owner === undefined) delete item.leaseOwner;
          else item.leaseOwner = owner;
        }
        return due.map((item) => structuredClone(item));
      }),

    renewLeases: (owner, ids, leaseUntil) =>
      settle(() => {
        let renewed = 0;
        for (const id of ids) {
          const item = items.get(id);
          if (item?.status !== 'pending' || item.leaseOwner !== owner) continue;
          item.leaseUntil = leaseUntil;
          renewed += 1;
        }
        return renewed;
      }),

    releaseLeases: (owner) =>
      settle(() => {
        let released = 0;
        for (const item of items.values()) {
          if (item.status !== 'pending' || item.leaseOwner !== owner) continue;
          release(item);
          released += 1;
        }
        return released;
      }),

    recordAttempt: (attempt) =>
      settle(() => {
        get(attempt.outboxId).attempts += 1;
        attempts.push({ ...attempt });
      }),

    markSent: (id, at, responseStatus) =>
      settle(() => {
        const item = get(id);
        item.status = 'sent';
        item.sentAt = at;
        if (responseStatus !== undefined) item.responseStatus = responseStatus;
        release(item);
      }),

    markRetry: (id, nextAttemptAt, reason) =>
      settle(() => {
        const item = get(id);
        if (item.status !== 'pending') return;
        item.nextAttemptAt = nextAttemptAt;
        item.lastError = reason;
        release(item);
      }),

    markFailed: (id, reason) =>
      settle(() => {
        const item = get(id);
        if (item.status !== 'pending') return;
        item.status = 'failed';
        item.lastError = reason;
        release(item);
      }),

    list: (query: OutboxQuery = {}) =>
      settle(() =>
        [...items.values()]
          .filter((item) => query.status === undefined || item.status === query.status)
          .filter(
            (item) => query.channelName === undefined || item.channelName === query.channelName,
          )
          .sort((a, b) => a.createdAt - b.createdAt)
          .slice(0, query.limit ?? Number.POSITIVE_INFINITY)
          .map((item) => structuredClone(item)),
      ),

    listAttempts: (outboxId) =>
      settle(() =>
        attempts
          .filter((attempt) => attempt.outboxId === outboxId)
          .map((attempt) => ({ ...attempt })),
      ),
  };
}
