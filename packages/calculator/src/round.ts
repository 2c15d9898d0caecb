/**
 * Rounds half away from zero to `decimals` places, exactly for decimal inputs: `roundTo(1.005, 2)`
 * is 1.01, where `Math.round(1.005 * 100) / 100` gives 1.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** decimals;
  const text = String(Math.abs(value));
  // Shifting the decimal point in the string keeps 1.005 from becoming 100.49999… before rounding;
  // exponent notation (1e-7, 1e21) is already far from any tie, so plain arithmetic is exact enough.
  const shifted = text.includes('e')
    ? Math.round(Math.abs(value) * scale)
    : Math.round(Number(`${text}e${decimals}`));
  const rounded = (Math.sign(value) * shifted) / scale;
  return rounded === 0 ? 0 : rounded;
}
