import type { Clock } from '../clock.ts';
import { DDSketch, DEFAULT_RELATIVE_ACCURACY, parseSerializedSketch } from './dd-sketch.ts';
import { isMetricKind } from './metric-kind.ts';
import type { MetricKind } from './metric-kind.ts';
import { isValidMetricName } from './metric-name.ts';
import { MetricState, REJECT_REASONS, SeriesState, isNonNegative } from './metric-state.ts';
import type { MetricHandle, RecordingContext, RejectReason, RollupLogs } from './metric-state.ts';
import { QUANTILE_STATS, isStatName } from './metric-stats.ts';
import type { MetricStats, StatName } from './metric-stats.ts';
import { accumulateSeries, alignRange, coverPlan, coveredSeconds } from './range-cover.ts';
import type { CoverPlan } from './range-cover.ts';
import { MonitorError } from './monitor-error.ts';
import { resolveRegistryOptions } from './registry-options.ts';
import type { MetricsRegistryOptions, ResolvedRegistryOptions } from './registry-options.ts';
import type { LoadRollupsResult, RollupRecord } from './rollup-record.ts';
import { drainSeriesRollups } from './rollup-drain.ts';
import { RollupLog } from './rollup-log.ts';
import { RollupSealer } from './rollup-sealer.ts';
import { DistributionHandle, RejectingHandle, ScalarHandle } from './series-handle.ts';
import { StatsAccumulator } from './stats-accumulator.ts';
import {
  OVERFLOW_TAG,
  RESERVED_TAG_KEYS,
  TAG_LIMITS,
  canonicalTags,
  isValidTagKey,
  isValidTagValue,
  seriesKey,
  tagsContain,
} from './tag-set.ts';
import type { Tags } from './tag-set.ts';
import {
  FIVE_MINUTES_MS,
  HOUR_MS,
  MINUTE_MS,
  RESOLUTION_MS,
  ceilTo,
  floorTo,
  resolveWindow,
} from './windows.ts';
import type { TimeRange, Window } from './windows.ts';

/** Help text and unit of a metric. `unit` is e.g. `ms`, `bytes`, `percent` or empty. */
export interface MetricDefinition {
  help?: string;
  unit?: string;
}

/** A series as listed by `listSeries()`. */
export interface SeriesInfo {
  name: string;
  kind: MetricKind;
  tags: Tags;
  help: string;
  unit: string;
}

/** A metric with its cardinality and rejection counts, as listed by `metrics()`. */
export interface MetricInfo {
  name: string;
  kind: MetricKind;
  help: string;
  unit: string;
  /** Tag sets held (the overflow series not included). */
  series: number;
  /** New tag sets folded into the overflow series (distinct while they stay in the lookup cache). */
  overflowTagSets: number;
  /** Samples recorded into the overflow series. */
  overflowSamples: number;
  rejectedSamples: number;
}

/** Rejected samples, per metric and per reason; samples for unknown names have `metric: null`. */
export interface RejectedSamples {
  total: number;
  byMetric: Record<string, number>;
  byReason: Record<RejectReason, number>;
  entries: { metric: string | null; reason: RejectReason; count: number }[];
}

/** One point of a chart series: the statistic over `[t, t + step)`, null without data. */
export interface SeriesPoint {
  t: number;
  value: number | null;
}

/** Statistics of one series, as returned by `seriesStats()`. */
export interface SeriesStats {
  tags: Tags;
  stats: MetricStats;
}

/** A series with its window statistics and cumulative totals, for exporters. */
export interface CollectedSeries {
  tags: Tags;
  isOverflow: boolean;
  stats: MetricStats;
  /** Samples and their sum since the registry started (monotonic, as Prometheus expects). */
  totalCount: number;
  totalSum: number;
  /** Last value ever recorded, null before the first. */
  last: number | null;
}

/** A metric and its series, for exporters. */
export interface CollectedMetric {
  name: string;
  kind: MetricKind;
  help: string;
  unit: string;
  series: CollectedSeries[];
}

/** Most points `series()` returns. */
export const MAX_SERIES_POINTS = 10_000;

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

const UNIT_PATTERN = /^([a-zA-Z][a-zA-Z0-9_]{0,31})?$/;
const MAX_HELP_LENGTH = 1000;
const EMPTY_BYTES: Uint8Array = new Uint8Array(0);

class Registry implements MetricsRegistry, RecordingContext {
  readonly clock: Clock;
  readonly standardTags: Tags;
  liveStart: number;
  liveEnd: number;
  /** When the data begins (creation, or the oldest loaded rollup): rates divide from here. */
  private dataSince: number;
  private readonly options: ResolvedRegistryOptions;
  private readonly metricsByName = new Map<string, MetricState>();
  private readonly allSeries: SeriesState[] = [];
  private readonly sealer: RollupSealer;
  private readonly accumulator = new StatsAccumulator();
  private readonly scratch = new DDSketch();
  private readonly unknownRejected = new Map<RejectReason, number>();
  private readonly standardEntries: [string, string][];
  private readonly lookupLimit: number;
  private readonly logs: RollupLogs = {
    minutes: new RollupLog(),
    fiveMinutes: new RollupLog(),
    hours: new RollupLog(),
  };

  constructor(options: ResolvedRegistryOptions) {
    this.options = options;
    this.clock = options.clock;
    this.standardTags = options.standardTags;
    this.standardEntries = Object.entries(options.standardTags);
    this.lookupLimit = Math.max(1024, options.maxSeriesPerMetric * 4);
    this.sealer = new RollupSealer(options.retention);
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

  define(name: string, kind: MetricKind, definition: MetricDefinition = {}): void {
    if (!isValidMetricName(name)) {
      throw new MonitorError(
        'INVALID_METRIC',
        `invalid metric name ${JSON.stringify(name)}: expected dot notation such as "api.responseTime"`,
      );
    }
    if (!isMetricKind(kind)) {
      throw new MonitorError('INVALID_METRIC', `invalid kind ${JSON.stringify(kind)} for ${name}`);
    }
    const { help, unit } = definition;
    if (help !== undefined && (typeof help !== 'string' || help.length > MAX_HELP_LENGTH)) {
      throw new MonitorError(
        'INVALID_METRIC',
        `help of ${name} must be a string of at most 1000 characters`,
      );
    }
    if (unit !== undefined && (typeof unit !== 'string' || !UNIT_PATTERN.test(unit))) {
      throw new MonitorError('INVALID_METRIC', `unit of ${name} must match ${UNIT_PATTERN.source}`);
    }
    const existing = this.metricsByName.get(name);
    if (existing !== undefined) {
      if (existing.kind !== kind) {
        throw new MonitorError(
          'INVALID_METRIC',
          `metric ${name} is already defined as a ${existing.kind}`,
        );
      }
      if (help !== undefined) existing.help = help;
      if (unit !== undefined) {
        existing.unit = unit;
        existing.nonNegative = isNonNegative(kind, unit);
      }
      return;
    }
    if (this.metricsByName.size >= this.options.maxMetrics) {
      throw new MonitorError(
        'INVALID_METRIC',
        `cannot define ${name}: maxMetrics (${this.options.maxMetrics}) reached`,
      );
    }
    this.metricsByName.set(name, new MetricState(name, kind, help ?? '', unit ?? ''));
  }

  record(name: string, value: number, tags?: Tags): void {
    const metric = this.metricsByName.get(name);
    if (metric === undefined) {
      this.reject(null, isValidMetricName(name) ? 'unknown_metric' : 'invalid_name');
      return;
    }
    const series = this.resolve(metric, tags);
    if (series === null) this.reject(metric, 'invalid_tags');
    else series.handle!.record(value);
  }

  counter(name: string, value: number, tags?: Tags): void {
    this.handleFor(name, 'counter', tags).record(value);
  }

  gauge(name: string, value: number, tags?: Tags): void {
    this.handleFor(name, 'gauge', tags).record(value);
  }

  distribution(name: string, value: number, tags?: Tags): void {
    this.handleFor(name, 'distribution', tags).record(value);
  }

  handle(name: string, kind: MetricKind, tags?: Tags): MetricHandle {
    return this.handleFor(name, kind, tags);
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
    for (const series of this.allSeries) {
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
    const range = this.rangeOf(window, plan);
    const metric = this.metricsByName.get(name);
    const accumulator = this.accumulator;
    accumulator.reset(metric?.kind === 'distribution');
    if (metric === undefined) return accumulator.toStats('gauge', 0);
    for (const series of this.matching(metric, tags)) {
      accumulateSeries(series, range.from, range.to, plan, accumulator);
    }
    return accumulator.toStats(metric.kind, coveredSeconds(range.from, range.to, plan));
  }

  seriesStats(name: string, tags?: Tags, window: Window = '5m'): SeriesStats[] {
    const plan = this.plan(this.tick());
    const range = this.rangeOf(window, plan);
    const metric = this.metricsByName.get(name);
    if (metric === undefined) return [];
    const seconds = coveredSeconds(range.from, range.to, plan);
    const accumulator = this.accumulator;
    return this.matching(metric, tags).map((series) => {
      accumulator.reset(metric.kind === 'distribution');
      accumulateSeries(series, range.from, range.to, plan, accumulator);
      return { tags: series.tags, stats: accumulator.toStats(metric.kind, seconds) };
    });
  }

  series(
    name: string,
    tags: Tags | undefined,
    range: TimeRange,
    stepMs: number,
    stat: StatName,
  ): SeriesPoint[] {
    if (typeof range !== 'object')
      throw new MonitorError('INVALID_QUERY', 'range must be { from, to }');
    const { from, to } = resolveWindow(range, 0);
    if (!Number.isInteger(stepMs) || stepMs < MINUTE_MS || stepMs % MINUTE_MS !== 0) {
      throw new MonitorError(
        'INVALID_QUERY',
        `stepMs must be a whole number of minutes (60000, 120000, ...), got ${String(stepMs)}`,
      );
    }
    if (Math.ceil((to - from) / stepMs) > MAX_SERIES_POINTS) {
      throw new MonitorError('INVALID_QUERY', `a series is limited to ${MAX_SERIES_POINTS} points`);
    }
    if (!isStatName(stat)) throw new MonitorError('INVALID_QUERY', `unknown stat ${String(stat)}`);
    const plan = this.plan(this.tick());
    const metric = this.metricsByName.get(name);
    const matched = metric === undefined ? [] : this.matching(metric, tags);
    const kind = metric?.kind ?? 'gauge';
    const withSketch = kind === 'distribution' && Object.hasOwn(QUANTILE_STATS, stat);
    const accumulator = this.accumulator;
    const points: SeriesPoint[] = [];
    const aligned = alignRange(from, to, plan);
    // Points start on whole steps (as Grafana and Prometheus align them): each covers [t, t + step).
    for (let t = floorTo(aligned.from, stepMs); t < aligned.to; t += stepMs) {
      const end = t + stepMs;
      accumulator.reset(withSketch);
      for (const series of matched) {
        accumulateSeries(series, t, end, plan, accumulator);
      }
      points.push({ t, value: accumulator.stat(stat, kind, coveredSeconds(t, end, plan)) });
    }
    return points;
  }

  listSeries(prefix = '', tags?: Tags): SeriesInfo[] {
    const list: SeriesInfo[] = [];
    for (const metric of this.sortedMetrics()) {
      if (!metric.name.startsWith(prefix)) continue;
      for (const series of this.matching(metric, tags)) {
        const { name, kind, help, unit } = metric;
        list.push({ name, kind, tags: series.tags, help, unit });
      }
    }
    return list;
  }

  metrics(): MetricInfo[] {
    return this.sortedMetrics().map((metric) => {
      const overflow = metric.overflow;
      let rejectedSamples = 0;
      for (const count of metric.rejected.values()) rejectedSamples += count;
      return {
        name: metric.name,
        kind: metric.kind,
        help: metric.help,
        unit: metric.unit,
        series: metric.series.size,
        overflowTagSets: metric.foldedTagSets,
        overflowSamples: overflow === null ? 0 : overflow.totalCount + overflow.liveCount,
        rejectedSamples,
      };
    });
  }

  rejectedSamples(): RejectedSamples {
    const byReason = Object.fromEntries(REJECT_REASONS.map((reason) => [reason, 0])) as Record<
      RejectReason,
      number
    >;
    const result: RejectedSamples = { total: 0, byMetric: {}, byReason, entries: [] };
    const add = (metric: string | null, counts: Map<RejectReason, number>) => {
      for (const [reason, count] of counts) {
        result.total += count;
        byReason[reason] += count;
        if (metric !== null) result.byMetric[metric] = (result.byMetric[metric] ?? 0) + count;
        result.entries.push({ metric, reason, count });
      }
    };
    for (const metric of this.sortedMetrics()) add(metric.name, metric.rejected);
    add(null, this.unknownRejected);
    return result;
  }

  collect(window: Window = '5m', now?: number): CollectedMetric[] {
    const at = now ?? this.clock.now();
    this.advance(at);
    const plan = this.plan(at);
    const range = this.rangeOf(window, plan);
    const seconds = coveredSeconds(range.from, range.to, plan);
    const accumulator = this.accumulator;
    return this.sortedMetrics().map((metric) => {
      const series: CollectedSeries[] = [];
      for (const state of this.matching(metric, undefined)) {
        accumulator.reset(metric.kind === 'distribution');
        accumulateSeries(state, range.from, range.to, plan, accumulator);
        series.push({
          tags: state.tags,
          isOverflow: state.isOverflow,
          stats: accumulator.toStats(metric.kind, seconds),
          totalCount: state.totalCount + state.liveCount,
          totalSum: state.totalSum + state.liveSum,
          last: state.lastAt === -Infinity ? null : state.last,
        });
      }
      const { name, kind, help, unit } = metric;
      return { name, kind, help, unit, series };
    });
  }

  sealOpenMinute(): void {
    this.tick();
    for (const series of this.allSeries) this.sealer.closeLiveMinute(series, this.liveStart);
  }

  drainClosedRollups(): RollupRecord[] {
    this.tick();
    const records: RollupRecord[] = [];
    for (const series of this.allSeries) drainSeriesRollups(series, records);
    return records;
  }

  loadRollups(records: Iterable<RollupRecord>): LoadRollupsResult {
    const now = this.tick();
    // Oldest first, so that rollups are appended to their stores rather than inserted.
    const startOf = (record: unknown) =>
      typeof record === 'object' && record !== null
        ? Number((record as { bucketStart?: unknown }).bucketStart)
        : 0;
    const sorted = Array.from(records).sort((a, b) => startOf(a) - startOf(b));
    const touched = new Map<SeriesState, Set<number>>();
    let loaded = 0;
    const seen = new Map<string, SeriesState>(); // by record.seriesKey: canonicalise each once
    for (const record of sorted) if (this.loadRecord(record, now, touched, seen)) loaded++;
    // Rebuild the coarse rollups the records did not include and resume sealing the current hour.
    const fiveMinuteLimit = this.fiveMinuteLimit();
    for (const [series, hours] of touched) {
      for (const hour of [...hours].sort((a, b) => a - b)) {
        if (hour + HOUR_MS > this.liveStart) series.pendingHour = hour;
        else if (series.hours.indexOf(hour) < 0) this.sealer.sealHour(series, hour);
      }
      this.sealer.materialiseFiveMinutes(series, fiveMinuteLimit);
    }
    return { loaded, skipped: sorted.length - loaded };
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

  private handleFor(name: string, kind: MetricKind, tags: Tags | undefined): MetricHandle {
    let metric = this.metricsByName.get(name);
    if (metric === undefined) {
      if (!isValidMetricName(name)) return new RejectingHandle(this, null, 'invalid_name');
      if (!isMetricKind(kind)) return new RejectingHandle(this, null, 'kind_mismatch');
      if (this.metricsByName.size >= this.options.maxMetrics) {
        return new RejectingHandle(this, null, 'too_many_metrics');
      }
      metric = new MetricState(name, kind, '', '');
      this.metricsByName.set(name, metric);
    }
    if (metric.kind !== kind) return new RejectingHandle(this, metric, 'kind_mismatch');
    const series = this.resolve(metric, tags);
    return series === null ? new RejectingHandle(this, metric, 'invalid_tags') : series.handle!;
  }

  /** The series of a sample's tags: a cache hit on the raw tag key, else a validated tag set. */
  private resolve(metric: MetricState, tags: Tags | undefined): SeriesState | null {
    if (tags === undefined) return (metric.defaultSeries ??= this.seriesFor(metric, undefined));
    if (typeof (tags as unknown) !== 'object' || (tags as unknown) === null) return null;
    // Length-prefixed, so the raw key is unambiguous whatever the keys and values hold.
    let raw = '';
    for (const key in tags) {
      const value = tags[key];
      if (typeof value !== 'string') return null;
      raw += `${key.length}:${key}${value.length}:${value}`;
    }
    const cached = metric.lookup.get(raw);
    if (cached !== undefined) return cached;
    const series = this.seriesFor(metric, tags);
    if (series !== null) {
      if (metric.lookup.size >= this.lookupLimit) metric.lookup.clear();
      metric.lookup.set(raw, series);
    }
    return series;
  }

  /** Validates and canonicalises a tag set; folds it into the overflow series past the limit. */
  private seriesFor(metric: MetricState, tags: Tags | undefined): SeriesState | null {
    const entries: [string, string][] = [];
    if (tags !== undefined) {
      for (const key in tags) {
        const value = tags[key];
        if (entries.length >= TAG_LIMITS.maxTags) return null;
        if (!isValidTagKey(key) || RESERVED_TAG_KEYS.includes(key) || !isValidTagValue(value)) {
          return null;
        }
        entries.push([key, value]);
      }
    }
    for (const entry of this.standardEntries) {
      if (tags === undefined || tags[entry[0]] === undefined) entries.push([entry[0], entry[1]]);
    }
    const canonical = canonicalTags(entries);
    const key = seriesKey(metric.name, canonical);
    const existing = metric.series.get(key);
    if (existing !== undefined) return existing;
    if (metric.series.size >= this.options.maxSeriesPerMetric) {
      metric.foldedTagSets++;
      return metric.overflow ?? this.overflowSeries(metric);
    }
    return this.addSeries(metric, key, canonical, false);
  }

  private overflowSeries(metric: MetricState): SeriesState {
    const tags = canonicalTags([...this.standardEntries, [OVERFLOW_TAG, 'true']]);
    return this.addSeries(metric, seriesKey(metric.name, tags), tags, true);
  }

  private addSeries(
    metric: MetricState,
    key: string,
    tags: Tags,
    isOverflow: boolean,
  ): SeriesState {
    const series = new SeriesState(metric, key, tags, isOverflow, this.logs);
    series.handle =
      metric.kind === 'distribution'
        ? new DistributionHandle(this, series)
        : new ScalarHandle(this, series);
    if (isOverflow) metric.overflow = series;
    else metric.series.set(key, series);
    this.allSeries.push(series);
    return series;
  }

  private matching(metric: MetricState, tags: Tags | undefined): SeriesState[] {
    const list: SeriesState[] = [];
    for (const series of metric.series.values())
      if (tagsContain(series.tags, tags)) list.push(series);
    const overflow = metric.overflow;
    if (overflow !== null && tagsContain(overflow.tags, tags)) list.push(overflow);
    return list;
  }

  private sortedMetrics(): MetricState[] {
    return [...this.metricsByName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** Restores one record; false when it is skipped. */
  private loadRecord(
    record: RollupRecord,
    now: number,
    touched: Map<SeriesState, Set<number>>,
    seen: Map<string, SeriesState>,
  ): boolean {
    if (typeof (record as unknown) !== 'object' || (record as unknown) === null) return false;
    const { name, kind, resolution, bucketStart, count, sum, min, max, last } = record;
    if (!isValidMetricName(name) || !isMetricKind(kind)) return false;
    if (typeof resolution !== 'string' || !Object.hasOwn(RESOLUTION_MS, resolution)) return false;
    const resolutionMs = RESOLUTION_MS[resolution];
    if (!Number.isSafeInteger(bucketStart) || bucketStart % resolutionMs !== 0) return false;
    const finite = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
    if (!finite(count) || !(count > 0) || !finite(sum) || !finite(min) || !finite(max))
      return false;
    if (min > max || !finite(last)) return false;
    if (this.sealer.isExpired(bucketStart, resolutionMs, now)) return false;
    let metric = this.metricsByName.get(name);
    if (metric === undefined) {
      if (this.metricsByName.size >= this.options.maxMetrics) return false;
      metric = new MetricState(name, kind, '', '');
      this.metricsByName.set(name, metric);
    } else if (metric.kind !== kind) {
      return false;
    }
    let bytes = EMPTY_BYTES;
    let begin = 0;
    if (kind === 'distribution') {
      if (typeof record.sketch !== 'string') return false;
      try {
        const parts = parseSerializedSketch(record.sketch);
        if (parts.relativeAccuracy !== DEFAULT_RELATIVE_ACCURACY) return false;
        this.scratch.clear();
        this.scratch.addEncodedBuckets(parts.bytes, parts.bucketsBegin, parts.bytes.length);
        bytes = parts.bytes;
        begin = parts.bucketsBegin;
      } catch {
        return false;
      }
    }
    const cacheKey = typeof record.seriesKey === 'string' ? `${name}\u0000${record.seriesKey}` : '';
    let series = cacheKey === '' ? undefined : seen.get(cacheKey);
    if (series === undefined || series.metric !== metric) {
      const resolved = this.seriesForRecord(metric, record.tags);
      if (resolved === null) return false;
      series = resolved;
      if (cacheKey !== '') seen.set(cacheKey, series);
    }
    const store =
      resolution === '1m'
        ? series.minutes
        : resolution === '5m'
          ? series.fiveMinutes
          : series.hours;
    store.write(bucketStart, count, sum, min, max, last, bytes, begin, bytes.length, false);
    if (bucketStart < this.dataSince) this.dataSince = bucketStart;
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

  /** The series of a stored record's full tag set (standard tags included, as recorded). */
  private seriesForRecord(metric: MetricState, tags: unknown): SeriesState | null {
    if (typeof tags !== 'object' || tags === null) return null;
    const entries: [string, string][] = [];
    for (const [key, value] of Object.entries(tags)) {
      if (!isValidTagKey(key) || !isValidTagValue(value)) return null;
      entries.push([key, value]);
    }
    if (entries.length > TAG_LIMITS.maxTags + this.standardEntries.length + 1) return null;
    const canonical = canonicalTags(entries);
    const key = seriesKey(metric.name, canonical);
    const existing = metric.series.get(key);
    if (existing !== undefined) return existing;
    if (metric.overflow?.key === key) return metric.overflow;
    if (canonical[OVERFLOW_TAG] === 'true' && metric.overflow === null) {
      return this.addSeries(metric, key, canonical, true);
    }
    if (metric.series.size >= this.options.maxSeriesPerMetric) return null;
    return this.addSeries(metric, key, canonical, false);
  }
}
