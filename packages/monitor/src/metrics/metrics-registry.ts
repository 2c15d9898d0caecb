import type { Clock } from '../clock.ts';
import type { MetricKind } from './metric-kind.ts';
import type { MetricHandle, RecordingContext, RejectReason, RollupLogs } from './metric-state.ts';
import type { MetricState } from './metric-state.ts';
import { isValidMetricName } from './metric-name.ts';
import type { MetricStats, StatName } from './metric-stats.ts';
import { MonitorError } from './monitor-error.ts';
import { alignRange, coverPlan } from './range-cover.ts';
import { heatmapOf } from './heatmap.ts';
import type { Heatmap } from './heatmap.ts';
import type { CoverPlan } from './range-cover.ts';
import { resolveRegistryOptions } from './registry-options.ts';
import type { MetricsRegistryOptions, ResolvedRegistryOptions } from './registry-options.ts';
import { countRejectedSamples, listMetrics, listSeries } from './registry-listing.ts';
import type { MetricInfo, RejectedSamples, SeriesInfo } from './registry-listing.ts';
import { drainSeriesRollups } from './rollup-drain.ts';
import { RollupLoader } from './rollup-loader.ts';
import { RollupLog } from './rollup-log.ts';
import type { LoadRollupsResult, RollupRecord } from './rollup-record.ts';
import { RollupSealer } from './rollup-sealer.ts';
import { SeriesCatalog } from './series-catalog.ts';
import type { MetricDefinition } from './series-catalog.ts';
import { SeriesQueries, checkSeriesQuery } from './series-queries.ts';
import type { CollectedMetric, SeriesPoint, SeriesStats } from './series-queries.ts';
import type { Tags } from './tag-set.ts';
import { FIVE_MINUTES_MS, MINUTE_MS, ceilTo, floorTo, resolveWindow } from './windows.ts';
import type { TimeRange, Window } from './windows.ts';

/**
 * Metrics of one process: counters, gauges and distributions in per-minute buckets, rolled up to
 * 1 min / 5 min / 1 h, queried by window. Recording never throws; bad samples are counted.
 */
export interface MetricsRegistry {
  /** Tags merged into every series (explicit tags of a sample win). */
  readonly standardTags: Tags;
  /**
   * Defines (or re-describes) a metric. Throws `INVALID_METRIC` for a bad name, a bad unit or help,
   * a kind that conflicts with an earlier definition, or past `maxMetrics`.
   */
  define(name: string, kind: MetricKind, definition?: MetricDefinition): void;
  /** Records a sample of a defined metric. */
  record(name: string, value: number, tags?: Tags): void;
  /** Adds `value` (>= 0) to a counter, defining it on first use. */
  counter(name: string, value: number, tags?: Tags): void;
  /** Sets a gauge, defining it on first use. */
  gauge(name: string, value: number, tags?: Tags): void;
  /** Records a distribution sample, defining it on first use. */
  distribution(name: string, value: number, tags?: Tags): void;
  /**
   * Resolves a series once; `handle.record(v)` is then a few typed-array operations. A handle that
   * cannot be resolved (bad name or tags, kind conflict) counts every sample as rejected.
   */
  handle(name: string, kind: MetricKind, tags?: Tags): MetricHandle;
  /**
   * Closes finished minutes into rollups, seals complete 5-minute blocks and hours, and drops what
   * is past retention. Also happens on its own when a sample or query sees a new minute.
   */
  rollover(now: number): void;
  /**
   * Statistics of every series of `name` whose tags contain `tags`, over `window` (default `5m`);
   * an explicit range is widened to whole rollup buckets (see `alignRange`). Throws
   * `INVALID_QUERY` for a malformed window. Unknown names give "no data".
   */
  stats(name: string, tags?: Tags, window?: Window): MetricStats;
  /** Like `stats`, but one entry per matching series (e.g. one alert per endpoint). */
  seriesStats(name: string, tags?: Tags, window?: Window): SeriesStats[];
  /**
   * One statistic per `stepMs` (a whole number of minutes) over `range`, for charts. Points start
   * on whole steps from `range.from` rounded down (see `alignRange`) and each covers `[t, t + step)`.
   */
  series(
    name: string,
    tags: Tags | undefined,
    range: TimeRange,
    stepMs: number,
    stat: StatName,
  ): SeriesPoint[];
  /**
   * A distribution's heatmap over `range`: sample counts per value band (from the sketches'
   * buckets) per `stepMs`, checked like `series`.
   */
  heatmap(
    name: string,
    tags: Tags | undefined,
    range: TimeRange,
    stepMs: number,
    bands: number,
  ): Heatmap;
  /** Series whose name starts with `prefix` and whose tags contain `tags`, by name. */
  listSeries(prefix?: string, tags?: Tags): SeriesInfo[];
  /** Every metric with cardinality and rejection counts, by name. */
  metrics(): MetricInfo[];
  /** Samples rejected since the registry started. */
  rejectedSamples(): RejectedSamples;
  /** Every series with its statistics over `window` (default `5m`) as of `now`, for exporters. */
  collect(window?: Window, now?: number): CollectedMetric[];
  /**
   * Writes the open minute's samples into its minute rollup now, for the next drain (a graceful
   * stop persists it; loaded again within that minute, later samples merge into it). Samples
   * recorded after this in the same minute are merged into that rollup when the minute closes.
   */
  sealOpenMinute(): void;
  /** Rollups closed or changed since the previous drain, oldest first per series. */
  drainClosedRollups(): RollupRecord[];
  /** Restores drained rollups (replacing, never adding to, what is held for the same bucket). */
  loadRollups(records: Iterable<RollupRecord>): LoadRollupsResult;
}

/**
 * Creates a {@link MetricsRegistry}. Throws `MonitorError` (`INVALID_OPTIONS`) with an exact message
 * when the options are invalid.
 */
export function createMetricsRegistry(options: MetricsRegistryOptions): MetricsRegistry {
  return new Registry(resolveRegistryOptions(options));
}

class Registry implements MetricsRegistry, RecordingContext {
  readonly clock: Clock;
  readonly standardTags: Tags;
  liveStart: number;
  liveEnd: number;
  /** When the data begins (creation, or the oldest loaded rollup): rates divide from here. */
  private dataSince: number;
  private readonly options: ResolvedRegistryOptions;
  private readonly catalog: SeriesCatalog;
  private readonly queries: SeriesQueries;
  private readonly sealer: RollupSealer;
  private readonly loader: RollupLoader;
  private readonly unknownRejected = new Map<RejectReason, number>();
  private readonly logs: RollupLogs = {
    minutes: new RollupLog(),
    fiveMinutes: new RollupLog(),
    hours: new RollupLog(),
  };

  constructor(options: ResolvedRegistryOptions) {
    this.options = options;
    this.clock = options.clock;
    this.standardTags = options.standardTags;
    this.catalog = new SeriesCatalog(options, this, this.logs);
    this.queries = new SeriesQueries(this.catalog);
    this.sealer = new RollupSealer(options.retention);
    this.loader = new RollupLoader(this.catalog, this.sealer);
    const now = this.clock.now();
    if (typeof now !== 'number' || !Number.isFinite(now)) {
      throw new MonitorError(
        'INVALID_OPTIONS',
        'createMetricsRegistry: options.clock.now() must return finite epoch milliseconds',
      );
    }
    this.liveStart = floorTo(now, MINUTE_MS);
    this.liveEnd = this.liveStart + MINUTE_MS;
    this.dataSince = now;
  }

  define(name: string, kind: MetricKind, definition?: MetricDefinition): void {
    this.catalog.define(name, kind, definition);
  }

  record(name: string, value: number, tags?: Tags): void {
    const metric = this.catalog.metric(name);
    if (metric === undefined) {
      this.reject(null, isValidMetricName(name) ? 'unknown_metric' : 'invalid_name');
      return;
    }
    const series = this.catalog.resolve(metric, tags);
    if (series === null) this.reject(metric, 'invalid_tags');
    else series.handle!.record(value);
  }

  counter(name: string, value: number, tags?: Tags): void {
    this.catalog.handleFor(name, 'counter', tags).record(value);
  }

  gauge(name: string, value: number, tags?: Tags): void {
    this.catalog.handleFor(name, 'gauge', tags).record(value);
  }

  distribution(name: string, value: number, tags?: Tags): void {
    this.catalog.handleFor(name, 'distribution', tags).record(value);
  }

  handle(name: string, kind: MetricKind, tags?: Tags): MetricHandle {
    return this.catalog.handleFor(name, kind, tags);
  }

  reject(metric: MetricState | null, reason: RejectReason): void {
    const counts = metric === null ? this.unknownRejected : metric.rejected;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }

  advance(now: number): void {
    if (now >= this.liveEnd) this.rollover(now);
  }

  rollover(now: number): void {
    if (typeof now !== 'number' || !Number.isFinite(now)) return;
    const minute = floorTo(now, MINUTE_MS);
    if (minute <= this.liveStart) return;
    const closing = this.liveStart;
    this.liveStart = minute;
    this.liveEnd = minute + MINUTE_MS;
    const sealer = this.sealer;
    const fiveMinuteLimit = this.fiveMinuteLimit();
    for (const series of this.catalog.allSeries) {
      sealer.closeLiveMinute(series, closing);
      sealer.sealCompleteHour(series, minute);
      sealer.materialiseFiveMinutes(series, fiveMinuteLimit);
      sealer.applyRetention(series, now);
    }
    const retention = this.options.retention;
    this.logs.minutes.release(now - retention.minuteMs);
    this.logs.fiveMinutes.release(now - retention.fiveMinuteMs);
    this.logs.hours.release(now - retention.hourMs);
  }

  stats(name: string, tags?: Tags, window: Window = '5m'): MetricStats {
    const plan = this.plan(this.tick());
    return this.queries.stats(name, tags, this.rangeOf(window, plan), plan);
  }

  seriesStats(name: string, tags?: Tags, window: Window = '5m'): SeriesStats[] {
    const plan = this.plan(this.tick());
    return this.queries.seriesStats(name, tags, this.rangeOf(window, plan), plan);
  }

  series(
    name: string,
    tags: Tags | undefined,
    range: TimeRange,
    stepMs: number,
    stat: StatName,
  ): SeriesPoint[] {
    const checked = checkSeriesQuery(range, stepMs, stat);
    const plan = this.plan(this.tick());
    return this.queries.points(name, tags, checked, stepMs, stat, plan);
  }

  heatmap(
    name: string,
    tags: Tags | undefined,
    range: TimeRange,
    stepMs: number,
    bands: number,
  ): Heatmap {
    const checked = checkSeriesQuery(range, stepMs, 'count');
    const plan = this.plan(this.tick());
    return heatmapOf(this.catalog, { name, tags, range: checked, stepMs, bands }, plan);
  }

  listSeries(prefix = '', tags?: Tags): SeriesInfo[] {
    return listSeries(this.catalog, prefix, tags);
  }

  metrics(): MetricInfo[] {
    return listMetrics(this.catalog);
  }

  rejectedSamples(): RejectedSamples {
    return countRejectedSamples(this.catalog, this.unknownRejected);
  }

  collect(window: Window = '5m', now?: number): CollectedMetric[] {
    const at = now ?? this.clock.now();
    this.advance(at);
    const plan = this.plan(at);
    return this.queries.collect(this.rangeOf(window, plan), plan);
  }

  sealOpenMinute(): void {
    this.tick();
    for (const series of this.catalog.allSeries) {
      this.sealer.closeLiveMinute(series, this.liveStart);
    }
  }

  drainClosedRollups(): RollupRecord[] {
    this.tick();
    const records: RollupRecord[] = [];
    for (const series of this.catalog.allSeries) drainSeriesRollups(series, records);
    return records;
  }

  loadRollups(records: Iterable<RollupRecord>): LoadRollupsResult {
    const now = this.tick();
    const limit = this.fiveMinuteLimit();
    const { loaded, skipped, earliest } = this.loader.load(records, now, this.liveStart, limit);
    if (earliest < this.dataSince) this.dataSince = earliest;
    return { loaded, skipped };
  }

  /**
   * 5-minute blocks before this are materialised: it is at least as late as the horizon from which
   * any query before the next rollover reads 5-minute rollups (see `coverPlan`).
   */
  private fiveMinuteLimit(): number {
    return ceilTo(this.liveEnd - this.options.retention.minuteMs, FIVE_MINUTES_MS);
  }

  /** Where each resolution is read for a query at `now`. */
  private plan(now: number): CoverPlan {
    return coverPlan(now, this.liveStart, this.options.retention, this.dataSince);
  }

  /** The buckets of a window: a named one as is, an explicit range widened to whole buckets. */
  private rangeOf(window: Window, plan: CoverPlan): TimeRange {
    const range = resolveWindow(window, plan.now);
    return typeof window === 'string' ? range : alignRange(range.from, range.to, plan);
  }

  /** Reads the clock and rolls over when a new minute started. */
  private tick(): number {
    const now = this.clock.now();
    this.advance(now);
    return now;
  }
}
