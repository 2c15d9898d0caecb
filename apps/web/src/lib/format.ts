/**
 * Number formatting for what the calculator shows. One fixed locale: the interface copy is English
 * and the end-to-end test compares the screen with the domain package's numbers.
 */
import { formatDecimal, formatPercent, formatUsdAmount } from './number-format.ts';

// Not `Intl.NumberFormat`: its first use loads the ICU data in one long task (number-format.ts).
const oneDecimal = { format: (value: number) => formatDecimal(value, 1) };
const wholeNumber = { format: (value: number) => formatDecimal(value, 0) };
const usd = { format: formatUsdAmount };
const percent = { format: (value: number) => formatPercent(value, 1) };

/** `80 mg`, `32.5 mg`. */
export const formatMg = (mg: number): string => `${oneDecimal.format(mg)} mg`;

/** `27.5 g`. */
export const formatGrams = (grams: number): string => `${oneDecimal.format(grams)} g`;

/** `112 kcal`. */
export const formatKcal = (kcal: number): string => `${wholeNumber.format(kcal)} kcal`;

/** `$2.49`. */
export const formatUsd = (usdAmount: number): string => usd.format(usdAmount);

/** `0.2` → `20%`, `0.284` → `28.4%`. */
export const formatShare = (share: number): string => percent.format(share);

/** `250 ml`. */
export const formatMl = (ml: number): string => `${oneDecimal.format(ml)} ml`;
