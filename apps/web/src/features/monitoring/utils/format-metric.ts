/** Formatting of dashboard numbers. `null` is "no data", never zero. */
import { formatCompact, formatDecimal } from '../../../lib/number-format.ts';

export const NO_DATA = 'no data';

// en-US without `Intl`: its first use loads the ICU data in one long task (lib/number-format.ts).
const decimals = (max: number) => ({ format: (value: number) => formatDecimal(value, max) });
const one = decimals(1);
const whole = decimals(0);
const compact = { format: (value: number) => formatCompact(value, 1) };

/** `12.3 ms`, `1.24 s`. */
export const formatMs = (ms: number | null): string => {
  if (ms === null) return NO_DATA;
  if (ms >= 1000) return `${decimals(2).format(ms / 1000)} s`;
  return `${ms < 10 ? decimals(2).format(ms) : one.format(ms)} ms`;
};

/** `0.0123` → `1.23%`. */
export const formatRatio = (ratio: number | null): string => {
  if (ratio === null) return NO_DATA;
  const percent = ratio * 100;
  return `${percent !== 0 && Math.abs(percent) < 1 ? decimals(2).format(percent) : one.format(percent)}%`;
};

export const formatMB = (mb: number | null): string =>
  mb === null ? NO_DATA : `${one.format(mb)} MB`;

export const formatCount = (count: number | null): string =>
  count === null ? NO_DATA : count >= 10_000 ? compact.format(count) : whole.format(count);

export const formatRate = (perSecond: number | null): string =>
  perSecond === null ? NO_DATA : `${decimals(perSecond < 10 ? 2 : 1).format(perSecond)} req/s`;

/** `3 d 4 h`, `2 h 5 min`, `42 s`. */
export const formatDuration = (seconds: number): string => {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min ${Math.floor(seconds % 60)} s`;
  return `${Math.floor(seconds)} s`;
};

/** `just now`, `5 min ago`, `3 h ago`. */
export const formatAge = (fromMs: number, nowMs: number): string => {
  const seconds = Math.max(0, Math.round((nowMs - fromMs) / 1000));
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} d ago`;
};
