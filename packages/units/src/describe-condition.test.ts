import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCondition, formatStatValue } from './describe-condition.ts';

const FIVE_MINUTES_MS = 5 * 60_000;

describe('describeCondition', () => {
  it('writes a latency rule in one unit: threshold in seconds like its values', () => {
    expect(
      describeCondition({
        stat: 'p95',
        windowMs: FIVE_MINUTES_MS,
        comparison: '>',
        threshold: 2000,
        forMs: FIVE_MINUTES_MS,
        unit: 'ms',
      }),
    ).toBe('p95 over 5 min > 2 s for 5 min');
  });

  it('writes a ratio threshold in percent, names the metric and reads GraphQL enums', () => {
    expect(
      describeCondition({
        metric: 'api.errorRate',
        stat: 'AVG',
        windowMs: 60_000,
        comparison: 'GTE',
        threshold: 0.05,
        unit: 'ratio',
      }),
    ).toBe('avg of api.errorRate over 1 min ≥ 5 %');
  });

  it('counts samples for count and per second for rate, whatever the unit', () => {
    const base = { windowMs: 3_600_000, comparison: '<' as const, threshold: 1500, unit: 'ms' };
    expect(describeCondition({ ...base, stat: 'count' })).toBe('count over 1 h < 1,500');
    expect(describeCondition({ ...base, stat: 'rate', unit: '', threshold: 2.5 })).toBe(
      'rate over 1 h < 2.5 /s',
    );
  });

  it('shows the threshold as formatStatValue shows values, zeros trimmed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('p95', 'avg', 'max', 'count', 'rate', 'last'),
        fc.constantFrom('ms', 's', 'ratio', 'percent', 'MB', 'bytes', ''),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        (stat, unit, threshold) => {
          const text = describeCondition({
            stat,
            unit,
            threshold,
            windowMs: FIVE_MINUTES_MS,
            comparison: '>',
            forMs: 0,
          });
          expect(text).toBe(
            `${stat} over 5 min > ${formatStatValue(threshold, stat, unit, { trimZeros: true })}`,
          );
          expect(text).not.toMatch(/\.\d*0( |$)/);
        },
      ),
    );
  });
});
