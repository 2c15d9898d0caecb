import type { Insertable, Selectable } from 'kysely';
import type {
  AlertNotification,
  DeliveryAttempt,
  NewOutboxItem,
  OutboxItem,
  OutboxStatus,
} from '@taurine/notify';
import { fromFlag, toFlag } from './alerting-tables.ts';
import type { NotificationAttemptTable, NotificationOutboxTable } from './alerting-tables.ts';
import { assertEpochMs } from './validation.ts';

/** Conversions between the outbox tables' rows and `@taurine/notify`'s types. */

export function toOutboxRow(item: NewOutboxItem): Insertable<NotificationOutboxTable> {
  assertEpochMs(item.createdAt, `createdAt of outbox item "${item.id}"`);
  const nextAttemptAt = item.nextAttemptAt ?? item.createdAt;
  assertEpochMs(nextAttemptAt, `nextAttemptAt of outbox item "${item.id}"`);
  return {
    id: item.id,
    channel_name: item.channelName,
    channel_type: item.channelType,
    idempotency_key: item.notification.idempotencyKey,
    fingerprint: item.notification.fingerprint,
    notification: JSON.stringify(item.notification),
    status: 'pending',
    attempts: 0,
    next_attempt_at: nextAttemptAt,
    lease_until: null,
    lease_owner: null,
    last_error: null,
    response_status: null,
    created_at: item.createdAt,
    sent_at: null,
  };
}

export function toOutboxItem(row: Selectable<NotificationOutboxTable>): OutboxItem {
  return {
    id: row.id,
    channelName: row.channel_name,
    channelType: row.channel_type,
    idempotencyKey: row.idempotency_key,
    notification: JSON.parse(row.notification) as AlertNotification,
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    ...(row.lease_until === null ? {} : { leaseUntil: row.lease_until }),
    ...(row.lease_owner === null ? {} : { leaseOwner: row.lease_owner }),
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
    ...(row.response_status === null ? {} : { responseStatus: row.response_status }),
    createdAt: row.created_at,
    ...(row.sent_at === null ? {} : { sentAt: row.sent_at }),
  };
}

export function toAttemptRow(attempt: DeliveryAttempt): Insertable<NotificationAttemptTable> {
  return {
    outbox_id: attempt.outboxId,
    attempt: attempt.attempt,
    channel_name: attempt.channelName,
    idempotency_key: attempt.idempotencyKey,
    started_at: Math.round(attempt.startedAt),
    finished_at: Math.round(attempt.finishedAt),
    ok: toFlag(attempt.ok),
    retryable: attempt.retryable === undefined ? null : toFlag(attempt.retryable),
    status: attempt.status ?? null,
    reason: attempt.reason ?? null,
  };
}

export function toAttempt(row: Selectable<NotificationAttemptTable>): DeliveryAttempt {
  return {
    outboxId: row.outbox_id,
    attempt: row.attempt,
    channelName: row.channel_name,
    idempotencyKey: row.idempotency_key,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    ok: fromFlag(row.ok),
    ...(row.retryable === null ? {} : { retryable: fromFlag(row.retryable) }),
    ...(row.status === null ? {} : { status: row.status }),
    ...(row.reason === null ? {} : { reason: row.reason }),
  };
}
