import { BASELINE_PERIODS } from '@taurine/monitor';
import type { BaselinePeriod } from '@taurine/monitor';

/** Insight settings (`INSIGHT_*`), validated at start-up. */
export interface InsightConfig {
  /** The current window compared with the baseline (`INSIGHT_WINDOW_MS`). @default 60000 */
  currentWindowMs: number;
  /** The baseline regressions are judged against (`INSIGHT_BASELINE_PERIOD`). @default '1h' */
  baselinePeriod: Exclude<BaselinePeriod, 'sameHourLastWeek'>;
  /** How often baselines are recomputed (`INSIGHT_BASELINE_REFRESH_MS`). @default 300000 */
  baselineRefreshMs: number;
  /** Relative change that is a regression (`INSIGHT_REGRESSION_THRESHOLD`). @default 0.2 */
  regressionThreshold: number;
  /** Per-metric thresholds (`INSIGHT_THRESHOLDS=api.responseTime=0.3,cache.hitRate=0.1`). */
  thresholds: Readonly<Record<string, number>>;
  /** Samples the current window needs (`INSIGHT_MIN_SAMPLES`). @default 50 */
  minSamples: number;
}

type Env = Record<string, string | undefined>;

function numberIn(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
) {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    problems.push(`${name} must be a number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function thresholds(env: Env, problems: string[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const entry of (env.INSIGHT_THRESHOLDS ?? '').split(',')) {
    if (entry.trim() === '') continue;
    const [metric, raw] = entry.split('=').map((part) => part.trim());
    const value = Number(raw);
    if (!metric || raw === undefined || !(value > 0 && value <= 10)) {
      problems.push(
        `INSIGHT_THRESHOLDS entries must read metric=ratio with a ratio in (0, 10] (got "${entry}")`,
      );
      continue;
    }
    result[metric] = value;
  }
  return result;
}

/** Reads the insight settings; each invalid value adds one line to `problems`. */
export function readInsightConfig(env: Env, problems: string[]): InsightConfig {
  const period = env.INSIGHT_BASELINE_PERIOD ?? '1h';
  const periods = BASELINE_PERIODS.filter((p) => p !== 'sameHourLastWeek');
  if (!(periods as readonly string[]).includes(period))
    problems.push(`INSIGHT_BASELINE_PERIOD must be one of ${periods.join(', ')} (got "${period}")`);
  return {
    currentWindowMs: numberIn(env, 'INSIGHT_WINDOW_MS', 60_000, 60_000, 3_600_000, problems),
    baselinePeriod: (periods as readonly string[]).includes(period)
      ? (period as InsightConfig['baselinePeriod'])
      : '1h',
    baselineRefreshMs: numberIn(
      env,
      'INSIGHT_BASELINE_REFRESH_MS',
      300_000,
      1000,
      86_400_000,
      problems,
    ),
    regressionThreshold: numberIn(env, 'INSIGHT_REGRESSION_THRESHOLD', 0.2, 0.01, 10, problems),
    thresholds: thresholds(env, problems),
    minSamples: numberIn(env, 'INSIGHT_MIN_SAMPLES', 50, 1, 1_000_000, problems),
  };
}
