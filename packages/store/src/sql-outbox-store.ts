import type { ExpressionBuilder, Insertable, Kysely, Selectable } from 'kysely';
import { NotifyError } from '@taurine/notify';
import type {
  DeliveryAttempt,
  NewOutboxItem,
  OutboxItem,
  OutboxStatus,
  OutboxStore,
} from '@taurine/notify';
import { alertingDb } from './alerting-tables.ts';
import type { AlertingDatabase, NotificationOutboxTable } from './alerting-tables.ts';
import type { Database } from './database.ts';
import type { SqlDialect } from './dialect.ts';
import { toAttempt, toAttemptRow, toOutboxItem, toOutboxRow } from './outbox-rows.ts';
import { assertEpochMs } from './validation.ts';

/** The sub-select's scope in `claimDue`: the outbox as `item`. */
type OutboxFrom = AlertingDatabase & { item: NotificationOutboxTable };

/**
 * Rows per INSERT statement: 15 parameters each keeps a statement far below SQLite's 32766 and
 * PostgreSQL's 65535 bound parameters.
 */
export const OUTBOX_INSERT_BATCH_SIZE = 500;

/** Filter of {@link SqlOutboxStore.recent}; results are newest first. */
export interface RecentOutboxQuery {
  status?: OutboxStatus | undefined;
  channelName?: string | undefined;
  /** Only the deliveries of this alert. */
  fingerprint?: string | undefined;
  /** @default 50 */
  limit?: number | undefined;
}

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

  async function update(
    id: string,
    values: Partial<Selectable<NotificationOutboxTable>>,
    pendingOnly: boolean,
  ): Promise<void> {
    let query = adb.updateTable('notification_outbox').set(values).where('id', '=', id);
    if (pendingOnly) query = query.where('status', '=', 'pending');
    const result = await query.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) await assertExists(adb, id);
  }

  const attemptsOf = async (outboxIds: readonly string[]) => {
    const byItem = new Map<string, DeliveryAttempt[]>(outboxIds.map((id) => [id, []]));
    if (outboxIds.length === 0) return byItem;
    const rows = await adb
      .selectFrom('notification_attempts')
      .selectAll()
      .where('outbox_id', 'in', [...outboxIds])
      .orderBy('outbox_id')
      .orderBy('attempt')
      .orderBy('id')
      .execute();
    for (const row of rows) byItem.get(row.outbox_id)?.push(toAttempt(row));
    return byItem;
  };

  return {
    enqueue: (items) => insertOutboxItems(adb, items),

    async claimDue(now, limit, leaseMs, owner) {
      assertEpochMs(now, 'now');
      const leaseUntil = now + Math.ceil(leaseMs);
      assertEpochMs(leaseUntil, 'now + leaseMs');
      if (limit <= 0) return [];
      const rows = await adb
        .updateTable('notification_outbox')
        .set({ lease_until: leaseUntil, lease_owner: owner ?? null })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('notification_outbox as item')
            .select('item.id')
            .where('item.status', '=', 'pending')
            .where('item.next_attempt_at', '<=', now)
            .where((w) =>
              w.or([w('item.lease_until', 'is', null), w('item.lease_until', '<=', now)]),
            )
            .where((w) => w.not(w.exists(earlierPendingOfLine(w))))
            .orderBy('item.next_attempt_at')
            .orderBy('item.created_at')
            .orderBy('item.seq')
            .limit(Math.floor(limit))
            .$if(dialect === 'postgres', (select) => select.forUpdate().skipLocked()),
        )
        .returningAll()
        .execute();
      // RETURNING does not keep the sub-select's order.
      return rows
        .sort(
          (a, b) =>
            a.next_attempt_at - b.next_attempt_at ||
            a.created_at - b.created_at ||
            (a.seq ?? 0) - (b.seq ?? 0),
        )
        .map(toOutboxItem);
    },

    async renewLeases(owner, ids, leaseUntil) {
      const until = Math.ceil(leaseUntil);
      assertEpochMs(until, 'leaseUntil');
      if (ids.length === 0) return 0;
      const result = await adb
        .updateTable('notification_outbox')
        .set({ lease_until: until })
        .where('id', 'in', [...ids])
        .where('lease_owner', '=', owner)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async releaseLeases(owner) {
      const result = await adb
        .updateTable('notification_outbox')
        .set({ lease_until: null, lease_owner: null })
        .where('lease_owner', '=', owner)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async recordAttempt(attempt) {
      await adb.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('notification_outbox')
          .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
          .where('id', '=', attempt.outboxId)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw unknownItem(attempt.outboxId);
        await trx.insertInto('notification_attempts').values(toAttemptRow(attempt)).execute();
      });
    },

    markSent: (id, at, responseStatus) => {
      assertEpochMs(at, 'at');
      return update(
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
      return update(
        id,
        { next_attempt_at: next, last_error: reason, lease_until: null, lease_owner: null },
        true,
      );
    },

    markFailed: (id, reason) =>
      update(
        id,
        { status: 'failed', last_error: reason, lease_until: null, lease_owner: null },
        true,
      ),

    async list(query = {}) {
      let select = adb.selectFrom('notification_outbox').selectAll();
      if (query.status !== undefined) select = select.where('status', '=', query.status);
      if (query.channelName !== undefined) {
        select = select.where('channel_name', '=', query.channelName);
      }
      if (query.limit !== undefined) select = select.limit(Math.max(0, Math.floor(query.limit)));
      const rows = await select.orderBy('created_at').orderBy('id').execute();
      return rows.map(toOutboxItem);
    },

    async listAttempts(outboxId) {
      return (await attemptsOf([outboxId])).get(outboxId) ?? [];
    },

    async recent(query = {}) {
      let select = adb.selectFrom('notification_outbox').selectAll();
      if (query.status !== undefined) select = select.where('status', '=', query.status);
      if (query.channelName !== undefined) {
        select = select.where('channel_name', '=', query.channelName);
      }
      if (query.fingerprint !== undefined) {
        select = select.where('fingerprint', '=', query.fingerprint);
      }
      const rows = await select
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.max(0, Math.floor(query.limit ?? 50)))
        .execute();
      return rows.map(toOutboxItem);
    },

    attemptsOf,

    async recordSettled({ item, attempt }) {
      const row = toOutboxRow(item);
      const settled: Insertable<NotificationOutboxTable> = {
        ...row,
        status: attempt.ok ? 'sent' : 'failed',
        attempts: 1,
        last_error: attempt.ok ? null : (attempt.reason ?? null),
        response_status: attempt.ok ? (attempt.status ?? null) : null,
        sent_at: attempt.ok ? attempt.finishedAt : null,
      };
      await adb.transaction().execute(async (trx) => {
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
      const stored = await adb
        .selectFrom('notification_outbox')
        .selectAll()
        .where('id', '=', item.id)
        .executeTakeFirstOrThrow();
      return toOutboxItem(stored);
    },
  };
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

/**
 * The head-of-line test of `claimDue`: an earlier item (by `created_at`, then enqueue order) of
 * the same channel and alert that is still pending, whether leased, retrying or due.
 */
function earlierPendingOfLine(eb: ExpressionBuilder<OutboxFrom, 'item'>) {
  return eb
    .selectFrom('notification_outbox as earlier')
    .select('earlier.id')
    .whereRef('earlier.channel_name', '=', 'item.channel_name')
    .whereRef('earlier.fingerprint', '=', 'item.fingerprint')
    .where('earlier.status', '=', 'pending')
    .where((w) =>
      w.or([
        w('earlier.created_at', '<', w.ref('item.created_at')),
        w.and([
          w('earlier.created_at', '=', w.ref('item.created_at')),
          w('earlier.seq', '<', w.ref('item.seq')),
        ]),
      ]),
    );
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
