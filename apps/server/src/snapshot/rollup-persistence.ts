import type { MetricsRegistry, RollupRecord } from '@taurine/monitor';
import type { RollupRow, Store } from '@taurine/store';

/** Retention of persisted rollups per resolution (minutes 6 h, 5-minute 7 d, hourly 90 d). */
export const ROLLUP_RETENTION_MS = {
  '1m': 6 * 3_600_000,
  '5m': 7 * 86_400_000,
  '1h': 90 * 86_400_000,
} as const;

/** Most drained rollups kept for a retry while the database is unreachable. */
const MAX_PENDING_ROLLUPS = 200_000;

const toRow = (instanceId: string, record: RollupRecord): RollupRow => ({
  instanceId,
  seriesKey: record.seriesKey,
  name: record.name,
  tags: record.tags,
  kind: record.kind,
  resolution: record.resolution,
  bucketStart: record.bucketStart,
  count: record.count,
  sum: record.sum,
  min: record.min,
  max: record.max,
  last: record.kind === 'gauge' ? record.last : null,
  sketch: record.sketch,
});

/** A stored row as the registry loads it (its instance dropped). */
export const toRecord = (row: RollupRow): RollupRecord => ({
  seriesKey: row.seriesKey,
  name: row.name,
  tags: row.tags,
  kind: row.kind,
  resolution: row.resolution,
  bucketStart: row.bucketStart,
  count: row.count,
  sum: row.sum,
  min: row.min,
  max: row.max,
  last: row.last ?? 0,
  sketch: row.sketch,
});

export interface RollupPersistenceOptions {
  registry: MetricsRegistry;
  store: Store;
  /** Owner of the rows written, and whose rows are loaded back. */
  instanceId: string;
  now: () => number;
}

/**
 * The registry's rollups in the database: closed buckets are written every tick, old ones deleted
 * past retention, and this instance's history loaded back at start, so it survives a restart.
 */
export function createRollupPersistence(options: RollupPersistenceOptions) {
  const { registry, store, instanceId, now } = options;
  let pending: RollupRow[] = [];

  /** Writes drained rollups; keeps them for the next tick if the database refuses. */
  async function flush(): Promise<void> {
    pending.push(...registry.drainClosedRollups().map((record) => toRow(instanceId, record)));
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    try {
      await store.rollups.upsert(rows);
    } catch (error) {
      pending = rows.slice(-MAX_PENDING_ROLLUPS);
      throw error;
    }
  }

  /** Deletes persisted rollups past retention. */
  async function enforceRetention(): Promise<void> {
    const at = now();
    for (const [resolution, keepMs] of Object.entries(ROLLUP_RETENTION_MS)) {
      await store.rollups.deleteOlderThan(
        resolution as keyof typeof ROLLUP_RETENTION_MS,
        at - keepMs,
      );
    }
  }

  /** Loads this instance's persisted rollups into the registry. */
  async function restore() {
    const rows = await store.rollups.load({ since: now() - ROLLUP_RETENTION_MS['1h'], instanceId });
    return registry.loadRollups(rows.map(toRecord));
  }

  return { flush, enforceRetention, restore };
}
