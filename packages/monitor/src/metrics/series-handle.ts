import type { DDSketch } from './dd-sketch.ts';
import type {
  MetricHandle,
  MetricState,
  RecordingContext,
  RejectReason,
  SeriesState,
} from './metric-state.ts';

/** Why `value` is not a recordable sample (given that it failed the fast checks). */
function rejectReason(value: unknown, nonNegative: boolean, isCounter: boolean): RejectReason {
  if (typeof value !== 'number' || Number.isNaN(value)) return 'not_a_number';
  if (!Number.isFinite(value)) return 'not_finite';
  if (nonNegative && value < 0) return isCounter ? 'decrement' : 'negative';
  return 'not_a_number';
}

/**
 * Pre-resolved recording into one distribution series. The hot path: validate, read the clock,
 * add to the live sketch (`Math.log`, `Math.ceil`, one typed-array add).
 */
export class DistributionHandle implements MetricHandle {
  private readonly sketch: DDSketch;

  constructor(
    private readonly context: RecordingContext,
    private readonly series: SeriesState,
  ) {
    this.sketch = series.sketch!;
  }

  record(value: number): void {
    const series = this.series;
    if (
      typeof value !== 'number' ||
      value - value !== 0 ||
      (value < 0 && series.metric.nonNegative)
    ) {
      this.context.reject(series.metric, rejectReason(value, series.metric.nonNegative, false));
      return;
    }
    const context = this.context;
    const now = context.clock.now();
    if (now >= context.liveEnd) context.advance(now);
    this.sketch.add(value);
    series.last = value;
    series.lastAt = now;
  }
}

/** Pre-resolved recording into one counter (increments `>= 0`) or gauge series. */
export class ScalarHandle implements MetricHandle {
  constructor(
    private readonly context: RecordingContext,
    private readonly series: SeriesState,
  ) {}

  record(value: number): void {
    const series = this.series;
    if (
      typeof value !== 'number' ||
      value - value !== 0 ||
      (value < 0 && series.metric.nonNegative)
    ) {
      const metric = series.metric;
      this.context.reject(
        metric,
        rejectReason(value, metric.nonNegative, metric.kind === 'counter'),
      );
      return;
    }
    const context = this.context;
    const now = context.clock.now();
    if (now >= context.liveEnd) context.advance(now);
    series.count++;
    series.sum += value;
    if (value < series.min) series.min = value;
    if (value > series.max) series.max = value;
    series.last = value;
    series.lastAt = now;
  }
}

/** A handle that could not be resolved: every sample is counted as rejected for `reason`. */
export class RejectingHandle implements MetricHandle {
  constructor(
    private readonly context: RecordingContext,
    private readonly metric: MetricState | null,
    private readonly reason: RejectReason,
  ) {}

  record(_value: number): void {
    this.context.reject(this.metric, this.reason);
  }
}
