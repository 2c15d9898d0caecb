import type { Kysely, Migration } from 'kysely';
import { columnTypes } from '../dialect.ts';
import type { SqlDialect } from '../dialect.ts';

/**
 * `008_reports`: stored reports (the typed document as JSON, with its period and scope copied out
 * for listing) and report schedules. A scheduled report is unique per (schedule, due time), so a
 * schedule run replayed after a restart stores nothing twice. `if not exists` everywhere: SQLite
 * runs migrations outside a transaction, so a half-applied run must be able to run again.
 */
export function reportsMigration(dialect: SqlDialect): Migration {
  const types = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('reports')
        .ifNotExists()
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('period_kind', 'text', (column) => column.notNull())
        .addColumn('period_from', types.epochMs, (column) => column.notNull())
        .addColumn('period_to', types.epochMs, (column) => column.notNull())
        .addColumn('time_zone', 'text', (column) => column.notNull())
        .addColumn('scope_kind', 'text', (column) => column.notNull())
        .addColumn('scope_instance', 'text')
        .addColumn('generated_at', types.epochMs, (column) => column.notNull())
        .addColumn('generated_by', 'text', (column) => column.notNull())
        .addColumn('schedule_id', 'text')
        .addColumn('due_at', types.epochMs)
        .addColumn('body', types.json, (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('reports_generated_at_idx')
        .ifNotExists()
        .on('reports')
        .columns(['generated_at', 'id'])
        .execute();
      await db.schema
        .createIndex('reports_schedule_due_idx')
        .ifNotExists()
        .unique()
        .on('reports')
        .columns(['schedule_id', 'due_at'])
        .execute();

      await db.schema
        .createTable('report_schedules')
        .ifNotExists()
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('period_kind', 'text', (column) => column.notNull())
        .addColumn('time_zone', 'text', (column) => column.notNull())
        .addColumn('cron', 'text', (column) => column.notNull())
        .addColumn('scope_kind', 'text', (column) => column.notNull())
        .addColumn('recipients', types.json, (column) => column.notNull())
        .addColumn('formats', types.json, (column) => column.notNull())
        .addColumn('slack', 'integer', (column) => column.notNull())
        .addColumn('enabled', 'integer', (column) => column.notNull())
        .addColumn('last_due_at', types.epochMs)
        .addColumn('created_at', types.epochMs, (column) => column.notNull())
        .addColumn('updated_at', types.epochMs, (column) => column.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('report_schedules').ifExists().execute();
      await db.schema.dropTable('reports').ifExists().execute();
    },
  };
}
