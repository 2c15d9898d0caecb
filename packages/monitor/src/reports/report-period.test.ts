import { describe, expect, it } from 'vitest';
import { MonitorError } from '../metrics/monitor-error.ts';
import { resolveReportPeriod } from './report-period.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

describe('resolveReportPeriod', () => {
  it('starts a day at local midnight in a non-UTC zone', () => {
    // 2026-07-15 01:30 in Tokyo is still 2026-07-14 in UTC.
    const period = resolveReportPeriod({
      kind: 'day',
      at: Date.parse('2026-07-14T16:30:00Z'),
      timeZone: 'Asia/Tokyo',
    });
    expect(iso(period.from)).toBe('2026-07-14T15:00:00.000Z');
    expect(iso(period.to)).toBe('2026-07-15T15:00:00.000Z');
    expect(iso(period.previousFrom)).toBe('2026-07-13T15:00:00.000Z');
    expect(period.label).toBe('2026-07-15');
  });

  it('gives the spring-forward day 23 hours and the autumn day 25 (Europe/Paris)', () => {
    const spring = resolveReportPeriod({
      kind: 'day',
      at: Date.parse('2026-03-29T12:00:00Z'),
      timeZone: 'Europe/Paris',
    });
    expect(iso(spring.from)).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(spring.to)).toBe('2026-03-29T22:00:00.000Z');
    expect(spring.to - spring.from).toBe(23 * HOUR);
    expect(spring.previousTo - spring.previousFrom).toBe(24 * HOUR);

    const autumn = resolveReportPeriod({
      kind: 'day',
      at: Date.parse('2026-10-25T12:00:00Z'),
      timeZone: 'Europe/Paris',
    });
    expect(autumn.to - autumn.from).toBe(25 * HOUR);
  });

  it('runs weeks from Monday and months over the DST change in New York', () => {
    const week = resolveReportPeriod({
      kind: 'week',
      at: Date.parse('2026-03-11T12:00:00Z'), // a Wednesday; DST began Sunday 8 March
      timeZone: 'America/New_York',
    });
    expect(iso(week.from)).toBe('2026-03-09T04:00:00.000Z');
    expect(iso(week.previousFrom)).toBe('2026-03-02T05:00:00.000Z');
    expect(week.previousTo - week.previousFrom).toBe(7 * 24 * HOUR - HOUR);
    expect(week.label).toBe('Week of 2026-03-09');

    const month = resolveReportPeriod({
      kind: 'month',
      at: Date.parse('2026-03-01T03:00:00Z'), // still 28 February in New York
      timeZone: 'America/New_York',
    });
    expect(month.label).toBe('2026-02');
    expect(iso(month.from)).toBe('2026-02-01T05:00:00.000Z');
    expect(iso(month.to)).toBe('2026-03-01T05:00:00.000Z');
    expect(iso(month.previousFrom)).toBe('2026-01-01T05:00:00.000Z');
  });

  it('compares a custom range with the same length just before it', () => {
    const from = Date.parse('2026-05-01T10:00:00Z');
    const period = resolveReportPeriod({
      kind: 'custom',
      at: 0,
      range: { from, to: from + 3 * HOUR },
    });
    expect(period.previousFrom).toBe(from - 3 * HOUR);
    expect(period.previousTo).toBe(from);
  });

  it('refuses an unknown zone and an empty custom range with a clear message', () => {
    expect(() => resolveReportPeriod({ kind: 'day', at: 0, timeZone: 'Mars/Olympus' })).toThrow(
      new MonitorError('INVALID_QUERY', 'unknown time zone "Mars/Olympus"'),
    );
    expect(() => resolveReportPeriod({ kind: 'custom', at: 0, range: { from: 5, to: 5 } })).toThrow(
      'a custom period needs a range with from < to',
    );
  });
});
