import type { Kysely, Migration } from 'kysely';
import { columnTypes } from '../dialect.ts';
import type { SqlDialect } from '../dialect.ts';

/**
 * `009_automatic_responses`: an admin's settings of each automatic response, and every run (dry or
 * live) with the figures that triggered it. The unique (name, episode, mode) index makes a run
 * single across instances: the second claim of an episode inserts nothing.
 */
export function automaticResponsesMigration(dialect: SqlDialect): Migration {
  const types = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('automatic_response_settings')
        .ifNotExists()
        .addColumn('name', 'text', (column) => column.primaryKey())
        .addColumn('enabled', 'integer', (column) => column.notNull())
        .addColumn('dry_run', 'integer', (column) => column.notNull())
        .addColumn('cooldown_ms', types.epochMs, (column) => column.notNull())
        .addColumn('max_per_hour', 'integer', (column) => column.notNull())
        .addColumn('updated_at', types.epochMs, (column) => column.notNull())
        .addColumn('updated_by', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('automatic_response_runs')
        .ifNotExists()
        .addColumn('id', types.id.type, types.id.define)
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('episode', 'text', (column) => column.notNull())
        .addColumn('mode', 'text', (column) => column.notNull())
        .addColumn('at', types.epochMs, (column) => column.notNull())
        .addColumn('instance_id', 'text', (column) => column.notNull())
        .addColumn('subject', 'text')
        .addColumn('figures', types.json, (column) => column.notNull())
        .addColumn('outcome', 'text', (column) => column.notNull())
        .addColumn('details', types.json)
        .execute();
      await db.schema
        .createIndex('automatic_response_runs_episode_idx')
        .ifNotExists()
        .unique()
        .on('automatic_response_runs')
        .columns(['name', 'episode', 'mode'])
        .execute();
      await db.schema
        .createIndex('automatic_response_runs_name_at_idx')
        .ifNotExists()
        .on('automatic_response_runs')
        .columns(['name', 'at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('automatic_response_runs').ifExists().execute();
      await db.schema.dropTable('automatic_response_settings').ifExists().execute();
    },
  };
}
