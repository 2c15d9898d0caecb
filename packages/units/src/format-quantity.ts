import { formatNumber, roundSignificant } from './number-text.ts';
import type { NumberTextOptions } from './number-text.ts';
import { NO_DATA_TEXT, PERCENT_UNITS, SCALED_UNITS } from './unit-scales.ts';
import type { ScaledUnit } from './unit-scales.ts';

/** How {@link formatQuantity} writes a value. */
export type QuantityOptions = NumberTextOptions;

/** A value in a scale's step: the number to write and the step's symbol. */
interface ScaledValue {
  readonly value: number;
  readonly symbol: string;
}

/**
 * The step of the scale a person reads `value` (in the declared unit) in: the largest step the
 * rounded value reaches, so 999.96 ms is `1.00 s` rather than `1,000 ms`. Zero keeps the declared
 * unit's own step (`0 ms`).
 */
function toScale(value: number, unit: ScaledUnit, options: QuantityOptions): ScaledValue {
  const { steps } = unit.scale;
  const base = value * unit.size;
  const own = steps.find((step) => step.size === unit.size) ?? steps[0]!;
  if (base === 0) return { value: 0, symbol: own.symbol };
  let index = 0;
  for (let i = steps.length - 1; i >= 0; i -= 1) {
    if (Math.abs(base) >= steps[i]!.size) {
      index = i;
      break;
    }
  }
  for (;;) {
    const step = steps[index]!;
    const next = steps[index + 1];
    const shown = roundSignificant(base / step.size, options.significantDigits);
    // The ratio of two steps, without binary noise (1e-3 / 1e-6 is 1000.0000000000001).
    const stepsPerNext =
      next === undefined ? Infinity : Number((next.size / step.size).toPrecision(12));
    if (Math.abs(shown) < stepsPerNext) {
      return { value: base / step.size, symbol: step.symbol };
    }
    index += 1;
  }
}

/**
 * A value of a metric as a person reads it: rounded to 3 significant digits (integers kept
 * whole and grouped in thousands) with its unit.
 *
 * - `ratio` is a fraction shown as percent: `0.0267` → `2.67 %`; `percent` is already percent.
 * - durations (`ns`, `us`, `ms`, `s`) take the largest step they reach: `1.804 ms` → `1.80 ms`,
 *   `2000 ms` → `2.00 s`, `90 s` → `1.50 min`.
 * - sizes (`bytes`, `KB`, `MB`, `GB`, all 1024-based) in B/KiB/MiB/GiB/TiB.
 * - no unit (counts): `1234567` → `1,234,567`, `12.345` → `12.3`.
 * - any other unit is written after the number: `3.50 req`.
 * - `null`, `NaN` and ±Infinity are `no data`.
 */
export function formatQuantity(
  value: number | null | undefined,
  unit: string,
  options: QuantityOptions = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA_TEXT;
  const scaled = SCALED_UNITS[unit];
  if (scaled !== undefined) {
    const shown = toScale(value, scaled, options);
    return `${formatNumber(shown.value, options)} ${shown.symbol}`;
  }
  const percentFactor = PERCENT_UNITS[unit];
  if (percentFactor !== undefined) return `${formatNumber(value * percentFactor, options)} %`;
  const text = formatNumber(value, options);
  return unit === '' ? text : `${text} ${unit}`;
}
