export { formatQuantity } from './format-quantity.ts';
export type { QuantityOptions } from './format-quantity.ts';
export { formatDuration, DURATION_PARTS } from './format-duration.ts';
export { describeCondition, formatStatValue, COMPARISON_TEXT } from './describe-condition.ts';
export type { ConditionComparison, ConditionInput } from './describe-condition.ts';
export {
  formatNumber,
  roundSignificant,
  DEFAULT_SIGNIFICANT_DIGITS,
  DEFAULT_LOCALE,
} from './number-text.ts';
export type { NumberTextOptions } from './number-text.ts';
export {
  DURATION_SCALE,
  SIZE_SCALE,
  SCALED_UNITS,
  PERCENT_UNITS,
  NO_DATA_TEXT,
} from './unit-scales.ts';
export type { ScaleStep, UnitScale, ScaledUnit } from './unit-scales.ts';
