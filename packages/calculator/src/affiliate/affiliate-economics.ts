import { roundTo } from '../round.ts';
import { NUTRITION_BASIS_ML } from '../catalog/model.ts';
import type { Flavor } from '../catalog/model.ts';

/** The affiliate programme's commission: a share of the sale, per supplier where it differs. */
export interface CommissionRates {
  /** Share (0..1) of a sale paid for a supplier without its own rate. */
  readonly defaultRate: number;
  /** Shares (0..1) by supplier id. */
  readonly bySupplier: Readonly<Record<string, number>>;
}

/**
 * The rates used until configuration says otherwise (`AFFILIATE_COMMISSION_RATE`,
 * `AFFILIATE_COMMISSION_RATES` on the server): the 5 % grocery rate common to retail affiliate
 * programmes, and the brand owners whose shop pages pay differently. Illustrative until the
 * programme's contract gives the real figures; that is why they are configuration too.
 */
export const DEFAULT_COMMISSION_RATES: CommissionRates = Object.freeze({
  defaultRate: 0.05,
  bySupplier: Object.freeze({
    'red-bull-gmbh': 0.06,
    'monster-beverage': 0.06,
    pepsico: 0.04,
    'coca-cola-company': 0.04,
  }),
});

/** What one affiliate click is worth: the rate, the sale it is valued at and the commission. */
export interface AffiliateCommission {
  supplierId: string;
  rate: number;
  /** Price of the flavor's primary container (the pack the shop page sells), USD. */
  saleUsd: number;
  /** `rate × saleUsd`, USD, to a hundredth of a cent. */
  commissionUsd: number;
}

/** The commission share for a supplier: its own rate, else the default. */
export function commissionRateFor(supplierId: string, rates: CommissionRates): number {
  return Object.hasOwn(rates.bySupplier, supplierId)
    ? rates.bySupplier[supplierId]!
    : rates.defaultRate;
}

/**
 * The commission an affiliate click on `flavor` earns, valuing the click at one primary container
 * (the pack the shop page offers; `priceUsd` is per 250 ml). An estimate until the affiliate
 * network reports actual sales: every click is counted as a sale of one pack.
 */
export function affiliateCommission(flavor: Flavor, rates: CommissionRates): AffiliateCommission {
  const rate = commissionRateFor(flavor.supplierId, rates);
  const saleUsd = roundTo((flavor.priceUsd * flavor.defaultServingMl) / NUTRITION_BASIS_ML, 2);
  return {
    supplierId: flavor.supplierId,
    rate,
    saleUsd,
    commissionUsd: roundTo(rate * saleUsd, 4),
  };
}

const SECONDS_PER_DAY = 86_400;

/**
 * Cost per acquisition (an affiliate click) in USD: the marketing spend per day divided by the
 * acquisitions a day brings at the observed rate. Null without a spend figure or without
 * acquisitions (no acquisition has no cost per acquisition, and 0 would read as free).
 */
export function costPerAcquisition(input: {
  spendPerDayUsd: number | undefined;
  acquisitionsPerSecond: number | null;
}): number | null {
  const { spendPerDayUsd, acquisitionsPerSecond } = input;
  if (spendPerDayUsd === undefined || acquisitionsPerSecond === null || acquisitionsPerSecond <= 0)
    return null;
  return roundTo(spendPerDayUsd / (acquisitionsPerSecond * SECONDS_PER_DAY), 4);
}
