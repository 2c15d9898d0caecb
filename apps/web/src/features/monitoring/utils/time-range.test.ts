import { describe, expect, it } from 'vitest';
import {
  parseTimeRange,
  resolveTimeRange,
  stepSecondsFor,
  withTimeRange,
  zoomOut,
} from './time-range.ts';

const NOW = Date.parse('2026-11-27T12:00:00.000Z');

describe('time range in the URL', () => {
  it('reads presets and absolute ranges, and falls back to the last hour', () => {
    expect(parseTimeRange(new URLSearchParams('range=6h'))).toEqual({
      kind: 'relative',
      preset: '6h',
    });
    expect(parseTimeRange(new URLSearchParams('range=bogus'))).toEqual({
      kind: 'relative',
      preset: '1h',
    });
    expect(parseTimeRange(new URLSearchParams(`from=2026-11-27T10:00:00Z&to=${NOW}`))).toEqual({
      kind: 'absolute',
      from: Date.parse('2026-11-27T10:00:00Z'),
      to: NOW,
    });
    // A range shorter than a minute (or reversed) is not a range.
    expect(
      parseTimeRange(new URLSearchParams('from=2026-11-27T10:00:00Z&to=2026-11-27T10:00:10Z')).kind,
    ).toBe('relative');
  });

  it('writes the range while keeping other parameters such as kiosk', () => {
    const written = withTimeRange(new URLSearchParams('kiosk&range=5m'), {
      kind: 'absolute',
      from: NOW - 3_600_000,
      to: NOW,
    });
    expect(written.toString()).toBe(
      'kiosk=&from=2026-11-27T11%3A00%3A00.000Z&to=2026-11-27T12%3A00%3A00.000Z',
    );
    expect(withTimeRange(written, { kind: 'relative', preset: '1h' }).toString()).toBe('kiosk=');
    expect(parseTimeRange(written)).toEqual({ kind: 'absolute', from: NOW - 3_600_000, to: NOW });
  });

  it('resolves relative ranges against the given now', () => {
    expect(resolveTimeRange({ kind: 'relative', preset: '15m' }, NOW)).toEqual({
      from: NOW - 900_000,
      to: NOW,
    });
  });

  it('picks a step of at least a minute that gives about 120 points', () => {
    expect(stepSecondsFor(5 * 60_000)).toBe(60);
    expect(stepSecondsFor(3_600_000)).toBe(60);
    expect(stepSecondsFor(24 * 3_600_000)).toBe(900);
    expect(stepSecondsFor(7 * 24 * 3_600_000)).toBe(7200);
  });

  it('zooms out to twice the span around the centre without passing now', () => {
    expect(zoomOut({ from: NOW - 7_200_000, to: NOW - 3_600_000 }, NOW)).toEqual({
      kind: 'absolute',
      from: NOW - 9_000_000,
      to: NOW - 1_800_000,
    });
    expect(zoomOut({ from: NOW - 3_600_000, to: NOW }, NOW)).toEqual({
      kind: 'absolute',
      from: NOW - 7_200_000,
      to: NOW,
    });
  });
});
