import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DURATION_PARTS, formatDuration } from './format-duration.ts';

describe('formatDuration', () => {
  it.each([
    [300, '5 min'],
    [30, '30 s'],
    [3600, '1 h'],
    [5400, '1 h 30 min'],
    [86_400, '1 d'],
    [604_800, '7 d'],
    [90, '1 min 30 s'],
    [3599.6, '1 h'],
    [0.25, '250 ms'],
    [0, '0 s'],
    [-60, '-1 min'],
  ])('%s s reads %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('says "no data" for NaN', () => {
    expect(formatDuration(Number.NaN)).toBe('no data');
  });

  it('reads back within half of its smaller part, with at most two parts', () => {
    const sizes = new Map(DURATION_PARTS.map((part) => [part.symbol, part.seconds]));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 * 86_400 }), (seconds) => {
        const tokens = formatDuration(seconds).split(' ');
        expect(tokens.length === 2 || tokens.length === 4).toBe(true);
        let readBack = 0;
        let smallest = Infinity;
        for (let i = 0; i < tokens.length; i += 2) {
          const size = sizes.get(tokens[i + 1]!)!;
          readBack += Number(tokens[i]!.replaceAll(',', '')) * size;
          smallest = Math.min(smallest, size);
        }
        expect(Math.abs(readBack - seconds)).toBeLessThanOrEqual(smallest / 2);
      }),
    );
  });
});
