import { affiliateCommission, costPerAcquisition, flavorById } from '@taurine/calculator';
import type { MetricsRegistry } from '@taurine/monitor';
import type { CalculatorEventType } from '../catalog/event-service.ts';
import type { AnalyticsConfig } from './analytics-config.ts';

/** The business figures: calculations, affiliate clicks and their commission, and cost per acquisition. */
export interface BusinessMetrics {
  /** Counts a stored calculator event; an affiliate click also earns its flavor's commission. */
  recordEvent: (event: { type: CalculatorEventType; flavorId: string }) => void;
  /** Sets `business.costPerAcquisition` from the spend and the last 24 h's clicks (each tick). */
  updateCostPerAcquisition(): void;
}

/**
 * `business.calculations`; `business.affiliateClicks{flavor, supplier}` and
 * `business.affiliateEarnings{supplier}` (USD, the commission of each click, see
 * `affiliateCommission`); `business.costPerAcquisition` (USD): `MARKETING_SPEND_PER_DAY` over the
 * clicks a day brings at the last 24 hours' rate. Flavor and supplier tags are bounded by the
 * catalogue: `trackEvent` refuses unknown flavors before anything is recorded.
 */
export function createBusinessMetrics(options: {
  registry: MetricsRegistry;
  config: AnalyticsConfig;
}): BusinessMetrics {
  const { registry, config } = options;
  return {
    recordEvent: (event) => {
      if (event.type === 'calculation') {
        registry.counter('business.calculations', 1);
        return;
      }
      const flavor = flavorById(event.flavorId);
      if (flavor === undefined) {
        registry.counter('business.affiliateClicks', 1, { flavor: 'other', supplier: 'other' });
        return;
      }
      const commission = affiliateCommission(flavor, config.commissionRates);
      const supplier = commission.supplierId;
      registry.counter('business.affiliateClicks', 1, { flavor: flavor.id, supplier });
      registry.counter('business.affiliateEarnings', commission.commissionUsd, { supplier });
    },
    updateCostPerAcquisition() {
      const cost = costPerAcquisition({
        spendPerDayUsd: config.marketingSpendPerDayUsd,
        acquisitionsPerSecond: registry.stats('business.affiliateClicks', undefined, '24h').rate,
      });
      if (cost !== null) registry.gauge('business.costPerAcquisition', cost);
    },
  };
}
