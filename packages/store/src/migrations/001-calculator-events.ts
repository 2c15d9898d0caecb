import type { Kysely, Migration } from 'kysely';
import { columnTypes } from '../dialect.ts';
import type { SqlDialect } from '../dialect.ts';

/**
 * `001_calculator_events`: business events from the calculator. `if not exists` everywhere because
 * SQLite runs migrations outside a transaction, so a half-applied run must be able to run again.
 */
export function calculatorEventsMigration(dialect: SqlDialect): Migration {
  const types = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('calculator_events')
        .ifNotExists()
        .addColumn('id', types.id.type, types.id.define)
        .addColumn('type', 'text', (column) => column.notNull())
        .addColumn('flavor_id', 'text', (column) => column.notNull())
        .addColumn('session_id', 'text')
        .addColumn('payload', types.json)
        .addColumn('created_at', types.epochMs, (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('calculator_events_type_created_at_idx')
        .ifNotExists()
        .on('calculator_events')
        .columns(['type', 'created_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('calculator_events').ifExists().execute();
    },
  };
}
