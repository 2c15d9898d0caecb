/**
 * en-US number formatting without `Intl`. The first `Intl` formatter a page creates loads the ICU
 * locale data: in Debian's Chromium that is one task of 100–600 ms (four times that on Lighthouse's
 * throttled mobile CPU), the largest long task of the calculator and the dashboards. The app's
 * locale is fixed (en-US), so decimal, currency, percent and compact numbers are formatted here;
 * `number-format.test.ts` checks every function against `Intl.NumberFormat` itself.
 */

/** Beyond this, and for NaN and ±Infinity, `Intl` does the work (never on screen in practice). */
const EXACT_LIMIT = 1e12;

const fallback = (value: number, options: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat('en-US', options).format(value);

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * `|value|` rounded half away from zero to `fractionDigits` decimals as Intl does it: on the
 * shortest decimal representation (`1.005` → `1.01`), not on the binary value as `toFixed` does.
 */
function roundedParts(magnitude: number, fractionDigits: number): [string, string] {
  // Shift the decimal point in the text, so the rounding sees the digits a person would.
  const [mantissa = '0', exponent = '0'] = String(magnitude).split('e');
  const scaled = Math.round(Number(`${mantissa}e${Number(exponent) + fractionDigits}`));
  const digits = String(scaled).padStart(fractionDigits + 1, '0');
  const cut = digits.length - fractionDigits;
  return [digits.slice(0, cut), digits.slice(cut)];
}

const isNegative = (value: number) => value < 0 || Object.is(value, -0);

/**
 * `1234.5` → `1,234.5`; at most `maximumFractionDigits` decimals, trailing zeros dropped, at least
 * `minimumFractionDigits` kept (as `Intl.NumberFormat('en-US', …)`).
 */
export function formatDecimal(
  value: number,
  maximumFractionDigits: number,
  minimumFractionDigits = 0,
): string {
  if (!Number.isFinite(value) || Math.abs(value) >= EXACT_LIMIT) {
    return fallback(value, { maximumFractionDigits, minimumFractionDigits });
  }
  const [whole, fraction] = roundedParts(Math.abs(value), maximumFractionDigits);
  let kept = fraction.replace(/0+$/, '');
  if (kept.length < minimumFractionDigits) kept = fraction.slice(0, minimumFractionDigits);
  const sign = isNegative(value) ? '-' : '';
  return `${sign}${groupThousands(whole)}${kept === '' ? '' : `.${kept}`}`;
}

/** `2.49` → `$2.49`, `-3` → `-$3.00`. */
export function formatUsdAmount(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= EXACT_LIMIT) {
    return fallback(value, { style: 'currency', currency: 'USD' });
  }
  const formatted = formatDecimal(Math.abs(value), 2, 2);
  return `${isNegative(value) ? '-' : ''}$${formatted}`;
}

/** `0.284` → `28.4%` (the shift by 100 is decimal, so `0.0285` → `2.9%` as in Intl). */
export function formatPercent(ratio: number, maximumFractionDigits: number): string {
  if (!Number.isFinite(ratio) || Math.abs(ratio) >= EXACT_LIMIT / 100) {
    return fallback(ratio, { style: 'percent', maximumFractionDigits });
  }
  const [mantissa = '0', exponent = '0'] = String(Math.abs(ratio)).split('e');
  const percent = Number(`${mantissa}e${Number(exponent) + 2}`);
  return `${formatDecimal(isNegative(ratio) ? -percent : percent, maximumFractionDigits)}%`;
}

const COMPACT_UNITS = [
  [1e3, 'K'],
  [1e6, 'M'],
  [1e9, 'B'],
  [1e12, 'T'],
] as const;

/** `12345` → `12.3K`, `2500000` → `2.5M` (Intl's `notation: 'compact'`, short form). */
export function formatCompact(value: number, maximumFractionDigits = 1): string {
  if (!Number.isFinite(value) || Math.abs(value) >= EXACT_LIMIT) {
    return fallback(value, { notation: 'compact', maximumFractionDigits });
  }
  const magnitude = Math.abs(value);
  const roundsTo = (scaled: number) =>
    Number(roundedParts(scaled, maximumFractionDigits).join('.'));
  // The largest unit the number reaches once rounded (999,960 is 1M, as Intl says).
  let chosen: (typeof COMPACT_UNITS)[number] | undefined;
  for (const unit of COMPACT_UNITS) {
    if (roundsTo(magnitude / unit[0]) >= 1) chosen = unit;
  }
  if (chosen === undefined) return formatDecimal(value, maximumFractionDigits);
  const sign = isNegative(value) ? '-' : '';
  return `${sign}${formatDecimal(magnitude / chosen[0], maximumFractionDigits)}${chosen[1]}`;
}
