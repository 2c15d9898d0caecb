import { ByteWriter } from './byte-codec.ts';
import { COMPACT_BUCKETS } from './compact-buckets.ts';
import { DDSketch, DEFAULT_RELATIVE_ACCURACY } from './dd-sketch.ts';
import { serializeSketchParts } from './sketch-encoding.ts';
import type { SeriesState } from './metric-state.ts';
import type { RollupRecord } from './rollup-record.ts';
import type { RollupStore } from './rollup-store.ts';
import type { Resolution } from './windows.ts';

// Closed rollups hold their buckets in the compact in-memory form; records carry the serialised
// form, so each drained sketch is decoded once into this scratch sketch and encoded again.
const scratch = new DDSketch();
const writer = new ByteWriter(1024);

/** The `DDSketch.serialize()` string of a rollup's summary and compact buckets. */
function serializeRollupSketch(
  count: number,
  sum: number,
  min: number,
  max: number,
  bytes: Uint8Array,
  begin: number,
  end: number,
): string {
  scratch.clear();
  scratch.addEncodedBuckets(bytes, begin, end, COMPACT_BUCKETS);
  writer.reset();
  scratch.encodeBuckets(writer);
  return serializeSketchParts(
    DEFAULT_RELATIVE_ACCURACY,
    count,
    sum,
    min,
    max,
    writer.bytes,
    0,
    writer.length,
  );
}

/** Appends the dirty rollups of every resolution of `series` to `records`, clearing their flags. */
export function drainSeriesRollups(series: SeriesState, records: RollupRecord[]): void {
  drainStore(series, series.minutes, '1m', records);
  drainStore(series, series.fiveMinutes, '5m', records);
  drainStore(series, series.hours, '1h', records);
}

function drainStore(
  series: SeriesState,
  store: RollupStore,
  resolution: Resolution,
  records: RollupRecord[],
): void {
  if (store.dirtyCount === 0) return;
  const { metric } = series;
  store.takeDirty((bucketStart, entry) => {
    const { count, sum, min, max, last } = entry;
    records.push({
      seriesKey: series.key,
      name: metric.name,
      tags: series.tags,
      kind: metric.kind,
      resolution,
      bucketStart,
      count,
      sum,
      min,
      max,
      last,
      sketch: store.withSketch
        ? serializeRollupSketch(
            count,
            sum,
            min,
            max,
            entry.bytes,
            entry.sketchBegin,
            entry.sketchEnd,
          )
        : null,
    });
  });
}
