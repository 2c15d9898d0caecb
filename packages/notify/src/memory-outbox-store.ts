import type {
  DeliveryAttempt,
  NewOutboxItem,
  OutboxItem,
  OutboxQuery,
  OutboxStore,
} from './outbox-store.ts';
import { NotifyError } from './notify-error.ts';

/** The state behind a memory outbox store. */
interface MemoryOutbox {
  items: Map<string, OutboxItem>;
  /** Enqueue order, the tie-break after `createdAt` (a SQL store's sequence column). */
  positions: Map<string, number>;
  /** The (channel, idempotency key) pairs already enqueued. */
  keys: Set<string>;
  attempts: DeliveryAttempt[];
}

/**
 * An in-process {@link OutboxStore} for tests and single-instance setups without a database.
 * Notifications are stored as JSON copies, as a SQL store would, and reads return copies.
 */
export function createMemoryOutboxStore(): OutboxStore {
  const outbox: MemoryOutbox = {
    items: new Map(),
    positions: new Map(),
    keys: new Set(),
    attempts: [],
  };
  return {
    enqueue: (newItems) => settle(() => enqueue(outbox, newItems)),
    claimDue: (now, limit, leaseMs, owner) =>
      settle(() => claimDue(outbox, now, limit, leaseMs, owner)),
    renewLeases: (owner, ids, leaseUntil) =>
      settle(() => renewLeases(outbox, owner, ids, leaseUntil)),
    releaseLeases: (owner) => settle(() => releaseLeases(outbox, owner)),
    recordAttempt: (attempt) =>
      settle(() => {
        get(outbox, attempt.outboxId).attempts += 1;
        outbox.attempts.push({ ...attempt });
      }),
    markSent: (id, at, responseStatus) =>
      settle(() => {
        const item = get(outbox, id);
        item.status = 'sent';
        item.sentAt = at;
        if (responseStatus !== undefined) item.responseStatus = responseStatus;
        release(item);
      }),
    markRetry: (id, nextAttemptAt, reason) =>
      settle(() => {
        const item = get(outbox, id);
        if (item.status !== 'pending') return;
        item.nextAttemptAt = nextAttemptAt;
        item.lastError = reason;
        release(item);
      }),
    markFailed: (id, reason) =>
      settle(() => {
        const item = get(outbox, id);
        if (item.status !== 'pending') return;
        item.status = 'failed';
        item.lastError = reason;
        release(item);
      }),
    list: (query: OutboxQuery = {}) => settle(() => list(outbox, query)),
    listAttempts: (outboxId) =>
      settle(() =>
        outbox.attempts
          .filter((attempt) => attempt.outboxId === outboxId)
          .map((attempt) => ({ ...attempt })),
      ),
  };
}

/** Runs a synchronous operation as a promise, so a throw becomes a rejection as in SQL. */
function settle<T>(operation: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(operation());
  });
}

function uniqueKey(channelName: string, idempotencyKey: string): string {
  return JSON.stringify([channelName, idempotencyKey]);
}

function get(outbox: MemoryOutbox, id: string): OutboxItem {
  const item = outbox.items.get(id);
  if (item === undefined) throw new NotifyError('UNKNOWN_OUTBOX_ITEM', `no outbox item "${id}"`);
  return item;
}

function release(item: OutboxItem): void {
  delete item.leaseUntil;
  delete item.leaseOwner;
}

/** Stores the items whose (channel, idempotency key) and id are new; returns how many. */
function enqueue(outbox: MemoryOutbox, newItems: readonly NewOutboxItem[]): number {
  let inserted = 0;
  for (const newItem of newItems) {
    const notification = JSON.parse(
      JSON.stringify(newItem.notification),
    ) as OutboxItem['notification'];
    const key = uniqueKey(newItem.channelName, notification.idempotencyKey);
    if (outbox.keys.has(key) || outbox.items.has(newItem.id)) continue;
    outbox.keys.add(key);
    outbox.positions.set(newItem.id, outbox.positions.size + 1);
    outbox.items.set(newItem.id, {
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
}

/** Leases the due heads of line, earliest attempt first, and returns copies of them. */
function claimDue(
  outbox: MemoryOutbox,
  now: number,
  limit: number,
  leaseMs: number,
  owner: string | undefined,
): OutboxItem[] {
  const due = [...headsOfLine(outbox)]
    .filter(
      (item) =>
        item.nextAttemptAt <= now && (item.leaseUntil === undefined || item.leaseUntil <= now),
    )
    .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt)
    .slice(0, limit);
  for (const item of due) {
    item.leaseUntil = now + leaseMs;
    if (owner === undefined) delete item.leaseOwner;
    else item.leaseOwner = owner;
  }
  return due.map((item) => structuredClone(item));
}

/** The earliest pending item per alert and channel: only these may be claimed. */
function headsOfLine(outbox: MemoryOutbox): Set<OutboxItem> {
  const earlier = (a: OutboxItem, b: OutboxItem): boolean =>
    a.createdAt < b.createdAt ||
    (a.createdAt === b.createdAt &&
      (outbox.positions.get(a.id) ?? 0) < (outbox.positions.get(b.id) ?? 0));
  const heads = new Map<string, OutboxItem>();
  for (const item of outbox.items.values()) {
    if (item.status !== 'pending') continue;
    const line = JSON.stringify([item.channelName, item.notification.fingerprint]);
    const head = heads.get(line);
    if (head === undefined || earlier(item, head)) heads.set(line, item);
  }
  return new Set(heads.values());
}

function renewLeases(
  outbox: MemoryOutbox,
  owner: string,
  ids: readonly string[],
  leaseUntil: number,
): number {
  let renewed = 0;
  for (const id of ids) {
    const item = outbox.items.get(id);
    if (item?.status !== 'pending' || item.leaseOwner !== owner) continue;
    item.leaseUntil = leaseUntil;
    renewed += 1;
  }
  return renewed;
}

function releaseLeases(outbox: MemoryOutbox, owner: string): number {
  let released = 0;
  for (const item of outbox.items.values()) {
    if (item.status !== 'pending' || item.leaseOwner !== owner) continue;
    release(item);
    released += 1;
  }
  return released;
}

function list(outbox: MemoryOutbox, query: OutboxQuery): OutboxItem[] {
  return [...outbox.items.values()]
    .filter((item) => query.status === undefined || item.status === query.status)
    .filter((item) => query.channelName === undefined || item.channelName === query.channelName)
    .sort((a, b) => a.createdAt - b.createdAt)
    .slice(0, query.limit ?? Number.POSITIVE_INFINITY)
    .map((item) => structuredClone(item));
}
