import { DDSketch } from '../metrics/dd-sketch.ts';
import type { RollupRecord } from '../metrics/rollup-record.ts';

/**
 * How a gauge's buckets from several instances reduce to one cluster bucket: counts and sums add
 * (so `avg` is the mean over every instance's samples), `min`/`max` are the extremes, and `last`
 * is the largest of the instances' last values (heap, RSS, connections per instance: the worst
 * instance). Per-instance values stay available by narrowing a query to one instance.
 */
export const GAUGE_CLUSTER_REDUCTION = 'max' as const;

const bucketKey = (record: RollupRecord): string =>
  `${record.resolution}\u0000${record.bucketStart}\u0000${record.seriesKey}`;

/** Adds `next` into `into`: counters and distributions sum, gauges reduce per {@link GAUGE_CLUSTER_REDUCTION}. */
function mergeInto(into: RollupRecord, next: RollupRecord, sketches: Map<RollupRecord, DDSketch>) {
  into.count += next.count;
  into.sum += next.sum;
  into.min = Math.min(into.min, next.min);
  into.max = Math.max(into.max, next.max);
  into.last = Math.max(into.last, next.last);
  if (into.kind !== 'distribution' || next.sketch === null) return;
  let sketch = sketches.get(into);
  if (sketch === undefined) {
    sketch = into.sketch === null ? new DDSketch() : DDSketch.deserialize(into.sketch);
    sketches.set(into, sketch);
  }
  sketch.merge(DDSketch.deserialize(next.sketch));
}

/**
 * Merges rollups written by several instances into one rollup per series, resolution and bucket:
 * the cluster's view. Distribution sketches are merged bucket by bucket, so a merged quantile keeps
 * the sketch's relative accuracy (1 %). Records of one instance pass through unchanged. A record
 * whose kind conflicts with the first one seen for its series is left out. Pure; input untouched.
 */
export function mergeInstanceRollups(records: Iterable<RollupRecord>): RollupRecord[] {
  const merged = new Map<string, RollupRecord>();
  const sketches = new Map<RollupRecord, DDSketch>();
  for (const record of records) {
    const key = bucketKey(record);
    const held = merged.get(key);
    if (held === undefined) {
      // A copy: the merge below writes into it, and the input stays untouched.
      merged.set(key, { ...record });
    } else if (held.kind === record.kind) {
      mergeInto(held, record, sketches);
    }
  }
  for (const [record, sketch] of sketches) record.sketch = sketch.serialize();
  return [...merged.values()];
}
