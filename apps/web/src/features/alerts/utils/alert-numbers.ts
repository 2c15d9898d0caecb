/**
 * An alert's value or threshold for people: three significant digits and the metric's unit.
 */
export function formatAlertNumber(value: number, unit: string | null | undefined): string {
  const rounded = Number(value.toPrecision(3)).toLocaleString('en-US');
  return unit === null || unit === undefined || unit === '' ? rounded : `${rounded} ${unit}`;
}
