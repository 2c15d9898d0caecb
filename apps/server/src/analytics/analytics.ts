import type { AppConfig } from '../config.ts';
import type { MetricsService } from '../metrics/metrics-service.ts';
import { createBusinessMetrics } from './business-metrics.ts';
import type { BusinessMetrics } from './business-metrics.ts';
import { createVisitorAnalytics } from './visitor-analytics.ts';
import type { VisitorAnalytics } from './visitor-analytics.ts';

/** The analytics feature: the visit ledger behind `/analytics` and the business figures. */
export interface Analytics {
  visitors: VisitorAnalytics;
  business: BusinessMetrics;
}

/** Visitor analytics (the `/analytics` beacons) and the business figures, over the registry. */
export function createAnalytics(
  config: AppConfig,
  { metrics }: { metrics: MetricsService },
): Analytics {
  return {
    visitors: createVisitorAnalytics({ registry: metrics.registry }),
    business: createBusinessMetrics({ registry: metrics.registry, config: config.analytics }),
  };
}
