/**
 * Number formatting for what the calculator shows. One fixed locale: the interface copy is English
 * and the end-to-end test compares the screen with the domain package's numbers.
 */
const LOCALE = 'en-US';

const decimal = (maximumFractionDigits: number) =>
  new Intl.NumberFormat(LOCALE, { maximumFractionDigits });

const oneDecimal = decimal(1);
const wholeNumber = decimal(0);
const usd = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD' });
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 });

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
