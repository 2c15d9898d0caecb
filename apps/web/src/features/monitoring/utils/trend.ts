/** Which way a metric should go. */
export type Better = 'up' | 'down' | 'neither';

export interface Trend {
  direction: 'up' | 'down' | 'flat';
  /** Relative change, e.g. 0.12 for +12 %; null when the previous value was 0. */
  change: number | null;
  /** Whether the change is good news, bad news or neither. */
  tone: 'good' | 'bad' | 'neutral';
}

/** Changes smaller than this (relative) are shown as flat. */
const FLAT_BELOW = 0.005;

/** The trend from `previous` to `current`; null when either is missing. */
export function trendOf(
  current: number | null,
  previous: number | null,
  better: Better,
): Trend | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  const change = previous === 0 ? null : delta / Math.abs(previous);
  const flat = change === null ? delta === 0 : Math.abs(change) < FLAT_BELOW;
  if (flat) return { direction: 'flat', change: change ?? 0, tone: 'neutral' };
  const direction = delta > 0 ? 'up' : 'down';
  const tone = better === 'neither' ? 'neutral' : direction === better ? 'good' : 'bad';
  return { direction, change, tone };
}
