import { DEFAULT_COMMISSION_RATES, supplierById } from '@taurine/calculator';
import type { CommissionRates } from '@taurine/calculator';

/** The business figures behind affiliate earnings and cost per acquisition. */
export interface AnalyticsConfig {
  /**
   * Commission shares: `AFFILIATE_COMMISSION_RATE` (default share) and `AFFILIATE_COMMISSION_RATES`
   * (`supplier=share,…`) over the calculator's `DEFAULT_COMMISSION_RATES`.
   */
  commissionRates: CommissionRates;
  /** `MARKETING_SPEND_PER_DAY` in USD; undefined: no cost per acquisition is computed. */
  marketingSpendPerDayUsd: number | undefined;
}

type Env = Record<string, string | undefined>;

const MAX_SPEND_PER_DAY = 1_000_000_000;

/** A decimal number from `min` to `max`, or a problem naming the variable and the value. */
function decimal(name: string, raw: string, min: number, max: number, problems: string[]) {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    problems.push(`${name} must be a number from ${min} to ${max} (got "${raw.slice(0, 80)}")`);
    return undefined;
  }
  return value;
}

/** `supplier=share,…`: every supplier must be one of the catalogue's, every share 0..1. */
function supplierRates(raw: string, problems: string[]): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const entry of raw.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const [supplierId = '', share, ...rest] = entry.split('=').map((part) => part.trim());
    if (share === undefined || rest.length > 0) {
      problems.push(`AFFILIATE_COMMISSION_RATES entries must be supplier=share (got "${entry}")`);
      continue;
    }
    if (supplierById(supplierId) === undefined) {
      problems.push(`AFFILIATE_COMMISSION_RATES: unknown supplier "${supplierId.slice(0, 80)}"`);
      continue;
    }
    const value = decimal(`AFFILIATE_COMMISSION_RATES (${supplierId})`, share, 0, 1, problems);
    if (value !== undefined) rates[supplierId] = value;
  }
  return rates;
}

/**
 * Reads `AFFILIATE_COMMISSION_RATE`, `AFFILIATE_COMMISSION_RATES` and `MARKETING_SPEND_PER_DAY`;
 * adds a problem per invalid value (its fallback stands), as `loadConfig` does for every variable.
 */
export function readAnalyticsConfig(env: Env, problems: string[]): AnalyticsConfig {
  const defaultRaw = env.AFFILIATE_COMMISSION_RATE;
  const defaultRate =
    defaultRaw === undefined || defaultRaw === ''
      ? DEFAULT_COMMISSION_RATES.defaultRate
      : (decimal('AFFILIATE_COMMISSION_RATE', defaultRaw, 0, 1, problems) ??
        DEFAULT_COMMISSION_RATES.defaultRate);
  const spendRaw = env.MARKETING_SPEND_PER_DAY;
  return {
    commissionRates: {
      defaultRate,
      bySupplier: {
        ...DEFAULT_COMMISSION_RATES.bySupplier,
        ...supplierRates(env.AFFILIATE_COMMISSION_RATES ?? '', problems),
      },
    },
    marketingSpendPerDayUsd:
      spendRaw === undefined || spendRaw === ''
        ? undefined
        : decimal('MARKETING_SPEND_PER_DAY', spendRaw, 0, MAX_SPEND_PER_DAY, problems),
  };
}
