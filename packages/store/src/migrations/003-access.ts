import type { Kysely, Migration } from 'kysely';
import { columnTypes } from '../dialect.ts';
import type { SqlDialect } from '../dialect.ts';

/**
 * `003_access`: API keys (stored as a SHA-256 hash, found by their public prefix) and the audit
 * log of state-changing operations. `if not exists` everywhere because SQLite runs migrations
 * outside a transaction, so a half-applied run must be able to run again.
 */
export function accessMigration(dialect: SqlDialect): Migration {
  const types = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('api_keys')
        .ifNotExists()
        .addColumn('id', types.id.type, types.id.define)
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('role', 'text', (column) => column.notNull())
        .addColumn('prefix', 'text', (column) => column.notNull().unique())
        .addColumn('hash', 'text', (column) => column.notNull())
        .addColumn('rate_limit_policy', 'text')
        .addColumn('created_at', types.epochMs, (column) => column.notNull())
        .addColumn('created_by', 'text', (column) => column.notNull())
        .addColumn('expires_at', types.epochMs)
        .addColumn('revoked_at', types.epochMs)
        .addColumn('last_used_at', types.epochMs)
        .execute();
      await db.schema
        .createIndex('api_keys_role_idx')
        .ifNotExists()
        .on('api_keys')
        .column('role')
        .execute();

      await db.schema
        .createTable('audit_log')
        .ifNotExists()
        .addColumn('id', types.id.type, types.id.define)
        .addColumn('at', types.epochMs, (column) => column.notNull())
        .addColumn('actor_name', 'text', (column) => column.notNull())
        .addColumn('actor_role', 'text', (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('arguments', types.json, (column) => column.notNull())
        .addColumn('result', 'text', (column) => column.notNull())
        .addColumn('details', types.json)
        .execute();
      await db.schema
        .createIndex('audit_log_action_id_idx')
        .ifNotExists()
        .on('audit_log')
        .columns(['action', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('audit_log').ifExists().execute();
      await db.schema.dropTable('api_keys').ifExists().execute();
    },
  };
}
