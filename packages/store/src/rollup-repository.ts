import type { Insertable, Kysely, Selectable } from 'kysely';
import { METRIC_KINDS, RESOLUTIONS } from './database.ts';
import type { Database, MetricKind, MetricRollupTable, Resolution } from './database.ts';
import { StoreError } from './errors.ts';
import { assertEpochMs, assertFinite, toEpochBound } from './validation.ts';

/** One rollup bucket of one series, written by one instance. */
export interface RollupRow {
  /** The server instance that wrote the row; rows of all instances merge into cluster stats. */
  instanceId: string;
  /** Stable identity of the series (name plus sorted tags). */
  seriesKey: string;
  name: string;
  tags: Readonly<Record<string, string>>;
  kind: MetricKind;
  resolution: Resolution;
  /** Start of the bucket, epoch ms. */
  bucketStart: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Last gauge value in the bucket; null for other kinds. */
  last: number | null;
  /** Opaque serialised quantile sketch; null when the kind has none. */
  sketch: string | null;
}

/** Filters of {@link RollupRepository.load}. */
export interface LoadRollupsOptions {
  /** Buckets starting at or after this epoch ms. */
  since: number;
  /** Buckets starting before this epoch ms. @default no upper bound */
  until?: number | undefined;
  /** @default every resolution */
  resolution?: Resolution | undefined;
  /** @default every instance */
  instanceId?: string | undefined;
  /** Metric name. @default every metric */
  name?: string | undefined;
}

/** Persisted metric rollups, one row per instance, series, resolution and bucket. */
export interface RollupRepository {
  /**
   * Writes `rows` in one transaction. A row whose key (instanceId, seriesKey, resolution,
   * bucketStart) exists replaces the stored values. All rows are written or none.
   */
  upsert(rows: readonly RollupRow[]): Promise<void>;
  /** Rows matching `options`, oldest bucket first. */
  load(options: LoadRollupsOptions): Promise<RollupRow[]>;
  /** Deletes rows of `resolution` whose bucket starts before `before`; returns how many. */
  deleteOlderThan(resolution: Resolution, before: number): Promise<number>;
}

/**
 * Rows per INSERT statement: 14 parameters each keeps a statement well below SQLite's 32766 and
 * PostgreSQL's 65535 bound parameters.
 */
export const ROLLUP_UPSERT_BATCH_SIZE = 500;

/** The Kysely implementation of {@link RollupRepository}, for SQLite and PostgreSQL. */
export function createRollupRepository(db: Kysely<Database>): RollupRepository {
  return {
    async upsert(rows) {
      if (rows.length === 0) return;
      const values = rows.map(toTableRow);
      await db.transaction().execute(async (trx) => {
        for (let start = 0; start < values.length; start += ROLLUP_UPSERT_BATCH_SIZE) {
          await trx
            .insertInto('metric_rollups')
            .values(values.slice(start, start + ROLLUP_UPSERT_BATCH_SIZE))
            .onConflict((conflict) =>
              conflict
                .columns(['instance_id', 'series_key', 'resolution', 'bucket_start'])
                .doUpdateSet((eb) => ({
                  name: eb.ref('excluded.name'),
                  tags: eb.ref('excluded.tags'),
                  kind: eb.ref('excluded.kind'),
                  count: eb.ref('excluded.count'),
                  sum: eb.ref('excluded.sum'),
                  min: eb.ref('excluded.min'),
                  max: eb.ref('excluded.max'),
                  last: eb.ref('excluded.last'),
                  sketch: eb.ref('excluded.sketch'),
                })),
            )
            .execute();
        }
      });
    },

    async load(options) {
      let query = db
        .selectFrom('metric_rollups')
        .selectAll()
        .where('bucket_start', '>=', toEpochBound(options.since, 'since'));
      if (options.until !== undefined) {
        query = query.where('bucket_start', '<', toEpochBound(options.until, 'until'));
      }
      if (options.resolution !== undefined) {
        query = query.where('resolution', '=', options.resolution);
      }
      if (options.instanceId !== undefined) {
        query = query.where('instance_id', '=', options.instanceId);
      }
      if (options.name !== undefined) {
        query = query.where('name', '=', options.name);
      }
      const rows = await query
        .orderBy('bucket_start')
        .orderBy('resolution')
        .orderBy('series_key')
        .orderBy('instance_id')
        .execute();
      return rows.map(toRollupRow);
    },

    async deleteOlderThan(resolution, before) {
      const result = await db
        .deleteFrom('metric_rollups')
        .where('resolution', '=', resolution)
        .where('bucket_start', '<', toEpochBound(before, 'before'))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

function toTableRow(row: RollupRow): Insertable<MetricRollupTable> {
  const where = `rollup "${row.seriesKey}" at ${row.bucketStart}`;
  if (!METRIC_KINDS.includes(row.kind)) {
    throw new StoreError('INVALID_ARGUMENT', `Unknown kind "${row.kind}" in ${where}`);
  }
  if (!RESOLUTIONS.includes(row.resolution)) {
    throw new StoreError('INVALID_ARGUMENT', `Unknown resolution "${row.resolution}" in ${where}`);
  }
  assertEpochMs(row.bucketStart, `bucketStart of ${where}`);
  assertFinite(row.count, `count of ${where}`);
  assertFinite(row.sum, `sum of ${where}`);
  assertFinite(row.min, `min of ${where}`);
  assertFinite(row.max, `max of ${where}`);
  if (row.last !== null) assertFinite(row.last, `last of ${where}`);
  return {
    instance_id: row.instanceId,
    series_key: row.seriesKey,
    name: row.name,
    tags: JSON.stringify(row.tags),
    kind: row.kind,
    resolution: row.resolution,
    bucket_start: row.bucketStart,
    count: row.count,
    sum: row.sum,
    min: row.min,
    max: row.max,
    last: row.last,
    sketch: row.sketch,
  };
}

function toRollupRow(row: Selectable<MetricRollupTable>): RollupRow {
  const tags = JSON.parse(row.tags) as Record<string, string>;
  return {
    instanceId: row.instance_id,
    seriesKey: row.series_key,
    name: row.name,
    tags,
    kind: row.kind,
    resolution: row.resolution,
    bucketStart: row.bucket_start,
    count: row.count,
    sum: row.sum,
    min: row.min,
    max: row.max,
    last: row.last,
    sketch: row.sketch,
  };
}
