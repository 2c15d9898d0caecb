import type { MetricKind } from '../metrics/metric-kind.ts';
import type { MetricsRegistry } from '../metrics/metrics-registry.ts';
import { QUANTILE_STATS } from '../metrics/metric-stats.ts';
import type { QuantileStat } from '../metrics/metric-stats.ts';
import type { Tags } from '../metrics/tag-set.ts';
import type { Window } from '../metrics/windows.ts';

/** `Content-Type` of the text exposition format 0.0.4. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Options of {@link toPrometheusText}. */
export interface PrometheusTextOptions {
  /** Prefix of every metric name. @default 'taurine' */
  namespace?: string;
  /** Window of the summary quantiles. @default '5m' */
  quantileWindow?: Window;
}

/** Defaults of {@link PrometheusTextOptions}. */
export const PROMETHEUS_DEFAULTS = {
  namespace: 'taurine',
  quantileWindow: '5m',
} as const;

/** The quantiles every summary exposes, with their `quantile` label: all of `QUANTILE_STATS`. */
const SUMMARY_QUANTILES = Object.entries(QUANTILE_STATS).map(
  ([stat, q]) => [stat as QuantileStat, String(q)] as const,
);

/**
 * Durations are exposed in seconds, the Prometheus base unit (`promtool check metrics` rejects
 * abbreviated units such as `_ms`): values are divided by these.
 */
export const DURATION_UNIT_DIVISORS: Readonly<Record<string, number>> = {
  s: 1,
  ms: 1e3,
  us: 1e6,
  ns: 1e9,
};

/**
 * Sizes are exposed in bytes, the Prometheus base unit: values are divided by these (MB here means
 * 2^20 bytes, as `process.memoryUsage()` values divided by 1024² are).
 */
export const SIZE_UNIT_DIVISORS: Readonly<Record<string, number>> = {
  bytes: 1,
  KB: 1 / 1024,
  MB: 1 / 1024 ** 2,
  GB: 1 / 1024 ** 3,
};

const RESERVED_SUFFIXES = /_(total|count|sum|bucket)$/;

/** Converts `camelCase` and dots to `snake_case`: `api.responseTime` → `api_response_time`. */
export function toSnakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^a-zA-Z0-9_]/g, '_')
    .toLowerCase();
}

/**
 * Name tokens that spell a unit, per unit: a name that already ends in its unit (`uptimeSeconds`
 * in `s`, `heapUsedMB` in `MB`, `hitRate` as a `ratio`) loses them before the base-unit suffix is
 * added, so the unit appears once, as the suffix (`_seconds`, never `_second_seconds`).
 */
const UNIT_NAME_TOKENS: Readonly<Record<string, readonly string[]>> = {
  s: ['s', 'sec', 'secs', 'second', 'seconds'],
  ms: ['ms', 'millis', 'millisecond', 'milliseconds'],
  us: ['us', 'micros', 'microsecond', 'microseconds'],
  ns: ['ns', 'nanos', 'nanosecond', 'nanoseconds'],
  bytes: ['byte', 'bytes'],
  KB: ['kb', 'kib', 'kilobytes'],
  MB: ['mb', 'mib', 'megabytes'],
  GB: ['gb', 'gib', 'gigabytes'],
  ratio: ['ratio', 'rate'],
};

/** Drops the trailing `_token`s of `base` that spell `unit`. */
function withoutUnitTokens(base: string, unit: string): string {
  const tokens = UNIT_NAME_TOKENS[unit] ?? [toSnakeCase(unit)];
  let stem = base;
  for (;;) {
    const cut = stem.lastIndexOf('_');
    if (cut <= 0 || !tokens.includes(stem.slice(cut + 1))) return stem;
    stem = stem.slice(0, cut);
  }
}

/**
 * The exposition name of a metric and the divisor of its values, following Prometheus' naming
 * conventions: namespace, snake case, the base unit once as a suffix (`_seconds` for durations,
 * `_bytes` for sizes, `_ratio` for 0..1 ratios), `_total` for counters. `api.responseTime` in `ms`
 * becomes `taurine_api_response_time_seconds`, `process.uptimeSeconds` in `s`
 * `taurine_process_uptime_seconds`, `cache.hitRate` as a `ratio` `taurine_cache_hit_ratio`; the
 * name always matches `[a-zA-Z_:][a-zA-Z0-9_:]*`.
 */
export function prometheusName(
  name: string,
  kind: MetricKind,
  unit: string,
  namespace: string = PROMETHEUS_DEFAULTS.namespace,
): { name: string; divisor: number } {
  let base = `${namespace === '' ? '' : `${toSnakeCase(namespace)}_`}${toSnakeCase(name)}`;
  if (!/^[a-zA-Z_]/.test(base)) base = `_${base}`;
  const durationDivisor = DURATION_UNIT_DIVISORS[unit];
  const sizeDivisor = SIZE_UNIT_DIVISORS[unit];
  const divisor = durationDivisor ?? sizeDivisor;
  const suffix =
    durationDivisor !== undefined
      ? 'seconds'
      : sizeDivisor !== undefined
        ? 'bytes'
        : unit === ''
          ? ''
          : toSnakeCase(unit);
  if (suffix !== '') base = `${withoutUnitTokens(base, unit)}_${suffix}`;
  if (kind === 'counter') {
    if (!base.endsWith('_total')) base += '_total';
  } else if (RESERVED_SUFFIXES.test(base)) {
    base += '_value'; // `_total`, `_count`, `_sum` and `_bucket` belong to other types
  }
  return { name: base, divisor: divisor ?? 1 };
}

const labelCache = new WeakMap<Tags, string>();

/** Escapes a label value: backslash, double quote and line feed. */
export function escapeLabelValue(value: string): string {
  return /[\\"\n]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
    : value;
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** `k="v",k="v"` for a canonical tag set (cached: tag sets are frozen and shared). */
function labelPairs(tags: Tags): string {
  let pairs = labelCache.get(tags);
  if (pairs === undefined) {
    pairs = Object.entries(tags)
      .map(([key, value]) => `${key}="${escapeLabelValue(value)}"`)
      .join(',');
    labelCache.set(tags, pairs);
  }
  return pairs;
}

function formatValue(value: number): string {
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return Number.isNaN(value) ? 'NaN' : String(value);
}

/**
 * The registry in the Prometheus text exposition format 0.0.4 (passes `promtool check metrics`):
 * counters as `_total` (cumulative since start), gauges with their last value while they had a
 * sample in the quantile window (stale gauges are left out, as Prometheus' staleness expects), distributions as
 * summaries with quantiles over the last 5 minutes and cumulative `_sum`/`_count`. Also exposes the
 * registry's own bookkeeping: series per metric, overflow and rejected samples. Two metrics whose
 * names convert to the same exposition name cannot both be exposed: the later one is skipped.
 */
export function toPrometheusText(
  registry: MetricsRegistry,
  now: number,
  options: PrometheusTextOptions = {},
): string {
  const namespace = options.namespace ?? PROMETHEUS_DEFAULTS.namespace;
  const collected = registry.collect(
    options.quantileWindow ?? PROMETHEUS_DEFAULTS.quantileWindow,
    now,
  );
  const out: string[] = [];
  const taken = new Set<string>();
  const family = (name: string, type: string, help: string, names: string[]): boolean => {
    if (names.some((candidate) => taken.has(candidate))) {
      out.push(`# skipped ${name}: its name collides with a metric exposed above`);
      return false;
    }
    for (const candidate of names) taken.add(candidate);
    out.push(`# HELP ${name} ${escapeHelp(help)}`, `# TYPE ${name} ${type}`);
    return true;
  };
  writeRegistryFamilies(registry, namespace, family, out);
  for (const metric of collected) {
    const { name, divisor } = prometheusName(metric.name, metric.kind, metric.unit, namespace);
    const help = metric.help === '' ? `${metric.name} (${metric.kind})` : metric.help;
    if (metric.kind === 'distribution') {
      if (!family(name, 'summary', help, [name, `${name}_sum`, `${name}_count`])) continue;
      for (const series of metric.series) {
        const labels = labelPairs(series.tags);
        const open = `${name}{${labels}${labels === '' ? '' : ','}quantile="`;
        // One string per series: far fewer pieces to join than one per line.
        let text = '';
        for (const [stat, label] of SUMMARY_QUANTILES) {
          const value = series.stats[stat];
          text += `${open}${label}"} ${value === null ? 'NaN' : formatValue(value / divisor)}\n`;
        }
        out.push(
          `${text}${name}_sum{${labels}} ${formatValue(series.totalSum / divisor)}\n` +
            `${name}_count{${labels}} ${formatValue(series.totalCount)}`,
        );
      }
    } else if (metric.kind === 'counter') {
      if (!family(name, 'counter', help, [name])) continue;
      for (const series of metric.series) {
        out.push(`${name}{${labelPairs(series.tags)}} ${formatValue(series.totalSum / divisor)}`);
      }
    } else {
      if (!family(name, 'gauge', help, [name])) continue;
      for (const series of metric.series) {
        // Stale after a quantile window without a sample (Prometheus' own 5-minute lookback):
        // the series leaves the exposition, so a rule on it resolves instead of holding forever.
        const last = series.stats.last;
        if (series.stats.count === 0 || last === null) continue;
        out.push(`${name}{${labelPairs(series.tags)}} ${formatValue(last / divisor)}`);
      }
    }
  }
  out.push('');
  return out.join('\n');
}

type FamilyWriter = (name: string, type: string, help: string, names: string[]) => boolean;

function writeRegistryFamilies(
  registry: MetricsRegistry,
  namespace: string,
  family: FamilyWriter,
  out: string[],
): void {
  const prefix = `${namespace === '' ? '' : `${toSnakeCase(namespace)}_`}monitor_`;
  const metricLabel = (name: string) => `metric="${escapeLabelValue(name)}"`;
  const infos = registry.metrics();
  const seriesName = `${prefix}series`;
  if (infos.length > 0 && family(seriesName, 'gauge', 'Tag sets held per metric.', [seriesName])) {
    for (const info of infos) out.push(`${seriesName}{${metricLabel(info.name)}} ${info.series}`);
  }
  const folded = infos.filter((info) => info.overflowTagSets > 0);
  const overflowName = `${prefix}overflow_samples_total`;
  if (
    folded.length > 0 &&
    family(overflowName, 'counter', 'Samples folded into overflow series.', [overflowName])
  ) {
    for (const info of folded)
      out.push(`${overflowName}{${metricLabel(info.name)}} ${info.overflowSamples}`);
  }
  const rejected = registry.rejectedSamples().entries;
  const rejectedName = `${prefix}rejected_samples_total`;
  if (
    rejected.length > 0 &&
    family(rejectedName, 'counter', 'Samples rejected (NaN, infinite, negative, bad tags...).', [
      rejectedName,
    ])
  ) {
    for (const entry of rejected) {
      const labels = `${metricLabel(entry.metric ?? '')},reason="${entry.reason}"`;
      out.push(`${rejectedName}{${labels}} ${entry.count}`);
    }
  }
}
