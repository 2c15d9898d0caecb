import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../dialect.ts';

const TABLE = 'notification_outbox';

/**
 * `005_outbox_order_and_leases`: who holds an outbox lease (`lease_owner`, so a restarted
 * instance takes its own leases back at once) and the enqueue order (`seq`, the tie-break after
 * `created_at` when one alert's notifications to one channel are delivered head of line), with an
 * index for that head-of-line lookup.
 *
 * `seq` is an identity column on PostgreSQL; SQLite cannot add an auto-increment column to an
 * existing table, so there it is filled from the rowid by a trigger (existing rows included).
 * Columns are added only when missing: SQLite runs migrations outside a transaction and has no
 * `add column if not exists`, so a half-applied run must be able to run again.
 */
export function outboxOrderAndLeasesMigration(dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const tables = await db.introspection.getTables();
      const columns = new Set(
        tables.find((table) => table.name === TABLE)?.columns.map((column) => column.name) ?? [],
      );
      if (!columns.has('lease_owner')) {
        await db.schema.alterTable(TABLE).addColumn('lease_owner', 'text').execute();
      }
      if (!columns.has('seq')) {
        await db.schema
          .alterTable(TABLE)
          .addColumn('seq', 'bigint', (column) =>
            dialect === 'postgres' ? column.generatedByDefaultAsIdentity() : column,
          )
          .execute();
      }
      if (dialect === 'sqlite') {
        await sql`update notification_outbox set seq = rowid where seq is null`.execute(db);
        await sql`
          create trigger if not exists notification_outbox_seq
          after insert on notification_outbox for each row when new.seq is null
          begin
            update notification_outbox set seq = new.rowid where rowid = new.rowid;
          end
        `.execute(db);
      }
      await db.schema
        .createIndex('notification_outbox_line_idx')
        .ifNotExists()
        .on(TABLE)
        .columns(['channel_name', 'fingerprint', 'status', 'created_at'])
        .execute();
      await db.schema
        .createIndex('notification_outbox_lease_owner_idx')
        .ifNotExists()
        .on(TABLE)
        .columns(['lease_owner'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('notification_outbox_lease_owner_idx').ifExists().execute();
      await db.schema.dropIndex('notification_outbox_line_idx').ifExists().execute();
      if (dialect === 'sqlite')
        await sql`drop trigger if exists notification_outbox_seq`.execute(db);
      await db.schema.alterTable(TABLE).dropColumn('seq').execute();
      await db.schema.alterTable(TABLE).dropColumn('lease_owner').execute();
    },
  };
}
