import type { Kysely, Migration } from 'kysely';
import { columnTypes } from '../dialect.ts';
import type { SqlDialect } from '../dialect.ts';

/**
 * `002_metric_rollups`: per-instance metric rollups at 1m, 5m and 1h resolution. Each instance
 * writes its own rows (the key starts with `instance_id`); any instance merges them when reading.
 */
export function metricRollupsMigration(dialect: SqlDialect): Migration {
  const types = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('metric_rollups')
        .ifNotExists()
        .addColumn('instance_id', 'text', (column) => column.notNull())
        .addColumn('series_key', 'text', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('tags', types.json, (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('resolution', 'text', (column) => column.notNull())
        .addColumn('bucket_start', types.epochMs, (column) => column.notNull())
        .addColumn('count', types.double, (column) => column.notNull())
        .addColumn('sum', types.double, (column) => column.notNull())
        .addColumn('min', types.double, (column) => column.notNull())
        .addColumn('max', types.double, (column) => column.notNull())
        .addColumn('last', types.double)
        .addColumn('sketch', 'text')
        .addPrimaryKeyConstraint('metric_rollups_pk', [
          'instance_id',
          'series_key',
          'resolution',
          'bucket_start',
        ])
        .execute();
      await db.schema
        .createIndex('metric_rollups_name_resolution_bucket_start_idx')
        .ifNotExists()
        .on('metric_rollups')
        .columns(['name', 'resolution', 'bucket_start'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('metric_rollups').ifExists().execute();
    },
  };
}
