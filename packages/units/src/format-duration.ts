import { formatNumber, roundSignificant } from './number-text.ts';
import { NO_DATA_TEXT } from './unit-scales.ts';

/** Whole-duration units, largest first, in seconds. */
export const DURATION_PARTS: readonly { readonly symbol: string; readonly seconds: number }[] = [
  { symbol: 'd', seconds: 86_400 },
  { symbol: 'h', seconds: 3600 },
  { symbol: 'min', seconds: 60 },
  { symbol: 's', seconds: 1 },
];

/**
 * A length of time as a person says it, for windows and `for` durations: `300` → `5 min`,
 * `30` → `30 s`, `3600` → `1 h`, `5400` → `1 h 30 min` (at most two parts, the second rounded),
 * under a second in ms (`0.25` → `250 ms`). Negative lengths read as their size with a minus.
 * `NaN` and ±Infinity are `no data`.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return NO_DATA_TEXT;
  if (seconds < 0) return `-${formatDuration(-seconds)}`;
  if (seconds === 0) return '0 s';
  if (roundSignificant(seconds * 1000) < 1000)
    return `${formatNumber(seconds * 1000, { trimZeros: true })} ms`;
  const whole = Math.round(seconds);
  const first = DURATION_PARTS.findIndex((part) => whole >= part.seconds);
  const major = DURATION_PARTS[first]!;
  const minor = DURATION_PARTS[first + 1];
  let majorCount = Math.floor(whole / major.seconds);
  let minorCount = minor === undefined ? 0 : Math.round((whole % major.seconds) / minor.seconds);
  if (minor !== undefined && minorCount * minor.seconds >= major.seconds) {
    majorCount += 1;
    minorCount = 0;
  }
  const majorText = `${formatNumber(majorCount, { significantDigits: 15, trimZeros: true })} ${major.symbol}`;
  return minor === undefined || minorCount === 0
    ? majorText
    : `${majorText} ${minorCount} ${minor.symbol}`;
}
