import type { Kysely, Migration } from 'kysely';
import { columnTypes } from '../dialect.ts';
import type { SqlDialect } from '../dialect.ts';

/**
 * `011_dashboards`: dashboards users build, stored as whole JSON documents, and every saved
 * version of each. `version` on `dashboards` is the optimistic-concurrency counter an update must
 * name. `if not exists` everywhere because SQLite runs migrations outside a transaction.
 */
export function dashboardsMigration(dialect: SqlDialect): Migration {
  const types = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('dashboards')
        .ifNotExists()
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('document', types.json, (column) => column.notNull())
        .addColumn('visibility', 'text', (column) => column.notNull())
        .addColumn('role', 'text')
        .addColumn('owner_key_id', 'integer')
        .addColumn('owner_name', 'text', (column) => column.notNull())
        .addColumn('built_in', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('created_at', types.epochMs, (column) => column.notNull())
        .addColumn('updated_at', types.epochMs, (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('dashboard_versions')
        .ifNotExists()
        .addColumn('dashboard_id', 'text', (column) =>
          column.notNull().references('dashboards.id').onDelete('cascade'),
        )
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('document', types.json, (column) => column.notNull())
        .addColumn('saved_at', types.epochMs, (column) => column.notNull())
        .addColumn('saved_by', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('dashboard_versions_pk', ['dashboard_id', 'version'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('dashboard_versions').ifExists().execute();
      await db.schema.dropTable('dashboards').ifExists().execute();
    },
  };
}
