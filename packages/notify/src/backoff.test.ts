import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBackoff, DEFAULT_BACKOFF } from './backoff.ts';

describe('computeBackoff', () => {
  const middle = (): number => 0.5;

  it('doubles from 1 s and stops at 5 minutes', () => {
    const delays = [1, 2, 3, 4, 8, 9, 10, 50].map((attempt) =>
      computeBackoff(attempt, DEFAULT_BACKOFF, middle),
    );
    expect(delays).toEqual([1000, 2000, 4000, 8000, 128_000, 256_000, 300_000, 300_000]);
  });

  it('spreads by ±20 % with the default jitter', () => {
    expect(computeBackoff(3, DEFAULT_BACKOFF, () => 0)).toBe(3200);
    expect(computeBackoff(3, DEFAULT_BACKOFF, () => 0.999_999)).toBe(4800);
  });

  it('stays within [delay·(1−jitter), min(max, delay·(1+jitter))] for any input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, random, jitter) => {
          const policy = { ...DEFAULT_BACKOFF, jitter };
          const nominal = Math.min(policy.maxMs, policy.baseMs * policy.factor ** (attempt - 1));
          const delay = computeBackoff(attempt, policy, () => random);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(nominal * (1 - jitter)));
          expect(delay).toBeLessThanOrEqual(
            Math.min(policy.maxMs, Math.ceil(nominal * (1 + jitter))),
          );
        },
      ),
    );
  });
});
