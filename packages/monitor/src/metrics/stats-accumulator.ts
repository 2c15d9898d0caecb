import { DDSketch } from './dd-sketch.ts';
import type { MetricKind } from './metric-kind.ts';
import { QUANTILE_STATS } from './metric-stats.ts';
import type { MetricStats, StatName } from './metric-stats.ts';

const QUANTILES = [
  QUANTILE_STATS.p50,
  QUANTILE_STATS.p75,
  QUANTILE_STATS.p90,
  QUANTILE_STATS.p95,
  QUANTILE_STATS.p99,
];

/**
 * Merges rollups (and live minutes) into one window: exact count/sum/min/max, the last value of the
 * latest bucket, and for distributions a sketch of every bucket. Reused between queries. Internal.
 */
export class StatsAccumulator {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  last = NaN;
  lastAt = -Infinity;
  /** The merged sketch, or null when the query needs no quantile. */
  sketch: DDSketch | null = null;
  private readonly scratch = new DDSketch();
  private readonly quantiles: (number | null)[] = [];

  reset(withSketch: boolean): void {
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
    this.last = NaN;
    this.lastAt = -Infinity;
    if (withSketch) {
      this.scratch.clear();
      this.sketch = this.scratch;
    } else {
      this.sketch = null;
    }
  }

  /** Adds a bucket's summary; its sketch buckets, if any, are added by the caller. */
  addSummary(count: number, sum: number, min: number, max: number, last: number, at: number): void {
    if (count === 0) return;
    this.count += count;
    this.sum += sum;
    if (min < this.min) this.min = min;
    if (max > this.max) this.max = max;
    if (at >= this.lastAt) {
      this.last = last;
      this.lastAt = at;
    }
    this.sketch?.addSummary(count, sum, min, max);
  }

  /** The statistics, given the metric kind and the seconds the window covers (for `rate`). */
  toStats(kind: MetricKind, seconds: number): MetricStats {
    const stats: MetricStats = {
      count: this.count,
      sum: null,
      avg: null,
      min: null,
      max: null,
      p50: null,
      p75: null,
      p90: null,
      p95: null,
      p99: null,
      rate: null,
      last: null,
    };
    if (this.count === 0) return stats;
    stats.sum = this.sum;
    stats.avg = this.sum / this.count;
    stats.min = this.min;
    stats.max = this.max;
    stats.last = this.last;
    stats.rate = this.rate(kind, seconds);
    if (kind === 'distribution' && this.sketch) {
      const [p50, p75, p90, p95, p99] = this.sketch.quantilesInto(QUANTILES, this.quantiles);
      stats.p50 = p50 ?? null;
      stats.p75 = p75 ?? null;
      stats.p90 = p90 ?? null;
      stats.p95 = p95 ?? null;
      stats.p99 = p99 ?? null;
    }
    return stats;
  }

  /** One statistic; cheaper than {@link StatsAccumulator.toStats} for chart points. */
  stat(stat: StatName, kind: MetricKind, seconds: number): number | null {
    if (stat === 'count') return this.count;
    if (this.count === 0) return null;
    switch (stat) {
      case 'sum':
        return this.sum;
      case 'avg':
        return this.sum / this.count;
      case 'min':
        return this.min;
      case 'max':
        return this.max;
      case 'last':
        return this.last;
      case 'rate':
        return this.rate(kind, seconds);
      default:
        return kind === 'distribution' && this.sketch
          ? this.sketch.quantile(QUANTILE_STATS[stat])
          : null;
    }
  }

  private rate(kind: MetricKind, seconds: number): number | null {
    if (kind === 'gauge' || !(seconds > 0)) return null;
    return (kind === 'counter' ? this.sum : this.count) / seconds;
  }
}
