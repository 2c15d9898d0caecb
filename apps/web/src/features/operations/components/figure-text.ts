import { formatDecimal, formatPercent } from '../../../lib/number-format.ts';

/** `p95 840 ms`, `hit rate 12.5%`, `lookups 400`: one figure as the panels show it. */
export function figureText(figure: { label: string; value: number; unit?: string }): string {
  const unit = figure.unit ?? '';
  if (unit === 'ratio') return `${figure.label} ${formatPercent(figure.value, 1)}`;
  const number = formatDecimal(figure.value, Math.abs(figure.value) < 10 ? 2 : 0);
  return unit === '' ? `${figure.label} ${number}` : `${figure.label} ${number} ${unit}`;
}
