import type { MetricKind } from './metric-kind.ts';
import type { Tags } from './tag-set.ts';
import type { Resolution } from './windows.ts';

/**
 * One closed rollup, as handed to persistence by `drainClosedRollups()` and back by
 * `loadRollups()`. `sketch` is a `DDSketch.serialize()` string for distributions (mergeable across
 * instances), null for counters and gauges. A store should upsert by
 * `(seriesKey, resolution, bucketStart)`.
 */
export interface RollupRecord {
  seriesKey: string;
  name: string;
  tags: Tags;
  kind: MetricKind;
  resolution: Resolution;
  /** Bucket start, epoch ms, a multiple of the resolution. */
  bucketStart: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  last: number;
  sketch: string | null;
}

/** Outcome of `loadRollups()`. */
export interface LoadRollupsResult {
  /** Records restored (each replaces what the registry held for its series, resolution, bucket). */
  loaded: number;
  /** Records ignored: malformed, past retention, of a conflicting kind, or over the series limit. */
  skipped: number;
}
