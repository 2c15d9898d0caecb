import type { Kysely, Migration } from 'kysely';
import { columnTypes } from '../dialect.ts';
import type { SqlDialect } from '../dialect.ts';

/**
 * `010_load_test_runs`: results of `npm run loadtest` stored through `recordLoadTestRun`. The
 * phases, thresholds, breaking point and figures are one JSON document (`details`), written and
 * read whole; the columns are what lists filter and sort on.
 */
export function loadTestRunsMigration(dialect: SqlDialect): Migration {
  const types = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('load_test_runs')
        .ifNotExists()
        .addColumn('id', types.id.type, types.id.define)
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('mode', 'text', (column) => column.notNull())
        .addColumn('verdict', 'text', (column) => column.notNull())
        .addColumn('target_url', 'text', (column) => column.notNull())
        .addColumn('started_at', types.epochMs, (column) => column.notNull())
        .addColumn('ended_at', types.epochMs, (column) => column.notNull())
        .addColumn('recorded_at', types.epochMs, (column) => column.notNull())
        .addColumn('recorded_by', 'text', (column) => column.notNull())
        .addColumn('details', types.json, (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('load_test_runs_started_at_idx')
        .ifNotExists()
        .on('load_test_runs')
        .columns(['started_at', 'id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('load_test_runs').ifExists().execute();
    },
  };
}
