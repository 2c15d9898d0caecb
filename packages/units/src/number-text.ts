/**
 * Rounding and digit grouping shared by every formatter: a fixed number of significant digits,
 * except that the integer digits of a large number are never rounded away (`1,234,567`, not
 * `1,230,000`), and digits grouped in thousands.
 */

/** Significant digits a formatted number keeps unless the caller says otherwise. */
export const DEFAULT_SIGNIFICANT_DIGITS = 3;

/** Locale of the digits (decimal point and thousands separator). */
export const DEFAULT_LOCALE = 'en-US';

/** How a number is written. */
export interface NumberTextOptions {
  /**
   * Significant digits kept (1..15).
   * @defaultValue 3
   */
  significantDigits?: number;
  /**
   * Drops zeros after the decimal point (`2 s` rather than `2.00 s`): for thresholds a person
   * typed, where `2.00` would claim a precision nobody meant.
   * @defaultValue false
   */
  trimZeros?: boolean;
  /**
   * BCP 47 locale of the decimal point and the thousands separator.
   * @defaultValue `'en-US'`
   */
  locale?: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${locale}|${minDecimals}|${maxDecimals}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(locale, {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
      useGrouping: true,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

function clampDigits(digits: number | undefined): number {
  if (digits === undefined || !Number.isFinite(digits)) return DEFAULT_SIGNIFICANT_DIGITS;
  return Math.min(15, Math.max(1, Math.round(digits)));
}

/**
 * `value` rounded to the significant digits (integers kept whole), as a number: what
 * {@link formatNumber} writes. Used to decide a scale after rounding (999.96 ms is `1.00 s`).
 */
export function roundSignificant(value: number, significantDigits?: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const digits = clampDigits(significantDigits);
  const rounded = Number(value.toPrecision(digits));
  return Math.abs(rounded) >= 10 ** digits ? Math.round(value) : rounded;
}

/** Digits after the decimal point that `rounded` shows with `digits` significant digits. */
function decimalsOf(rounded: number, digits: number): number {
  if (rounded === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(rounded)));
  return Math.min(20, Math.max(0, digits - 1 - magnitude));
}

/**
 * `value` rounded (see {@link roundSignificant}) and written with grouped thousands; values too
 * small to show their digits within 20 decimals (below 10⁻¹⁸ at 3 digits) read `0`.
 */
export function formatNumber(value: number, options: NumberTextOptions = {}): string {
  const digits = clampDigits(options.significantDigits);
  const rounded = roundSignificant(value, digits);
  // Past 20 decimals (Intl's limit everywhere) a value is noise, not a reading: it reads 0.
  if (rounded === 0 || Math.abs(rounded) < 10 ** (digits - 21)) return '0';
  const decimals = decimalsOf(rounded, digits);
  const formatter = formatterFor(
    options.locale ?? DEFAULT_LOCALE,
    options.trimZeros === true ? 0 : decimals,
    decimals,
  );
  return formatter.format(rounded);
}
