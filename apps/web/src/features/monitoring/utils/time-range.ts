/** Relative ranges offered by the picker, ending now. */
export const RANGE_PRESETS = {
  '5m': 5 * 60_000,
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
} as const;

export type RangePreset = keyof typeof RANGE_PRESETS;

export const DEFAULT_RANGE_PRESET: RangePreset = '1h';

/** A chart's time range: relative (moves with the clock) or absolute (locked). */
export type TimeRange =
  { kind: 'relative'; preset: RangePreset } | { kind: 'absolute'; from: number; to: number };

/** The shortest range a zoom may produce: one step of the finest resolution. */
export const MIN_RANGE_MS = 60_000;

/** Steps a chart may use; the server's finest resolution is one minute. */
const STEPS_SECONDS = [60, 120, 300, 600, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400];

/** About this many points per chart: enough detail, cheap to draw on every tick. */
export const TARGET_POINTS = 120;

const isPreset = (value: string): value is RangePreset => Object.hasOwn(RANGE_PRESETS, value);

const parseTime = (raw: string | null): number | null => {
  if (raw === null || raw === '') return null;
  const value = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  return Number.isFinite(value) ? value : null;
};

/** Reads `?range=6h` or `?from=…&to=…` (ISO 8601 or epoch ms); anything else is the default. */
export function parseTimeRange(params: URLSearchParams): TimeRange {
  const from = parseTime(params.get('from'));
  const to = parseTime(params.get('to'));
  if (from !== null && to !== null && to - from >= MIN_RANGE_MS) {
    return { kind: 'absolute', from, to };
  }
  const preset = params.get('range') ?? '';
  return { kind: 'relative', preset: isPreset(preset) ? preset : DEFAULT_RANGE_PRESET };
}

/** Writes the range into `params` (a copy), keeping every other parameter such as `kiosk`. */
export function withTimeRange(params: URLSearchParams, range: TimeRange): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('range');
  next.delete('from');
  next.delete('to');
  if (range.kind === 'absolute') {
    next.set('from', new Date(range.from).toISOString());
    next.set('to', new Date(range.to).toISOString());
  } else if (range.preset !== DEFAULT_RANGE_PRESET) {
    next.set('range', range.preset);
  }
  return next;
}

/** The range as instants, with `now` for relative ones. */
export function resolveTimeRange(range: TimeRange, now: number): { from: number; to: number } {
  if (range.kind === 'absolute') return { from: range.from, to: range.to };
  return { from: now - RANGE_PRESETS[range.preset], to: now };
}

/** A step (seconds, ≥ 60) that gives about {@link TARGET_POINTS} points over the span. */
export function stepSecondsFor(spanMs: number): number {
  const wanted = spanMs / 1000 / TARGET_POINTS;
  return STEPS_SECONDS.find((step) => step >= wanted) ?? STEPS_SECONDS.at(-1)!;
}

/**
 * Twice the span around the same centre (Grafana's "zoom out"), never reaching past `now`.
 */
export function zoomOut(range: { from: number; to: number }, now: number): TimeRange {
  const span = range.to - range.from;
  let to = range.to + span / 2;
  let from = range.from - span / 2;
  if (to > now) {
    from -= to - now;
    to = now;
  }
  return { kind: 'absolute', from: Math.round(from), to: Math.round(to) };
}

/** "Last 1 hour", "27 Nov 10:00 – 11:00". */
export function describeTimeRange(range: TimeRange): string {
  if (range.kind === 'relative') {
    const labels: Record<RangePreset, string> = {
      '5m': 'Last 5 minutes',
      '15m': 'Last 15 minutes',
      '1h': 'Last hour',
      '6h': 'Last 6 hours',
      '24h': 'Last 24 hours',
      '7d': 'Last 7 days',
    };
    return labels[range.preset];
  }
  const format = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: range.to - range.from < 10 * 60_000 ? '2-digit' : undefined,
  });
  return `${format.format(range.from)} – ${format.format(range.to)}`;
}
