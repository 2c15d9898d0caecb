import type { Clock } from '../clock.ts';
import { MonitorError } from './monitor-error.ts';
import { STANDARD_TAG_KEYS, isValidTagKey, isValidTagValue } from './tag-set.ts';
import type { Tags } from './tag-set.ts';
import { HOUR_MS, MINUTE_MS } from './windows.ts';

/** How long closed rollups are kept, per resolution. */
export interface RetentionOptions {
  /** Minute rollups. @default 21_600_000 (6 h) */
  minuteMs: number;
  /** 5-minute rollups. @default 604_800_000 (7 d) */
  fiveMinuteMs: number;
  /** Hourly rollups. @default 7_776_000_000 (90 d) */
  hourMs: number;
}

/** Options of {@link createMetricsRegistry}. */
export interface MetricsRegistryOptions {
  /** Time source (epoch ms), read once per sample: a coarse cached clock is enough. */
  clock: Clock;
  /** Tags every series carries: `environment`, `region`, `service`, `version`, `deployment`. */
  standardTags: Tags;
  /** Most tag sets per metric; samples with more fold into one overflow series. @default 1000 */
  maxSeriesPerMetric?: number;
  /** Most metric names (a guard against names built from user input). @default 1000 */
  maxMetrics?: number;
  /** Rollup retention per resolution; missing fields take the defaults. */
  retention?: Partial<RetentionOptions>;
}

/** Default retention: minute rollups 6 h, 5-minute rollups 7 d, hourly rollups 90 d. */
export const DEFAULT_RETENTION: Readonly<RetentionOptions> = Object.freeze({
  minuteMs: 6 * HOUR_MS,
  fiveMinuteMs: 7 * 24 * HOUR_MS,
  hourMs: 90 * 24 * HOUR_MS,
});

/** Default bound on tag sets per metric. */
export const DEFAULT_MAX_SERIES_PER_METRIC = 1000;

/** Default bound on metric names per registry. */
export const DEFAULT_MAX_METRICS = 1000;

/** Bounds the options are checked against. */
export const REGISTRY_OPTION_LIMITS = {
  maxSeriesPerMetric: { min: 1, max: 100_000 },
  maxMetrics: { min: 1, max: 100_000 },
  /** Minute rollups must outlive the 5-minute block they are sealed into. */
  minMinuteRetentionMs: 10 * MINUTE_MS,
  /** 5-minute rollups must outlive the hour they are sealed into. */
  minFiveMinuteRetentionMs: 2 * HOUR_MS,
} as const;

/** Options after validation, with defaults applied. Internal. */
export interface ResolvedRegistryOptions {
  clock: Clock;
  standardTags: Tags;
  maxSeriesPerMetric: number;
  maxMetrics: number;
  retention: RetentionOptions;
}

const fail = (message: string): never => {
  throw new MonitorError('INVALID_OPTIONS', `createMetricsRegistry: ${message}`);
};

const describe = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value) : String(value);

function integerIn(name: string, value: unknown, fallback: number, min: number, max: number) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return fail(`options.${name} must be an integer from ${min} to ${max}, got ${describe(value)}`);
  }
  return value;
}

function retentionField(
  name: keyof RetentionOptions,
  value: unknown,
  min: number,
  minText: string,
) {
  if (value === undefined) return DEFAULT_RETENTION[name];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    return fail(
      `options.retention.${name} must be an integer >= ${minText}, got ${describe(value)}`,
    );
  }
  return value;
}

/** Validates options and applies defaults; throws `INVALID_OPTIONS` with an exact message. */
export function resolveRegistryOptions(options: unknown): ResolvedRegistryOptions {
  if (typeof options !== 'object' || options === null) return fail('options must be an object');
  const input = options as { [K in keyof MetricsRegistryOptions]?: unknown };
  const clock = input.clock as Clock | null | undefined;
  if (typeof clock !== 'object' || clock === null || typeof (clock.now as unknown) !== 'function') {
    return fail('options.clock must be an object with a now() method');
  }
  const tags = input.standardTags as Record<string, unknown> | null | undefined;
  if (typeof tags !== 'object' || tags === null)
    return fail('options.standardTags must be an object');
  for (const key of STANDARD_TAG_KEYS) {
    if (!isValidTagValue(tags[key])) {
      return fail(
        `options.standardTags.${key} must be a non-empty string of at most 200 characters`,
      );
    }
  }
  for (const [key, value] of Object.entries(tags)) {
    if (!isValidTagKey(key))
      return fail(`options.standardTags has an invalid key ${describe(key)}`);
    if (!isValidTagValue(value)) {
      return fail(
        `options.standardTags.${key} must be a non-empty string of at most 200 characters`,
      );
    }
  }
  const limits = REGISTRY_OPTION_LIMITS;
  const maxSeriesPerMetric = integerIn(
    'maxSeriesPerMetric',
    input.maxSeriesPerMetric,
    DEFAULT_MAX_SERIES_PER_METRIC,
    limits.maxSeriesPerMetric.min,
    limits.maxSeriesPerMetric.max,
  );
  const maxMetrics = integerIn(
    'maxMetrics',
    input.maxMetrics,
    DEFAULT_MAX_METRICS,
    limits.maxMetrics.min,
    limits.maxMetrics.max,
  );
  const rawRetention = input.retention ?? {};
  if (typeof rawRetention !== 'object') {
    return fail('options.retention must be an object');
  }
  const retentionInput = rawRetention as Partial<Record<keyof RetentionOptions, unknown>>;
  const minuteMs = retentionField(
    'minuteMs',
    retentionInput.minuteMs,
    limits.minMinuteRetentionMs,
    '600000 (10 min)',
  );
  const fiveMinuteMs = retentionField(
    'fiveMinuteMs',
    retentionInput.fiveMinuteMs,
    Math.max(minuteMs, limits.minFiveMinuteRetentionMs),
    'max(minuteMs, 7200000 (2 h))',
  );
  const hourMs = retentionField('hourMs', retentionInput.hourMs, fiveMinuteMs, 'fiveMinuteMs');
  return {
    clock,
    standardTags: Object.freeze({ ...(tags as Record<string, string>) }), // validated above
    maxSeriesPerMetric,
    maxMetrics,
    retention: { minuteMs, fiveMinuteMs, hourMs },
  };
}
