import { describe, expect, it } from 'vitest';
import { formatAxisTime, formatClockTime } from './clock-format.ts';

/** A local time on 27 November 2026 (the tests run in the machine's time zone). */
const at = (hours: number, minutes: number, seconds = 0) =>
  new Date(2026, 10, 27, hours, minutes, seconds);

describe('dashboard clock', () => {
  it('labels the time axis in the 24-hour clock: 00:05 is not 12:05', () => {
    expect(formatAxisTime(at(0, 5))).toBe('00:05');
    expect(formatAxisTime(at(12, 5))).toBe('12:05');
    expect(formatAxisTime(at(13, 0))).toBe('13:00');
    expect(formatAxisTime(at(23, 59))).toBe('23:59');
  });

  it('shows seconds when ticks fall between minutes, and the date where a day begins', () => {
    expect(formatAxisTime(at(0, 5, 30))).toBe('00:05:30');
    expect(formatAxisTime(at(0, 0))).toBe('27 Nov');
    expect(formatAxisTime(at(0, 0).getTime())).toBe('27 Nov');
  });

  it('writes the time of the latest update with seconds', () => {
    expect(formatClockTime(at(0, 0, 7))).toBe('00:00:07');
    expect(formatClockTime(at(21, 4, 59).getTime())).toBe('21:04:59');
  });
});
