import { ByteWriter } from './byte-codec.ts';
import { COMPACT_BUCKETS } from './compact-buckets.ts';
import { DDSketch, DEFAULT_RELATIVE_ACCURACY } from './dd-sketch.ts';
import { isMetricKind } from './metric-kind.ts';
import { isValidMetricName } from './metric-name.ts';
import type { SeriesState } from './metric-state.ts';
import type { RollupRecord } from './rollup-record.ts';
import type { RollupSealer } from './rollup-sealer.ts';
import type { RollupStore } from './rollup-store.ts';
import type { SeriesCatalog } from './series-catalog.ts';
import { parseSerializedSketch } from './sketch-encoding.ts';
import { HOUR_MS, RESOLUTION_MS, floorTo } from './windows.ts';
import type { Resolution } from './windows.ts';

/** What one `load` restored. */
export interface LoadedRollups {
  loaded: number;
  skipped: number;
  /** Start of the oldest bucket loaded (Infinity when none was): the data begins there. */
  earliest: number;
}

/** The encoded buckets of a record's sketch in `bytes[0, end)` (empty for counters and gauges). */
interface SketchBytes {
  bytes: Uint8Array;
  end: number;
}

const NO_SKETCH: SketchBytes = { bytes: new Uint8Array(0), end: 0 };

/**
 * Restores drained rollups into the series of a catalog: checks each record, replaces what is held
 * for its bucket, then rebuilds the coarse rollups the records did not include.
 */
export class RollupLoader {
  /** Decodes each stored sketch once to check it, then encodes it in the in-memory form. */
  private readonly scratch = new DDSketch();
  private readonly writer = new ByteWriter(1024);

  constructor(
    private readonly catalog: SeriesCatalog,
    private readonly sealer: RollupSealer,
  ) {}

  /**
   * Loads `records` at `now`; hours from `liveStart` on are left pending (the current hour resumes
   * sealing), 5-minute blocks are materialised before `fiveMinuteLimit`.
   */
  load(
    records: Iterable<RollupRecord>,
    now: number,
    liveStart: number,
    fiveMinuteLimit: number,
  ): LoadedRollups {
    // Oldest first, so that rollups are appended to their stores rather than inserted.
    const startOf = (record: unknown) =>
      typeof record === 'object' && record !== null
        ? Number((record as { bucketStart?: unknown }).bucketStart)
        : 0;
    const sorted = Array.from(records).sort((a, b) => startOf(a) - startOf(b));
    const touched = new Map<SeriesState, Set<number>>();
    let loaded = 0;
    let earliest = Infinity;
    const seen = new Map<string, SeriesState>(); // by record.seriesKey: canonicalise each once
    for (const record of sorted) {
      if (!this.loadRecord(record, now, touched, seen)) continue;
      loaded++;
      if (record.bucketStart < earliest) earliest = record.bucketStart;
    }
    // Rebuild the coarse rollups the records did not include and resume sealing the current hour.
    for (const [series, hours] of touched) {
      for (const hour of [...hours].sort((a, b) => a - b)) {
        if (hour + HOUR_MS > liveStart) series.pendingHour = hour;
        else if (series.hours.indexOf(hour) < 0) this.sealer.sealHour(series, hour);
      }
      this.sealer.materialiseFiveMinutes(series, fiveMinuteLimit);
    }
    return { loaded, skipped: sorted.length - loaded, earliest };
  }

  /** Restores one record; false when it is skipped. */
  private loadRecord(
    record: RollupRecord,
    now: number,
    touched: Map<SeriesState, Set<number>>,
    seen: Map<string, SeriesState>,
  ): boolean {
    if (!isWellFormed(record)) return false;
    const { name, kind, resolution, bucketStart, count, sum, min, max, last } = record;
    if (this.sealer.isExpired(bucketStart, RESOLUTION_MS[resolution], now)) return false;
    const metric = this.catalog.metricForRecord(name, kind);
    if (metric === null) return false;
    const sketch = kind === 'distribution' ? this.sketchBytes(record) : NO_SKETCH;
    if (sketch === null) return false;
    const cacheKey = typeof record.seriesKey === 'string' ? `${name}\u0000${record.seriesKey}` : '';
    let series = cacheKey === '' ? undefined : seen.get(cacheKey);
    if (series === undefined || series.metric !== metric) {
      const resolved = this.catalog.seriesForRecord(metric, record.tags);
      if (resolved === null) return false;
      series = resolved;
      if (cacheKey !== '') seen.set(cacheKey, series);
    }
    const { bytes, end } = sketch;
    storeOf(series, resolution).write(
      bucketStart,
      count,
      sum,
      min,
      max,
      last,
      bytes,
      0,
      end,
      false,
    );
    if (bucketStart < metric.since) metric.since = bucketStart;
    if (bucketStart > series.lastAt) {
      series.last = last;
      series.lastAt = bucketStart;
    }
    let hours = touched.get(series);
    if (hours === undefined) {
      hours = new Set();
      touched.set(series, hours);
    }
    if (resolution !== '1h') hours.add(floorTo(bucketStart, HOUR_MS));
    return true;
  }

  /** The encoded buckets of a distribution record's sketch, null when it is not a valid one. */
  private sketchBytes(record: RollupRecord): SketchBytes | null {
    if (typeof record.sketch !== 'string') return null;
    try {
      const parts = parseSerializedSketch(record.sketch);
      if (parts.relativeAccuracy !== DEFAULT_RELATIVE_ACCURACY) return null;
      this.scratch.clear();
      this.scratch.addEncodedBuckets(parts.bytes, parts.bucketsBegin, parts.bytes.length);
      this.writer.reset();
      this.scratch.encodeBuckets(this.writer, COMPACT_BUCKETS);
      return { bytes: this.writer.bytes, end: this.writer.length };
    } catch {
      return null;
    }
  }
}

/** Whether a record has a valid name, kind, resolution, aligned bucket and summary. */
function isWellFormed(record: RollupRecord): boolean {
  if (typeof (record as unknown) !== 'object' || (record as unknown) === null) return false;
  const { name, kind, resolution, bucketStart, count, sum, min, max, last } = record;
  if (!isValidMetricName(name) || !isMetricKind(kind)) return false;
  if (typeof resolution !== 'string' || !Object.hasOwn(RESOLUTION_MS, resolution)) return false;
  const resolutionMs = RESOLUTION_MS[resolution];
  if (!Number.isSafeInteger(bucketStart) || bucketStart % resolutionMs !== 0) return false;
  const finite = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  if (!finite(count) || !(count > 0) || !finite(sum) || !finite(min) || !finite(max)) return false;
  return min <= max && finite(last);
}

function storeOf(series: SeriesState, resolution: Resolution): RollupStore {
  return resolution === '1m'
    ? series.minutes
    : resolution === '5m'
      ? series.fiveMinutes
      : series.hours;
}
