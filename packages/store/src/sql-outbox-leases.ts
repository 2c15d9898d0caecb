import type { ExpressionBuilder, Kysely } from 'kysely';
import type { OutboxItem } from '@taurine/notify';
import type { AlertingDatabase, NotificationOutboxTable } from './alerting-tables.ts';
import type { SqlDialect } from './dialect.ts';
import { toOutboxItem } from './outbox-rows.ts';
import { assertEpochMs } from './validation.ts';

/** The sub-select's scope in `claimDue`: the outbox as `item`. */
type OutboxFrom = AlertingDatabase & { item: NotificationOutboxTable };

/**
 * `OutboxStore.claimDue`: one `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING *` statement,
 * the sub-select taking `FOR UPDATE SKIP LOCKED` on PostgreSQL (see `createSqlOutboxStore`).
 */
export async function claimDueItems(
  db: Kysely<AlertingDatabase>,
  dialect: SqlDialect,
  now: number,
  limit: number,
  leaseMs: number,
  owner: string | undefined,
): Promise<OutboxItem[]> {
  assertEpochMs(now, 'now');
  const leaseUntil = now + Math.ceil(leaseMs);
  assertEpochMs(leaseUntil, 'now + leaseMs');
  if (limit <= 0) return [];
  const rows = await db
    .updateTable('notification_outbox')
    .set({ lease_until: leaseUntil, lease_owner: owner ?? null })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('notification_outbox as item')
        .select('item.id')
        .where('item.status', '=', 'pending')
        .where('item.next_attempt_at', '<=', now)
        .where((w) => w.or([w('item.lease_until', 'is', null), w('item.lease_until', '<=', now)]))
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

/** `OutboxStore.renewLeases`: extends the leases `owner` still holds on pending `ids`. */
export async function renewLeases(
  db: Kysely<AlertingDatabase>,
  owner: string,
  ids: readonly string[],
  leaseUntil: number,
): Promise<number> {
  const until = Math.ceil(leaseUntil);
  assertEpochMs(until, 'leaseUntil');
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('notification_outbox')
    .set({ lease_until: until })
    .where('id', 'in', [...ids])
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** `OutboxStore.releaseLeases`: frees every lease `owner` holds on pending items. */
export async function releaseLeases(db: Kysely<AlertingDatabase>, owner: string): Promise<number> {
  const result = await db
    .updateTable('notification_outbox')
    .set({ lease_until: null, lease_owner: null })
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
