import { randomUUID } from 'node:crypto';
import type { AlertNotification } from './alert-notification.ts';
import type { NotificationChannel } from './notification-channel.ts';

/** `pending` until the receiver accepted (`sent`) or retrying stopped (`failed`). */
export type OutboxStatus = 'pending' | 'sent' | 'failed';

/**
 * One notification bound for one channel. SQL-friendly: string ids, epoch-ms times, a
 * JSON-serialisable notification.
 */
export interface OutboxItem {
  id: string;
  channelName: string;
  channelType: string;
  /** Copied from the notification; unique together with `channelName`. */
  idempotencyKey: string;
  notification: AlertNotification;
  status: OutboxStatus;
  /** Delivery attempts made so far. */
  attempts: number;
  /** Not claimed before this time. */
  nextAttemptAt: number;
  /** Claimed by a dispatcher until this time; another dispatcher may claim it after. */
  leaseUntil?: number;
  /** Who holds the lease (a dispatcher's `owner`), when the claimer named itself. */
  leaseOwner?: string;
  lastError?: string;
  /** Receiver status (HTTP or SMTP code) of the accepted attempt. */
  responseStatus?: number;
  createdAt: number;
  sentAt?: number;
}

/** What a writer hands to {@link OutboxStore.enqueue}. */
export interface NewOutboxItem {
  id: string;
  channelName: string;
  channelType: string;
  notification: AlertNotification;
  createdAt: number;
  /** @default createdAt */
  nextAttemptAt?: number;
}

/** One row of the attempts log. */
export interface DeliveryAttempt {
  outboxId: string;
  /** 1 for the first attempt. */
  attempt: number;
  channelName: string;
  idempotencyKey: string;
  startedAt: number;
  finishedAt: number;
  ok: boolean;
  retryable?: boolean;
  status?: number;
  reason?: string;
}

/** Filter of {@link OutboxStore.list}; results are oldest first. */
export interface OutboxQuery {
  status?: OutboxStatus;
  channelName?: string;
  limit?: number;
}

/**
 * Durable queue of notifications. Every method is one statement or transaction in SQL terms.
 * The memory implementation is in this package; a SQL one must pass the same contract suite.
 */
export interface OutboxStore {
  /**
   * Adds items; an item whose (channelName, idempotencyKey) is already stored is skipped, so a
   * replayed transition does not notify twice. Resolves to the number inserted.
   */
  enqueue(items: readonly NewOutboxItem[]): Promise<number>;
  /**
   * Atomically leases up to `limit` pending items due at `now` whose lease expired, soonest
   * first, until `now + leaseMs`, recording `owner` as the lease holder. Two callers never get
   * the same item while its lease runs.
   *
   * Head of line per alert and channel: an item is claimed only when no earlier item (by
   * `createdAt`, then enqueue order) of the same `channelName` and notification `fingerprint` is
   * still pending, leased or not. So one alert's notifications reach one channel in the order
   * they were written, and a retrying "firing" holds back the "resolved" behind it.
   */
  claimDue(now: number, limit: number, leaseMs: number, owner?: string): Promise<OutboxItem[]>;
  /**
   * Extends to `leaseUntil` the leases `owner` still holds on the pending items `ids` (the
   * heartbeat of a dispatcher whose sends run long). Resolves to the number renewed; an item
   * another claimer took over after the lease expired is not taken back.
   */
  renewLeases(owner: string, ids: readonly string[], leaseUntil: number): Promise<number>;
  /**
   * Releases every lease `owner` holds on pending items, making them claimable at once: a
   * restarted process calls it with its stable id to take back what its previous life had
   * claimed instead of waiting for the leases to expire. Resolves to the number released.
   */
  releaseLeases(owner: string): Promise<number>;
  /** Appends to the attempts log and increments the item's `attempts`. */
  recordAttempt(attempt: DeliveryAttempt): Promise<void>;
  /** The receiver accepted: status `sent`, lease released. */
  markSent(id: string, at: number, responseStatus?: number): Promise<void>;
  /** Releases the lease and schedules another attempt; only affects pending items. */
  markRetry(id: string, nextAttemptAt: number, reason: string): Promise<void>;
  /** Gives up: status `failed` with the reason; only affects pending items. */
  markFailed(id: string, reason: string): Promise<void>;
  list(query?: OutboxQuery): Promise<OutboxItem[]>;
  /** The attempts log of one item, oldest first. */
  listAttempts(outboxId: string): Promise<DeliveryAttempt[]>;
}

/**
 * One outbox item per channel for a notification, ready for {@link OutboxStore.enqueue}
 * (typically in the same transaction as the alert transition).
 */
export function newOutboxItems(
  notification: AlertNotification,
  channels: Iterable<Pick<NotificationChannel, 'name' | 'type'>>,
  now: number,
  createId: () => string = randomUUID,
): NewOutboxItem[] {
  return [...channels].map((channel) => ({
    id: createId(),
    channelName: channel.name,
    channelType: channel.type,
    notification,
    createdAt: now,
  }));
}
