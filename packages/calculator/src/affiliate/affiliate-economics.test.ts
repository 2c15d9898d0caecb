import { describe, expect, it } from 'vitest';
import { flavorById } from '../catalog/flavors.ts';
import { supplierById } from '../catalog/suppliers.ts';
import {
  DEFAULT_COMMISSION_RATES,
  affiliateCommission,
  commissionRateFor,
  costPerAcquisition,
} from './affiliate-economics.ts';

describe('affiliateCommission', () => {
  it('values a click at the flavor’s primary container times its supplier’s rate', () => {
    const redBull = flavorById('red-bull-original')!;
    // 250 ml can at $2.29 (per 250 ml basis), Red Bull's 6 %.
    expect(affiliateCommission(redBull, DEFAULT_COMMISSION_RATES)).toEqual({
      supplierId: 'red-bull-gmbh',
      rate: 0.06,
      saleUsd: 2.29,
      commissionUsd: 0.1374,
    });
  });

  it('uses the default rate for a supplier without its own, and configured rates over data', () => {
    const rates = { defaultRate: 0.1, bySupplier: { guayaki: 0.2 } };
    expect(commissionRateFor('celsius-holdings', rates)).toBe(0.1);
    expect(commissionRateFor('guayaki', rates)).toBe(0.2);
    expect(commissionRateFor('toString', rates)).toBe(0.1);
  });

  it('names only suppliers of the catalogue in its data', () => {
    for (const id of Object.keys(DEFAULT_COMMISSION_RATES.bySupplier))
      expect(supplierById(id)).toBeDefined();
  });
});

describe('costPerAcquisition', () => {
  it('divides the daily spend by the acquisitions a day brings', () => {
    // 48 clicks a day at $120 a day: $2.50 each.
    expect(costPerAcquisition({ spendPerDayUsd: 120, acquisitionsPerSecond: 48 / 86_400 })).toBe(
      2.5,
    );
  });

  it('has no figure without spend or without acquisitions', () => {
    expect(costPerAcquisition({ spendPerDayUsd: undefined, acquisitionsPerSecond: 1 })).toBeNull();
    expect(costPerAcquisition({ spendPerDayUsd: 100, acquisitionsPerSecond: 0 })).toBeNull();
    expect(costPerAcquisition({ spendPerDayUsd: 100, acquisitionsPerSecond: null })).toBeNull();
  });
});
