import { DEFAULT_COMMISSION_RATES } from '@taurine/calculator';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';

describe('analytics configuration', () => {
  it('uses the calculator’s commission rates and no spend by default', () => {
    expect(loadConfig({}).analytics).toEqual({
      commissionRates: DEFAULT_COMMISSION_RATES,
      marketingSpendPerDayUsd: undefined,
    });
  });

  it('overrides the default share and single suppliers, and reads the daily spend', () => {
    const { analytics } = loadConfig({
      AFFILIATE_COMMISSION_RATE: '0.08',
      AFFILIATE_COMMISSION_RATES: 'guayaki=0.12, pepsico=0.03',
      MARKETING_SPEND_PER_DAY: '250.5',
    });
    expect(analytics.commissionRates.defaultRate).toBe(0.08);
    expect(analytics.commissionRates.bySupplier).toMatchObject({ guayaki: 0.12, pepsico: 0.03 });
    expect(analytics.marketingSpendPerDayUsd).toBe(250.5);
  });

  it('refuses bad figures with one message each', () => {
    expect(() =>
      loadConfig({
        AFFILIATE_COMMISSION_RATE: '5%',
        AFFILIATE_COMMISSION_RATES: 'acme=0.1,pepsico=2,guayaki',
        MARKETING_SPEND_PER_DAY: '-3',
      }),
    ).toThrow(
      [
        'Invalid configuration:',
        '  - AFFILIATE_COMMISSION_RATE must be a number from 0 to 1 (got "5%")',
        '  - AFFILIATE_COMMISSION_RATES: unknown supplier "acme"',
        '  - AFFILIATE_COMMISSION_RATES (pepsico) must be a number from 0 to 1 (got "2")',
        '  - AFFILIATE_COMMISSION_RATES entries must be supplier=share (got "guayaki")',
        '  - MARKETING_SPEND_PER_DAY must be a number from 0 to 1000000000 (got "-3")',
      ].join('\n'),
    );
  });
});
