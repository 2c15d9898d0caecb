import { isMetricKind } from './metric-kind.ts';
import type { MetricKind } from './metric-kind.ts';
import { isValidMetricName } from './metric-name.ts';
import { MetricState, SeriesState, isNonNegative } from './metric-state.ts';
import type { MetricHandle, RecordingContext, RollupLogs } from './metric-state.ts';
import { MonitorError } from './monitor-error.ts';
import type { ResolvedRegistryOptions } from './registry-options.ts';
import { DistributionHandle, RejectingHandle, ScalarHandle } from './series-handle.ts';
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

/** Help text and unit of a metric. `unit` is e.g. `ms`, `bytes`, `percent` or empty. */
export interface MetricDefinition {
  help?: string;
  unit?: string;
}

const UNIT_PATTERN = /^([a-zA-Z][a-zA-Z0-9_]{0,31})?$/;
const MAX_HELP_LENGTH = 1000;

/**
 * The metrics of a registry and their series: definitions, the lookup of a sample's tags to its
 * series, and the cardinality caps (`maxMetrics`, and `maxSeriesPerMetric` past which new tag sets
 * fold into one overflow series).
 */
export class SeriesCatalog {
  private readonly seriesList: SeriesState[] = [];
  private readonly metricsByName = new Map<string, MetricState>();
  private readonly standardEntries: [string, string][];
  private readonly lookupLimit: number;

  constructor(
    private readonly options: ResolvedRegistryOptions,
    private readonly context: RecordingContext,
    private readonly logs: RollupLogs,
  ) {
    this.standardEntries = Object.entries(options.standardTags);
    this.lookupLimit = Math.max(1024, options.maxSeriesPerMetric * 4);
  }

  /**
   * Defines (or re-describes) a metric. Throws `INVALID_METRIC` for a bad name, a bad unit or help,
   * a kind that conflicts with an earlier definition, or past `maxMetrics`.
   */
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
    this.metricsByName.set(
      name,
      new MetricState(name, kind, help ?? '', unit ?? '', this.context.clock.now()),
    );
  }

  /** Every series, the overflow series included, in creation order. */
  get allSeries(): readonly SeriesState[] {
    return this.seriesList;
  }

  /** The metric called `name`, if defined. */
  metric(name: string): MetricState | undefined {
    return this.metricsByName.get(name);
  }

  /** Every metric, by name. */
  sortedMetrics(): MetricState[] {
    return [...this.metricsByName.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** The series of `metric` whose tags contain `tags`, the overflow series last. */
  matching(metric: MetricState, tags: Tags | undefined): SeriesState[] {
    const list: SeriesState[] = [];
    for (const series of metric.series.values())
      if (tagsContain(series.tags, tags)) list.push(series);
    const overflow = metric.overflow;
    if (overflow !== null && tagsContain(overflow.tags, tags)) list.push(overflow);
    return list;
  }

  /**
   * The handle of a series, defining the metric on first use; a handle that cannot be resolved
   * (bad name or tags, kind conflict, past `maxMetrics`) counts every sample as rejected.
   */
  handleFor(name: string, kind: MetricKind, tags: Tags | undefined): MetricHandle {
    const context = this.context;
    let metric = this.metricsByName.get(name);
    if (metric === undefined) {
      if (!isValidMetricName(name)) return new RejectingHandle(context, null, 'invalid_name');
      if (!isMetricKind(kind)) return new RejectingHandle(context, null, 'kind_mismatch');
      if (this.metricsByName.size >= this.options.maxMetrics) {
        return new RejectingHandle(context, null, 'too_many_metrics');
      }
      metric = new MetricState(name, kind, '', '', this.context.clock.now());
      this.metricsByName.set(name, metric);
    }
    if (metric.kind !== kind) return new RejectingHandle(context, metric, 'kind_mismatch');
    const series = this.resolve(metric, tags);
    return series === null ? new RejectingHandle(context, metric, 'invalid_tags') : series.handle!;
  }

  /** The series of a sample's tags: a cache hit on the raw tag key, else a validated tag set. */
  resolve(metric: MetricState, tags: Tags | undefined): SeriesState | null {
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

  /**
   * The metric a stored rollup belongs to, defined when missing (within `maxMetrics`); null when
   * it cannot be held or its kind conflicts with the metric's.
   */
  metricForRecord(name: string, kind: MetricKind): MetricState | null {
    let metric = this.metricsByName.get(name);
    if (metric === undefined) {
      if (this.metricsByName.size >= this.options.maxMetrics) return null;
      metric = new MetricState(name, kind, '', '', this.context.clock.now());
      this.metricsByName.set(name, metric);
    } else if (metric.kind !== kind) {
      return null;
    }
    return metric;
  }

  /** The series of a stored record's full tag set (standard tags included, as recorded). */
  seriesForRecord(metric: MetricState, tags: unknown): SeriesState | null {
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
        ? new DistributionHandle(this.context, series)
        : new ScalarHandle(this.context, series);
    if (isOverflow) metric.overflow = series;
    else metric.series.set(key, series);
    this.seriesList.push(series);
    return series;
  }
}
