import type { Insertable, Kysely, Selectable } from 'kysely';
import { NotifyError } from '@taurine/notify';
import type { DeliveryAttempt, NewOutboxItem, OutboxItem, OutboxStore } from '@taurine/notify';
import { alertingDb } from './alerting-tables.ts';
import type { AlertingDatabase, NotificationOutboxTable } from './alerting-tables.ts';
import type { Database } from './database.ts';
import type { SqlDialect } from './dialect.ts';
import { toAttemptRow, toOutboxItem, toOutboxRow } from './outbox-rows.ts';
import { claimDueItems, releaseLeases, renewLeases } from './sql-outbox-leases.ts';
import { attemptsOf, listOutboxItems, recentOutboxItems } from './sql-outbox-reads.ts';
import type { RecentOutboxQuery } from './sql-outbox-reads.ts';
import { assertEpochMs } from './validation.ts';

/**
 * Rows per INSERT statement: 15 parameters each keeps a statement far below SQLite's 32766 and
 * PostgreSQL's 65535 bound parameters.
 */
export const OUTBOX_INSERT_BATCH_SIZE = 500;

export type { RecentOutboxQuery } from './sql-outbox-reads.ts';

/** A delivery made outside the queue (a test notification): stored already settled. */
export interface SettledDelivery {
  item: NewOutboxItem;
  attempt: Omit<DeliveryAttempt, 'outboxId' | 'attempt' | 'channelName' | 'idempotencyKey'>;
}

/** The SQL {@link OutboxStore}, plus the reads the notification log needs. */
export interface SqlOutboxStore extends OutboxStore {
  /** Items matching `query`, newest first (the notification log). */
  recent(query?: RecentOutboxQuery): Promise<OutboxItem[]>;
  /** The attempts of several items at once, oldest first per item. */
  attemptsOf(outboxIds: readonly string[]): Promise<Map<string, DeliveryAttempt[]>>;
  /**
   * Stores a delivery that was already made (e.g. "send test notification"): the item as `sent`
   * or `failed` and its single attempt, in one transaction. The dispatcher never sees it.
   */
  recordSettled(delivery: SettledDelivery): Promise<OutboxItem>;
}

/**
 * Creates the SQL outbox store on SQLite or PostgreSQL.
 *
 * `claimDue` is one `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING *` statement. On
 * PostgreSQL the sub-select takes `FOR UPDATE SKIP LOCKED`, so concurrent dispatchers (other
 * instances) skip each other's rows instead of waiting or double-claiming; the lease condition is
 * re-checked on the locked row, so a row leased by a claimer that committed first is never taken
 * again. SQLite has a single writer, so the statement is atomic as it stands. A `NOT EXISTS`
 * keeps each alert's line to a channel in order: only its earliest pending item is claimable.
 * A concurrent claimer that has not yet seen a head's `sent` commit sees the head as pending and
 * holds back (never the reverse), so the order survives several dispatchers.
 */
export function createSqlOutboxStore(db: Kysely<Database>, dialect: SqlDialect): SqlOutboxStore {
  const adb = alertingDb(db);
  return {
    enqueue: (items) => insertOutboxItems(adb, items),
    claimDue: (now, limit, leaseMs, owner) =>
      claimDueItems(adb, dialect, now, limit, leaseMs, owner),
    renewLeases: (owner, ids, leaseUntil) => renewLeases(adb, owner, ids, leaseUntil),
    releaseLeases: (owner) => releaseLeases(adb, owner),
    recordAttempt: (attempt) => recordAttempt(adb, attempt),
    markSent: (id, at, responseStatus) => {
      assertEpochMs(at, 'at');
      return updateItem(
        adb,
        id,
        {
          status: 'sent',
          sent_at: at,
          lease_until: null,
          lease_owner: null,
          ...(responseStatus === undefined ? {} : { response_status: responseStatus }),
        },
        false,
      );
    },
    markRetry: (id, nextAttemptAt, reason) => {
      const next = Math.ceil(nextAttemptAt);
      assertEpochMs(next, 'nextAttemptAt');
      return updateItem(
        adb,
        id,
        { next_attempt_at: next, last_error: reason, lease_until: null, lease_owner: null },
        true,
      );
    },
    markFailed: (id, reason) =>
      updateItem(
        adb,
        id,
        { status: 'failed', last_error: reason, lease_until: null, lease_owner: null },
        true,
      ),
    list: (query = {}) => listOutboxItems(adb, query),
    listAttempts: async (outboxId) => (await attemptsOf(adb, [outboxId])).get(outboxId) ?? [],
    recent: (query = {}) => recentOutboxItems(adb, query),
    attemptsOf: (outboxIds) => attemptsOf(adb, outboxIds),
    recordSettled: (delivery) => recordSettled(adb, delivery),
  };
}

/**
 * Sets `values` on item `id` (only while pending when `pendingOnly`); rejects with
 * `UNKNOWN_OUTBOX_ITEM` when there is no such item.
 */
async function updateItem(
  db: Kysely<AlertingDatabase>,
  id: string,
  values: Partial<Selectable<NotificationOutboxTable>>,
  pendingOnly: boolean,
): Promise<void> {
  let query = db.updateTable('notification_outbox').set(values).where('id', '=', id);
  if (pendingOnly) query = query.where('status', '=', 'pending');
  const result = await query.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) await assertExists(db, id);
}

/** `OutboxStore.recordAttempt`: the item's count and the attempts log in one transaction. */
async function recordAttempt(
  db: Kysely<AlertingDatabase>,
  attempt: DeliveryAttempt,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('notification_outbox')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', attempt.outboxId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw unknownItem(attempt.outboxId);
    await trx.insertInto('notification_attempts').values(toAttemptRow(attempt)).execute();
  });
}

/** `SqlOutboxStore.recordSettled`: the settled item and its single attempt, in one transaction. */
async function recordSettled(
  db: Kysely<AlertingDatabase>,
  { item, attempt }: SettledDelivery,
): Promise<OutboxItem> {
  const settled: Insertable<NotificationOutboxTable> = {
    ...toOutboxRow(item),
    status: attempt.ok ? 'sent' : 'failed',
    attempts: 1,
    last_error: attempt.ok ? null : (attempt.reason ?? null),
    response_status: attempt.ok ? (attempt.status ?? null) : null,
    sent_at: attempt.ok ? attempt.finishedAt : null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('notification_outbox').values(settled).execute();
    await trx
      .insertInto('notification_attempts')
      .values(
        toAttemptRow({
          ...attempt,
          outboxId: item.id,
          attempt: 1,
          channelName: item.channelName,
          idempotencyKey: item.notification.idempotencyKey,
        }),
      )
      .execute();
  });
  const stored = await db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('id', '=', item.id)
    .executeTakeFirstOrThrow();
  return toOutboxItem(stored);
}

/**
 * Inserts outbox items, skipping any whose (channel, idempotency key) or id is already stored;
 * resolves to the number inserted. Takes a transaction so alert transitions and their
 * notifications commit together.
 */
export async function insertOutboxItems(
  db: Kysely<AlertingDatabase>,
  items: readonly NewOutboxItem[],
): Promise<number> {
  if (items.length === 0) return 0;
  const rows = items.map(toOutboxRow);
  let inserted = 0;
  for (let start = 0; start < rows.length; start += OUTBOX_INSERT_BATCH_SIZE) {
    const result = await db
      .insertInto('notification_outbox')
      .values(rows.slice(start, start + OUTBOX_INSERT_BATCH_SIZE))
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

const unknownItem = (id: string): NotifyError =>
  new NotifyError('UNKNOWN_OUTBOX_ITEM', `no outbox item "${id}"`);

async function assertExists(db: Kysely<AlertingDatabase>, id: string): Promise<void> {
  const row = await db
    .selectFrom('notification_outbox')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw unknownItem(id);
}
