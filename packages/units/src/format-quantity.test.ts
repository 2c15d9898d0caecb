import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuantity } from './format-quantity.ts';
import { DURATION_SCALE, SCALED_UNITS, SIZE_SCALE } from './unit-scales.ts';

describe('formatQuantity', () => {
  it.each([
    [0.0267, 'ratio', '2.67 %'],
    [1, 'ratio', '100 %'],
    [2.5, 'percent', '2.50 %'],
    [1.804, 'ms', '1.80 ms'],
    [2000, 'ms', '2.00 s'],
    [999.96, 'ms', '1.00 s'],
    [0.25, 'ms', '250 µs'],
    [90, 's', '1.50 min'],
    [7200, 's', '2.00 h'],
    [0, 'ms', '0 ms'],
    [512, 'bytes', '512 B'],
    [1536, 'bytes', '1.50 KiB'],
    [87.5, 'MB', '87.5 MiB'],
    [2048, 'MB', '2.00 GiB'],
    [1_234_567, '', '1,234,567'],
    [12.345, '', '12.3'],
    [3.5, 'req', '3.50 req'],
    [-0.5, 'ratio', '-50.0 %'],
  ])('%s %s reads %s', (value, unit, text) => {
    expect(formatQuantity(value, unit)).toBe(text);
  });

  it('says "no data" for null, NaN and infinities, never a number', () => {
    for (const value of [null, undefined, Number.NaN, Infinity, -Infinity]) {
      expect(formatQuantity(value, 'ms')).toBe('no data');
    }
  });

  it('drops trailing zeros when asked, keeps grouping in another locale', () => {
    expect(formatQuantity(2000, 'ms', { trimZeros: true })).toBe('2 s');
    expect(formatQuantity(1234.5, '', { locale: 'de-DE' })).toBe('1.235');
  });
});

/** The number at the start of a formatted quantity, separators removed. */
function leadingNumber(text: string): number {
  return Number(text.split(' ')[0]!.replaceAll(',', ''));
}

const scaledUnits = fc.constantFrom(...Object.keys(SCALED_UNITS));
const magnitudes = fc.double({ min: 1e-6, max: 1e12, noNaN: true });

describe('formatQuantity properties', () => {
  it('reads back to the value within the rounding of 3 significant digits', () => {
    fc.assert(
      fc.property(scaledUnits, magnitudes, fc.boolean(), (unit, magnitude, negative) => {
        const value = negative ? -magnitude : magnitude;
        const text = formatQuantity(value, unit);
        const symbol = text.split(' ')[1]!;
        const scale = [DURATION_SCALE, SIZE_SCALE].find((s) =>
          s.steps.some((step) => step.symbol === symbol),
        )!;
        const step = scale.steps.find((candidate) => candidate.symbol === symbol)!;
        const readBack = (leadingNumber(text) * step.size) / SCALED_UNITS[unit]!.size;
        expect(Math.abs(readBack - value)).toBeLessThanOrEqual(Math.abs(value) * 0.005 + 1e-12);
      }),
    );
  });

  it('shows a scaled value below the next step, so 1000 ms is never written', () => {
    fc.assert(
      fc.property(scaledUnits, magnitudes, (unit, value) => {
        const text = formatQuantity(value, unit);
        const symbol = text.split(' ')[1]!;
        const steps = SCALED_UNITS[unit]!.scale.steps;
        const index = steps.findIndex((step) => step.symbol === symbol);
        const next = steps[index + 1];
        if (next !== undefined) {
          expect(leadingNumber(text)).toBeLessThan(next.size / steps[index]!.size);
        }
      }),
    );
  });

  it('keeps 3 significant digits below 1000 and whole numbers above, never an exponent', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (value) => {
        const text = formatQuantity(value, '');
        expect(text).not.toMatch(/e|NaN|Infinity/);
        const digits = text.replace(/[-,.]/g, '').replace(/^0+/, '');
        if (Math.abs(leadingNumber(text)) < 1000 && digits !== '') {
          expect(digits.length).toBe(3);
        } else if (digits !== '') {
          expect(text).not.toContain('.');
        }
      }),
    );
  });

  it('writes a ratio as a hundred times its value in percent', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), (ratio) => {
        expect(formatQuantity(ratio, 'ratio')).toBe(formatQuantity(ratio * 100, 'percent'));
      }),
    );
  });
});
