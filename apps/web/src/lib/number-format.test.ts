import { describe, expect, it } from 'vitest';
import { formatCompact, formatDecimal, formatPercent, formatUsdAmount } from './number-format.ts';

const intl = (options: Intl.NumberFormatOptions) => new Intl.NumberFormat('en-US', options);

/** Values a screen shows: small and large, ties, negative, zero and negative zero. */
const SAMPLES = [
  0, -0, 1, -1, 0.5, 1.005, 1.015, 2.675, 0.045, 0.0285, 0.125, 9.95, 9.995, 99.95, 999.95, 999.96,
  1000, 1234.5, 12_345.678, 99_999.95, 123_456_789.125, 999_960, 999_999_999, 1.5e12, 0.00049,
  -0.04, -1234.567, 42.1, 17.333333, 1e-7,
];
const randomSamples = Array.from({ length: 400 }, (_, index) => {
  const scale = 10 ** ((index % 14) - 4);
  return Math.round(Math.sin(index * 12.9898) * 43758.5453 * scale * 1000) / 1000;
});

describe('number formatting without Intl', () => {
  it('formats decimals exactly as Intl.NumberFormat en-US does', () => {
    for (const value of [...SAMPLES, ...randomSamples]) {
      for (const digits of [0, 1, 2]) {
        expect(formatDecimal(value, digits), `${value} (${digits})`).toBe(
          intl({ maximumFractionDigits: digits }).format(value),
        );
      }
      expect(formatDecimal(value, 2, 2)).toBe(
        intl({ maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(value),
      );
    }
  });

  it('formats dollars, percents and compact counts as Intl does', () => {
    const usd = intl({ style: 'currency', currency: 'USD' });
    const percent = intl({ style: 'percent', maximumFractionDigits: 1 });
    const compact = intl({ notation: 'compact', maximumFractionDigits: 1 });
    for (const value of [...SAMPLES, ...randomSamples]) {
      expect(formatUsdAmount(value), String(value)).toBe(usd.format(value));
      expect(formatPercent(value, 1), String(value)).toBe(percent.format(value));
      expect(formatCompact(value), String(value)).toBe(compact.format(value));
    }
  });

  it('leaves what is not a finite number to Intl', () => {
    expect(formatDecimal(Number.NaN, 1)).toBe('NaN');
    expect(formatDecimal(Number.POSITIVE_INFINITY, 1)).toBe('∞');
  });
});
