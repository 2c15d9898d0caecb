import type { Generated } from 'kysely';

/** Kinds of business event the calculator reports. */
export const CALCULATOR_EVENT_TYPES = ['calculation', 'affiliate_click'] as const;
/** A business event kind: a calculation done or an affiliate link clicked. */
export type CalculatorEventType = (typeof CALCULATOR_EVENT_TYPES)[number];

/** Metric kinds a rollup can summarise. */
export const METRIC_KINDS = ['counter', 'gauge', 'distribution'] as const;
/** The kind of metric a rollup row summarises. */
export type MetricKind = (typeof METRIC_KINDS)[number];

/** Rollup bucket widths, finest first (minute rollups are down-sampled to 5 minutes and hours). */
export const RESOLUTIONS = ['1m', '5m', '1h'] as const;
/** The width of a rollup bucket. */
export type Resolution = (typeof RESOLUTIONS)[number];

/** Table `calculator_events`: one row per business event. Times are epoch milliseconds. */
export interface CalculatorEventTable {
  id: Generated<number>;
  type: CalculatorEventType;
  flavor_id: string;
  session_id: string | null;
  /** JSON text, or null when the event had no payload. */
  payload: string | null;
  created_at: number;
}

/**
 * Table `metric_rollups`: one row per instance, series, resolution and bucket. The primary key is
 * (instance_id, series_key, resolution, bucket_start), so every instance writes its own rows and
 * any instance can merge them.
 */
export interface MetricRollupTable {
  instance_id: string;
  series_key: string;
  name: string;
  /** JSON text of the series' tags. */
  tags: string;
  kind: MetricKind;
  resolution: Resolution;
  bucket_start: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Last gauge value in the bucket; null for other kinds. */
  last: number | null;
  /** Opaque serialised quantile sketch; null when the kind has none. */
  sketch: string | null;
}

/** The Kysely table map of the Taurine database, as the migrations leave it. */
export interface Database {
  calculator_events: CalculatorEventTable;
  metric_rollups: MetricRollupTable;
}
