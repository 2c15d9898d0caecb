import { HOUR_MS, MINUTE_MS } from '../metrics/windows.ts';
import { median, scaledMad } from './robust-stats.ts';

/** One value at one time (epoch ms), e.g. a minute's p95. */
export interface TimedValue {
  t: number;
  value: number;
}

/** What kind of anomaly: one point far off, or the level moved and stayed. */
export type AnomalyKind = 'spike' | 'level_shift';

/** Where the expected value came from: the same time in earlier seasons, or the recent past. */
export type AnomalyReference = 'seasonal' | 'trailing';

/** When a point is anomalous. */
export interface AnomalyPolicy {
  /** Robust z-score of a single point that makes a spike. @default 6 */
  spikeZ: number;
  /** Robust z-score every one of the last `shiftPoints` points must pass, the same way. @default 3 */
  shiftZ: number;
  /** Points a level shift must last. @default 5 */
  shiftPoints: number;
  /** Points of the trailing reference (before the last `shiftPoints`). @default 60 */
  trailingPoints: number;
  /** Points a reference needs before any verdict. @default 20 */
  minReference: number;
  /** The season (a day; a week for weekly cycles). @default 86_400_000 */
  seasonMs: number;
  /** Earlier seasons needed before the seasonal reference is used. @default 3 */
  minSeasons: number;
  /** The seasonal reference takes points this close to the same time of the season. @default 30 min */
  seasonalHalfWidthMs: number;
  /** The spread is floored at this share of the reference's median (flat series). @default 0.01 */
  minSpreadRatio: number;
}

/**
 * Defaults, as data. Stated false-positive rate: on stationary noise and on a clean daily cycle, at
 * most 0.1 % of evaluated points are flagged (tested on a week of minutes; in practice far fewer).
 */
export const DEFAULT_ANOMALY_POLICY: AnomalyPolicy = {
  spikeZ: 6,
  shiftZ: 3,
  shiftPoints: 5,
  trailingPoints: 60,
  minReference: 20,
  seasonMs: 24 * HOUR_MS,
  minSeasons: 3,
  seasonalHalfWidthMs: 30 * MINUTE_MS,
  minSpreadRatio: 0.01,
};

/** The documented false-positive rate of {@link DEFAULT_ANOMALY_POLICY}, as a share of points. */
export const ANOMALY_FALSE_POSITIVE_RATE = 0.001;

/** An anomalous last point. */
export interface Anomaly {
  kind: AnomalyKind;
  reference: AnomalyReference;
  at: number;
  value: number;
  /** The reference's median: what was expected. */
  expected: number;
  /** Robust z-score of the last point (signed). */
  zScore: number;
}

/** Index of the first point at or after `t` in sorted `history`. */
function lowerBound(history: readonly TimedValue[], t: number): number {
  let low = 0;
  let high = history.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (history[middle]!.t < t) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The seasonal reference of the point at `at`: the points within `seasonalHalfWidthMs` of the same
 * time in each earlier season; null without `minSeasons` seasons holding points.
 */
function seasonalReference(history: readonly TimedValue[], at: number, policy: AnomalyPolicy) {
  const values: number[] = [];
  let seasons = 0;
  const first = history[0]?.t ?? at;
  for (
    let target = at - policy.seasonMs;
    target + policy.seasonalHalfWidthMs >= first;
    target -= policy.seasonMs
  ) {
    const before = values.length;
    const end = target + policy.seasonalHalfWidthMs;
    for (
      let i = lowerBound(history, target - policy.seasonalHalfWidthMs);
      i < history.length && history[i]!.t <= end;
      i++
    ) {
      values.push(history[i]!.value);
    }
    if (values.length > before) seasons++;
  }
  return seasons >= policy.minSeasons ? values : null;
}

/**
 * Judges the last point of `history` (sorted by time; pure). The reference is the same time of
 * the season in earlier seasons when there are `minSeasons` of them, else the trailing
 * `trailingPoints` before the last `shiftPoints`. A level shift is `shiftPoints` points in a row
 * past `shiftZ` the same way; a spike is the last point alone past `spikeZ`. Null: nothing odd, or
 * not enough reference.
 */
export function detectAnomaly(
  history: readonly TimedValue[],
  policy: AnomalyPolicy = DEFAULT_ANOMALY_POLICY,
): Anomaly | null {
  const last = history[history.length - 1];
  if (last === undefined) return null;
  const recent = history.slice(-policy.shiftPoints);
  const seasonal = seasonalReference(history, last.t, policy);
  const reference =
    seasonal ??
    history
      .slice(0, -policy.shiftPoints)
      .slice(-policy.trailingPoints)
      .map((point) => point.value);
  if (reference.length < policy.minReference) return null;
  const center = median(reference)!;
  const spread = Math.max(scaledMad(reference)!, Math.abs(center) * policy.minSpreadRatio);
  if (spread === 0) return null;
  const scores = recent.map((point) => (point.value - center) / spread);
  const zScore = scores[scores.length - 1]!;
  const base = {
    reference: seasonal ? 'seasonal' : 'trailing',
    at: last.t,
    value: last.value,
    expected: center,
    zScore,
  } as const;
  const shifted =
    scores.length === policy.shiftPoints &&
    (scores.every((z) => z > policy.shiftZ) || scores.every((z) => z < -policy.shiftZ));
  if (shifted) return { kind: 'level_shift', ...base };
  if (Math.abs(zScore) > policy.spikeZ) return { kind: 'spike', ...base };
  return null;
}
