import type { Clock } from '../clock.ts';
import { DDSketch } from './dd-sketch.ts';
import type { MetricKind } from './metric-kind.ts';
import type { RollupLog } from './rollup-log.ts';
import { RollupStore } from './rollup-store.ts';
import type { Tags } from './tag-set.ts';
import { FIVE_MINUTES_MS, HOUR_MS, MINUTE_MS } from './windows.ts';

/** Why a sample was rejected. */
export type RejectReason =
  | 'not_a_number'
  | 'not_finite'
  | 'negative'
  | 'decrement'
  | 'invalid_tags'
  | 'kind_mismatch'
  | 'invalid_name'
  | 'unknown_metric'
  | 'too_many_metrics';

/** Every reject reason, in reporting order. */
export const REJECT_REASONS: readonly RejectReason[] = [
  'not_a_number',
  'not_finite',
  'negative',
  'decrement',
  'invalid_tags',
  'kind_mismatch',
  'invalid_name',
  'unknown_metric',
  'too_many_metrics',
];

/**
 * Units whose values cannot be negative: gauges and distributions in these units reject negative
 * samples (a negative duration is a clock bug, not a measurement).
 */
export const NON_NEGATIVE_UNITS: readonly string[] = [
  'ms',
  's',
  'us',
  'ns',
  'bytes',
  'KB',
  'MB',
  'GB',
];

/** Whether samples of a metric must be `>= 0`: counters always, others by unit. */
export function isNonNegative(kind: MetricKind, unit: string): boolean {
  return kind === 'counter' || NON_NEGATIVE_UNITS.includes(unit);
}

/** Records one sample into a series; the pre-resolved fast path. */
export interface MetricHandle {
  /** Records `value`; bad values are counted in `rejectedSamples()`, never thrown. */
  record(value: number): void;
}

/** What a handle needs from its registry. Internal. */
export interface RecordingContext {
  readonly clock: Clock;
  /** End (exclusive) of the live minute; a sample at or after it rolls the registry over first. */
  liveEnd: number;
  advance(now: number): void;
  reject(metric: MetricState | null, reason: RejectReason): void;
}

/** The logs holding a registry's closed rollups, one per resolution. */
export interface RollupLogs {
  readonly minutes: RollupLog;
  readonly fiveMinutes: RollupLog;
  readonly hours: RollupLog;
}

/** One metric: its definition, its series and its cardinality and rejection bookkeeping. */
export class MetricState {
  help: string;
  unit: string;
  nonNegative: boolean;
  /** Series by canonical key (the overflow series is not in here). */
  readonly series = new Map<string, SeriesState>();
  /** Series by the raw tag key of a sample, to skip validation and sorting on the hot path. */
  readonly lookup = new Map<string, SeriesState>();
  defaultSeries: SeriesState | null = null;
  overflow: SeriesState | null = null;
  foldedTagSets = 0;
  readonly rejected = new Map<RejectReason, number>();
  /**
   * When the metric began to exist (epoch ms): its definition or first sample, or its oldest loaded
   * rollup. Charts never show a counter's quiet minutes as 0 before it.
   */
  since: number;

  constructor(
    readonly name: string,
    readonly kind: MetricKind,
    help: string,
    unit: string,
    since: number,
  ) {
    this.since = since;
    this.help = help;
    this.unit = unit;
    this.nonNegative = isNonNegative(kind, unit);
  }
}

/**
 * One series (a metric plus a canonical tag set): the live minute, cumulative totals, and closed
 * rollups at 1 min, 5 min and 1 h. Counters and gauges keep the live minute in plain fields;
 * distributions in a sketch (which holds exact count/sum/min/max itself).
 */
export class SeriesState {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  /** Last value ever recorded (NaN before the first) and when (`lastAt`, epoch ms). */
  last = NaN;
  lastAt = -Infinity;
  /** Count and sum of every closed minute since the registry started (for Prometheus). */
  totalCount = 0;
  totalSum = 0;
  readonly sketch: DDSketch | null;
  readonly minutes: RollupStore;
  readonly fiveMinutes: RollupStore;
  readonly hours: RollupStore;
  /** Start of the hour holding closed minutes whose hourly rollup is not sealed yet. */
  pendingHour = NaN;
  handle: MetricHandle | null = null;

  constructor(
    readonly metric: MetricState,
    readonly key: string,
    readonly tags: Tags,
    readonly isOverflow: boolean,
    logs: RollupLogs,
  ) {
    const withSketch = metric.kind === 'distribution';
    this.sketch = withSketch ? new DDSketch() : null;
    this.minutes = new RollupStore(logs.minutes, MINUTE_MS, withSketch);
    this.fiveMinutes = new RollupStore(logs.fiveMinutes, FIVE_MINUTES_MS, withSketch);
    this.hours = new RollupStore(logs.hours, HOUR_MS, withSketch);
  }

  /** Samples in the live minute. */
  get liveCount(): number {
    return this.sketch === null ? this.count : this.sketch.count;
  }

  get liveSum(): number {
    return this.sketch === null ? this.sum : this.sketch.sum;
  }

  get liveMin(): number {
    return this.sketch === null ? this.min : (this.sketch.min ?? Infinity);
  }

  get liveMax(): number {
    return this.sketch === null ? this.max : (this.sketch.max ?? -Infinity);
  }

  /** Empties the live minute. */
  resetLive(): void {
    const sketch = this.sketch;
    if (sketch !== null) {
      if (sketch.count > 0) {
        sketch.clear();
        sketch.positive.release();
        sketch.negative.release();
      }
      return;
    }
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }
}
