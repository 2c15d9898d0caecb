import { describe, expect, it } from 'vitest';
import { roundTo } from './round.ts';

describe('roundTo', () => {
  it('rounds decimal ties up, where naive scaling rounds them down', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(0.285, 2)).toBe(0.29);
    expect(roundTo(84.56659619, 1)).toBe(84.6);
  });

  it('rounds negative ties away from zero and never returns -0', () => {
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(Object.is(roundTo(-0.001, 1), 0)).toBe(true);
  });

  it('handles exponent notation and non-finite values', () => {
    expect(roundTo(1e-7, 3)).toBe(0);
    expect(roundTo(1e21, 1)).toBe(1e21);
    expect(roundTo(Number.NaN, 1)).toBeNaN();
    expect(roundTo(Number.POSITIVE_INFINITY, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});
