import { MonitorError } from '../metrics/monitor-error.ts';

/** The lengths of report a schedule or a query can ask for. */
export const REPORT_PERIOD_KINDS = ['day', 'week', 'month', 'custom'] as const;

/** A calendar day, an ISO week (Monday first), a calendar month, or an explicit range. */
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

/**
 * The range a report covers and the one it is compared with, epoch ms, `[from, to)`. Calendar
 * periods start at local midnight in `timeZone`, so a day across a DST change lasts 23 or 25 hours.
 */
export interface ReportPeriod {
  kind: ReportPeriodKind;
  timeZone: string;
  from: number;
  to: number;
  /** The previous period of the same kind (a custom range: the same length just before). */
  previousFrom: number;
  previousTo: number;
  /** Human label in `timeZone`, e.g. `2026-03-29`, `Week of 2026-03-23`, `2026-03`. */
  label: string;
}

/** What {@link resolveReportPeriod} needs. */
export interface ReportPeriodQuery {
  kind: ReportPeriodKind;
  /** Any instant inside the wanted period (calendar kinds). */
  at: number;
  /** IANA zone, e.g. `Europe/Paris`. @default 'UTC' */
  timeZone?: string | undefined;
  /** Explicit range of a `custom` period. */
  range?: { from: number; to: number } | undefined;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether `timeZone` names a zone this runtime knows (IANA names, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of `ms` in `timeZone`, as if it were UTC (epoch ms). */
function wallClockOf(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts['year'] ?? 1970,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
}

/** The local calendar date of `ms` in `timeZone`. */
function localDateOf(ms: number, timeZone: string): LocalDate {
  const wall = new Date(wallClockOf(ms, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/**
 * The instant of local midnight starting `date` in `timeZone`. The zone's offset is read at a
 * first guess and read again at the result, which settles it on both sides of a DST change.
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  let instant = wall - (wallClockOf(wall, timeZone) - wall);
  const corrected = wall - (wallClockOf(instant, timeZone) - instant);
  if (corrected !== instant) instant = corrected;
  // A zone that skips midnight (DST at 00:00) starts the day at the first instant that exists.
  while (localDateOf(instant, timeZone).day !== date.day) instant += 30 * 60_000;
  return instant;
}

/** Adds calendar days to a local date (month and year roll over). */
function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

const pad = (value: number) => String(value).padStart(2, '0');
const isoDate = (date: LocalDate) => `${date.year}-${pad(date.month)}-${pad(date.day)}`;

/** First local day of the calendar period of `kind` holding `date`, and of the next one. */
function calendarBounds(kind: 'day' | 'week' | 'month', date: LocalDate) {
  if (kind === 'day') return { start: date, next: addDays(date, 1), previous: addDays(date, -1) };
  if (kind === 'week') {
    const weekday = (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
    const start = addDays(date, -weekday);
    return { start, next: addDays(start, 7), previous: addDays(start, -7) };
  }
  const start = { year: date.year, month: date.month, day: 1 };
  const next =
    date.month === 12
      ? { year: date.year + 1, month: 1, day: 1 }
      : { ...start, month: date.month + 1 };
  const previous =
    date.month === 1
      ? { year: date.year - 1, month: 12, day: 1 }
      : { ...start, month: date.month - 1 };
  return { start, next, previous };
}

function labelOf(kind: 'day' | 'week' | 'month', start: LocalDate): string {
  if (kind === 'day') return isoDate(start);
  if (kind === 'week') return `Week of ${isoDate(start)}`;
  return `${start.year}-${pad(start.month)}`;
}

/**
 * The period of `kind` holding `at` in `timeZone`, with the previous one for comparison. Throws
 * `MonitorError` (`INVALID_QUERY`) for an unknown zone, a bad instant, or a custom period without
 * a range whose `from` is before its `to`.
 */
export function resolveReportPeriod(query: ReportPeriodQuery): ReportPeriod {
  const timeZone = query.timeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) {
    throw new MonitorError('INVALID_QUERY', `unknown time zone ${JSON.stringify(timeZone)}`);
  }
  if (query.kind === 'custom') {
    const range = query.range;
    if (range === undefined || !(Number.isFinite(range.from) && range.from < range.to)) {
      throw new MonitorError('INVALID_QUERY', 'a custom period needs a range with from < to');
    }
    const length = range.to - range.from;
    return {
      kind: 'custom',
      timeZone,
      from: range.from,
      to: range.to,
      previousFrom: range.from - length,
      previousTo: range.from,
      label: `${isoDate(localDateOf(range.from, timeZone))} – ${isoDate(localDateOf(range.to - 1, timeZone))}`,
    };
  }
  if (!Number.isFinite(query.at)) throw new MonitorError('INVALID_QUERY', 'at must be an instant');
  const bounds = calendarBounds(query.kind, localDateOf(query.at, timeZone));
  const from = startOfLocalDay(bounds.start, timeZone);
  return {
    kind: query.kind,
    timeZone,
    from,
    to: startOfLocalDay(bounds.next, timeZone),
    previousFrom: startOfLocalDay(bounds.previous, timeZone),
    previousTo: from,
    label: labelOf(query.kind, bounds.start),
  };
}
