import type { SeriesState } from './metric-state.ts';
import type { RetentionOptions } from './registry-options.ts';
import type { RollupStore } from './rollup-store.ts';
import type { StatsAccumulator } from './stats-accumulator.ts';
import { FIVE_MINUTES_MS, HOUR_MS, MINUTE_MS, ceilTo, floorTo } from './windows.ts';
import type { TimeRange } from './windows.ts';

/**
 * Where each resolution is complete for queries at `now` (computed once per query):
 * minute rollups from `minuteFrom` on, 5-minute rollups from `fiveFrom` to `minuteFrom`, hourly
 * rollups before `fiveFrom`. Both horizons are aligned to the coarser resolution below them, so no
 * rollup straddles two regions. Hours starting before `hourDone` are complete (hence sealed).
 */
export interface CoverPlan {
  readonly now: number;
  readonly liveStart: number;
  /** When the registry's data begins: its creation, or its oldest loaded rollup. */
  readonly dataSince: number;
  readonly minuteFrom: number;
  readonly fiveFrom: number;
  readonly hourDone: number;
}

/** The {@link CoverPlan} of a query at `now`. */
export function coverPlan(
  now: number,
  liveStart: number,
  retention: RetentionOptions,
  dataSince: number,
): CoverPlan {
  const fiveFrom = ceilTo(now - retention.fiveMinuteMs, HOUR_MS);
  const minuteFrom = Math.max(ceilTo(now - retention.minuteMs, FIVE_MINUTES_MS), fiveFrom);
  const hourDone = floorTo(liveStart, HOUR_MS);
  return { now, liveStart, dataSince, minuteFrom, fiveFrom, hourDone };
}

/** The rollup resolution that the part of a range at `ms` is read at. */
const resolutionAt = (ms: number, plan: CoverPlan): number =>
  ms >= plan.minuteFrom ? MINUTE_MS : ms >= plan.fiveFrom ? FIVE_MINUTES_MS : HOUR_MS;

/**
 * An explicit range widened to whole rollup buckets: `from` rounded down and `to` up to the
 * resolution each end is read at (minutes over the minute retention, 5 minutes or hours further
 * back). A bucket counts entirely or not at all, so the statistics are exactly those of the
 * returned range, whatever second the asked range started at.
 */
export function alignRange(from: number, to: number, plan: CoverPlan): TimeRange {
  return { from: floorTo(from, resolutionAt(from, plan)), to: ceilTo(to, resolutionAt(to, plan)) };
}

/**
 * Adds to `accumulator` the data of `series` in buckets starting in `[from, to)`. Each part of the
 * range is read at the finest resolution still kept there, but whole complete hours are read from
 * their (equal, sealed) hourly rollups, so a 24 h window merges about 23 hourly rollups plus at
 * most a few dozen finer ones at its edges, and 7 days about 170.
 */
export function accumulateSeries(
  series: SeriesState,
  from: number,
  to: number,
  plan: CoverPlan,
  accumulator: StatsAccumulator,
): void {
  const live = plan.liveStart;
  if (live >= from && live < to && series.liveCount > 0) {
    accumulator.addSummary(
      series.liveCount,
      series.liveSum,
      series.liveMin,
      series.liveMax,
      series.last,
      series.lastAt,
    );
    if (series.sketch !== null) accumulator.sketch?.mergeBuckets(series.sketch);
  }
  const { minuteFrom, fiveFrom } = plan;
  region(
    series.minutes,
    series.hours,
    Math.max(from, minuteFrom),
    to,
    MINUTE_MS,
    plan,
    accumulator,
  );
  region(
    series.fiveMinutes,
    series.hours,
    Math.max(from, fiveFrom),
    Math.min(to, minuteFrom),
    FIVE_MINUTES_MS,
    plan,
    accumulator,
  );
  region(series.hours, series.hours, from, Math.min(to, fiveFrom), HOUR_MS, plan, accumulator);
}

/**
 * Seconds covered by the buckets of `[from, to)` from when the data begins up to `now` (bucket
 * edges at the resolution each end of the range is read at): the divisor of `rate`, so a fresh
 * instance's rate is not diluted by the part of the window before it started.
 */
export function coveredSeconds(from: number, to: number, plan: CoverPlan): number {
  const edge = (ms: number) => ceilTo(ms, resolutionAt(ms, plan));
  return (Math.min(edge(to), plan.now) - Math.max(edge(from), plan.dataSince)) / 1000;
}

/**
 * Buckets of `granularity` starting in `[from, to)`: whole complete hours from hourly rollups, the
 * rest from `finer` (minute rollups in the minute region, 5-minute rollups in the 5-minute region).
 */
function region(
  finer: RollupStore,
  hours: RollupStore,
  from: number,
  to: number,
  granularity: number,
  plan: CoverPlan,
  accumulator: StatsAccumulator,
): void {
  const start = ceilTo(from, granularity);
  const end = ceilTo(to, granularity);
  if (start >= end) return;
  const hourStart = ceilTo(start, HOUR_MS);
  const hourEnd = Math.min(floorTo(end, HOUR_MS), plan.hourDone);
  if (hourStart < hourEnd) {
    if (start < hourStart) finer.accumulate(start, hourStart, accumulator);
    hours.accumulate(hourStart, hourEnd, accumulator);
    if (hourEnd < end) finer.accumulate(hourEnd, end, accumulator);
  } else {
    finer.accumulate(start, end, accumulator);
  }
}
