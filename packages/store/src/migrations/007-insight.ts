import type { Kysely, Migration } from 'kysely';
import { columnTypes } from '../dialect.ts';
import type { SqlDialect } from '../dialect.ts';

/**
 * `007_insight`: deployments (a version that started serving, from `SERVICE_VERSION` or the
 * `recordDeployment` mutation) and performance budgets (each a JSON `Budget` of
 * `@taurine/monitor`, edited by admins). `if not exists` everywhere: SQLite runs migrations
 * outside a transaction, so a half-applied run must be able to run again.
 */
export function insightMigration(dialect: SqlDialect): Migration {
  const types = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('insight_deployments')
        .ifNotExists()
        .addColumn('id', types.id.type, types.id.define)
        .addColumn('version', 'text', (column) => column.notNull())
        .addColumn('deployed_at', types.epochMs, (column) => column.notNull())
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('recorded_by', 'text', (column) => column.notNull())
        .addColumn('description', 'text')
        .execute();
      await db.schema
        .createIndex('insight_deployments_deployed_at_idx')
        .ifNotExists()
        .on('insight_deployments')
        .column('deployed_at')
        .execute();
      await db.schema
        .createTable('insight_budgets')
        .ifNotExists()
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('budget', types.json, (column) => column.notNull())
        .addColumn('updated_at', types.epochMs, (column) => column.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('insight_budgets').ifExists().execute();
      await db.schema.dropTable('insight_deployments').ifExists().execute();
    },
  };
}
