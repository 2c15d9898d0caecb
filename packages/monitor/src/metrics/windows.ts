import { MonitorError } from './monitor-error.ts';

/** One minute, the width of a live bucket and of the finest rollup. */
export const MINUTE_MS = 60_000;
/** Five minutes, the middle rollup resolution. */
export const FIVE_MINUTES_MS = 5 * MINUTE_MS;
/** One hour, the coarsest rollup resolution. */
export const HOUR_MS = 60 * MINUTE_MS;

/** Rollup resolutions, finest first. */
export type Resolution = '1m' | '5m' | '1h';

/** Width of each {@link Resolution} in milliseconds. */
export const RESOLUTION_MS: Readonly<Record<Resolution, number>> = {
  '1m': MINUTE_MS,
  '5m': FIVE_MINUTES_MS,
  '1h': HOUR_MS,
};

/** Length of each named window. */
export const WINDOW_DURATIONS = {
  '1m': MINUTE_MS,
  '5m': FIVE_MINUTES_MS,
  '15m': 15 * MINUTE_MS,
  '1h': HOUR_MS,
  '6h': 6 * HOUR_MS,
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
} as const satisfies Record<string, number>;

/** A named window: the live minute plus that many closed minutes before it. */
export type WindowName = keyof typeof WINDOW_DURATIONS;

/** An explicit range of epoch milliseconds; a bucket belongs to it when `from <= start < to`. */
export interface TimeRange {
  from: number;
  to: number;
}

/** What a statistic is computed over. */
export type Window = WindowName | TimeRange;

/** Rounds `ms` down to a multiple of `step`. */
export const floorTo = (ms: number, step: number): number => Math.floor(ms / step) * step;

/** Rounds `ms` up to a multiple of `step`. */
export const ceilTo = (ms: number, step: number): number => Math.ceil(ms / step) * step;

/** Whether `value` is one of the named windows. */
export function isWindowName(value: unknown): value is WindowName {
  return typeof value === 'string' && Object.hasOwn(WINDOW_DURATIONS, value);
}

/**
 * The bucket range a window covers at time `now`. A named window of length `d` is
 * `[minute(now) - d, minute(now) + 1 min)`: the live minute plus `d` worth of closed minutes, so a
 * rate never divides by a few seconds of a minute that just started. Throws `INVALID_QUERY` for an
 * unknown name or a range that is not two finite numbers with `from < to`.
 */
export function resolveWindow(window: Window, now: number): TimeRange {
  if (typeof window === 'string') {
    if (!isWindowName(window)) {
      throw new MonitorError(
        'INVALID_QUERY',
        `unknown window ${JSON.stringify(window)} (expected one of ${Object.keys(WINDOW_DURATIONS).join(', ')} or { from, to })`,
      );
    }
    const live = floorTo(now, MINUTE_MS);
    return { from: live - WINDOW_DURATIONS[window], to: live + MINUTE_MS };
  }
  if (
    typeof window !== 'object' ||
    !Number.isFinite(window.from) ||
    !Number.isFinite(window.to) ||
    window.from >= window.to
  ) {
    throw new MonitorError(
      'INVALID_QUERY',
      'a time range must be { from, to } with finite from < to',
    );
  }
  return { from: window.from, to: window.to };
}
