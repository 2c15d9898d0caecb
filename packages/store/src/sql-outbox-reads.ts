import type { Kysely } from 'kysely';
import type { DeliveryAttempt, OutboxItem, OutboxQuery, OutboxStatus } from '@taurine/notify';
import type { AlertingDatabase } from './alerting-tables.ts';
import { toAttempt, toOutboxItem } from './outbox-rows.ts';

/** Filter of `SqlOutboxStore.recent`; results are newest first. */
export interface RecentOutboxQuery {
  status?: OutboxStatus | undefined;
  channelName?: string | undefined;
  /** Only the deliveries of this alert. */
  fingerprint?: string | undefined;
  /** @default 50 */
  limit?: number | undefined;
}

/** `OutboxStore.list`: items matching `query`, oldest first. */
export async function listOutboxItems(
  db: Kysely<AlertingDatabase>,
  query: OutboxQuery,
): Promise<OutboxItem[]> {
  let select = db.selectFrom('notification_outbox').selectAll();
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  if (query.channelName !== undefined) {
    select = select.where('channel_name', '=', query.channelName);
  }
  if (query.limit !== undefined) select = select.limit(Math.max(0, Math.floor(query.limit)));
  const rows = await select.orderBy('created_at').orderBy('id').execute();
  return rows.map(toOutboxItem);
}

/** `SqlOutboxStore.recent`: items matching `query`, newest first (the notification log). */
export async function recentOutboxItems(
  db: Kysely<AlertingDatabase>,
  query: RecentOutboxQuery,
): Promise<OutboxItem[]> {
  let select = db.selectFrom('notification_outbox').selectAll();
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
}

/** `SqlOutboxStore.attemptsOf`: the attempts of several items, oldest first per item. */
export async function attemptsOf(
  db: Kysely<AlertingDatabase>,
  outboxIds: readonly string[],
): Promise<Map<string, DeliveryAttempt[]>> {
  const byItem = new Map<string, DeliveryAttempt[]>(outboxIds.map((id) => [id, []]));
  if (outboxIds.length === 0) return byItem;
  const rows = await db
    .selectFrom('notification_attempts')
    .selectAll()
    .where('outbox_id', 'in', [...outboxIds])
    .orderBy('outbox_id')
    .orderBy('attempt')
    .orderBy('id')
    .execute();
  for (const row of rows) byItem.get(row.outbox_id)?.push(toAttempt(row));
  return byItem;
}
